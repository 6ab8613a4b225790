// Addresses below the site root. The root comes from this module's own address, not the page's:
// during Material's instant navigation the new page's content can be mounted before the address
// bar changes, so a page-relative address would point into the previous page.
const SITE_ROOT = new URL("../../../", import.meta.url);

/** The absolute URL of ``path`` (below the site root, e.g. "sjekklister/x.json"). */
export function siteUrl(path) {
  return new URL(path, SITE_ROOT);
}
