// Material for MkDocs' page globals (from its partials/javascripts/base.html), as a file so that no
// inline script is needed. Unlike the original, reading storage never throws: with localStorage
// blocked by the browser, Material's palette and search keep working.
(function () {
  var scope = document.currentScript.getAttribute("data-md-scope");
  window.__md_scope = new URL(scope, location);
  window.__md_hash = function (text) {
    return [].reduce.call(
      text,
      function (hash, char) {
        return (hash << 5) - hash + char.charCodeAt(0);
      },
      0,
    );
  };
  window.__md_get = function (key, storage, base) {
    try {
      return JSON.parse((storage || localStorage).getItem((base || __md_scope).pathname + "." + key));
    } catch {
      return null;
    }
  };
  window.__md_set = function (key, value, storage, base) {
    try {
      (storage || localStorage).setItem((base || __md_scope).pathname + "." + key, JSON.stringify(value));
    } catch {
      /* storage full or blocked: the preference is simply not remembered */
    }
  };
})();
