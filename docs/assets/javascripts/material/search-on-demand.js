// Material loads the whole search index (search/search_index.json) on every page, and it grows
// with every checklist. This holds that one request back until someone opens the search, so a
// guidance page costs the same however many checklists the site has. Loaded before Material's
// bundle, which fetches the index with XMLHttpRequest.
(function () {
  var INDEX = "search/search_index.json";
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = [];
  // A link from a search result (?h=…) highlights the words on arrival: it needs the index at once.
  var released = /[?&]h=/.test(location.search);

  function release() {
    if (released) return;
    released = true;
    held.splice(0).forEach(function (request) {
      send.apply(request.xhr, request.args);
    });
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.pvHeld = !released && String(url).split("?")[0].endsWith(INDEX);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.pvHeld && !released) {
      held.push({ xhr: this, args: arguments });
      return undefined;
    }
    return send.apply(this, arguments);
  };
  // The search field gets focus however search is opened (click, tap, the / s f shortcuts).
  document.addEventListener("focusin", function (event) {
    if (event.target && event.target.matches && event.target.matches("[data-md-component=search-query]"))
      release();
  });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search") release();
  });
})();
