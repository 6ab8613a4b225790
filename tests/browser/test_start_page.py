"""The start page leads with what people come to do, every page cites its source in a compact line
under the title, and the site's own look (dark headings, readable meta text, system fonts) holds in
both palettes."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from a11y import set_scheme
from browser_helpers import wait_for_engine
from playwright.sync_api import BrowserContext, Page, expect

ROOT = Path(__file__).resolve().parents[2]
PHONE = {"width": 360, "height": 780}
TASKS = ["Forbered partnerskapsmøtet", "Start en gjennomgang", "Les veiledningen"]
SOURCE_PAGES = [
    "",
    "om-partnerskapet/",
    "vertskommunesamarbeid/",
    "partnerskapsavtalen/",
    "erfaringer-fra-nordland/",
    "suksesskriterier-og-policy/",
    "tillitsvalgtes-perspektiv/",
    "ordliste/",
    "kilder/",
    "sjekklister/partnerskapsavtale/",
    "sjekklister/vertskommunesamarbeid/",
    "sjekklister/suksesskriterier/sammenstill/",
]

CONTRAST = """(selector) => {
  const channel = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const luminance = (css) => { const [r, g, b] = css.match(/[\\d.]+/g).map(Number);
                               return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b); };
  const el = document.querySelector(selector);
  let behind = el;
  while (behind && getComputedStyle(behind).backgroundColor.match(/[\\d.]+/g).length === 4
         && Number(getComputedStyle(behind).backgroundColor.match(/[\\d.]+/g)[3]) === 0) behind = behind.parentElement;
  const fg = luminance(getComputedStyle(el).color);
  const bg = luminance(getComputedStyle(behind || document.body).backgroundColor);
  const style = getComputedStyle(el);
  return { ratio: (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05), fg, bg,
           weight: Number(style.fontWeight), size: parseFloat(style.fontSize) };
}"""


def checklist_definitions() -> list[dict]:
    """Each checklist's YAML, read here directly (not through the generator the page is made by)."""
    return [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((ROOT / "checklists").glob("*.yml"))]


def test_start_page_leads_with_the_three_tasks(site, page: Page) -> None:
    page.set_viewport_size(PHONE)
    page.goto(site.url)
    headings = page.locator(".md-content h2").all_text_contents()
    assert [h.rstrip("¶").strip() for h in headings[:3]] == TASKS
    # On a phone the first task starts on the first screen, right after the title, source and lead.
    first = page.get_by_role("heading", name=TASKS[0], level=2)
    box = first.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"], box
    expect(page.get_by_role("link", name="Gå gjennom partnerskapsavtalen")).to_be_visible()


def test_start_page_lists_every_checklist_with_its_true_item_count(site, page: Page) -> None:
    page.goto(site.url)
    task = page.locator(".pv-task").filter(has=page.get_by_role("heading", name="Start en gjennomgang"))
    entries = task.locator(".pv-start-list li")
    definitions = checklist_definitions()
    assert len(definitions) >= 5
    expect(entries).to_have_count(len(definitions))
    for definition in definitions:
        count = sum(len(section["items"]) for section in definition["sections"])
        entry = entries.filter(has=page.get_by_role("link", name=definition["title"], exact=True))
        expect(entry).to_have_count(1)
        expect(entry.locator(".pv-start-list__meta")).to_contain_text(f"{count} punkter · For: ")
        href = entry.get_by_role("link").evaluate("(a) => a.href")
        assert href == f"{site.url}sjekklister/{definition['id']}/", href
    # The count is the page's own: the checklist page shows as many items.
    first = definitions[0]
    page.goto(site.url + f"sjekklister/{first['id']}/")
    expect(page.locator("fieldset[data-pv-item]")).to_have_count(
        sum(len(section["items"]) for section in first["sections"])
    )


@pytest.mark.parametrize("path", SOURCE_PAGES)
def test_source_is_a_compact_line_below_the_title(site, page: Page, path: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(site.url + path)
    source = page.locator("article h1 + details.pv-source")
    expect(source).to_have_count(1)
    summary = source.locator("summary")
    expect(summary).to_contain_text("Kilde:")
    lines = summary.evaluate("(el) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)")
    assert lines < 3, f"{path}: the Kilde line takes {lines:.1f} lines at 360 px"
    assert source.bounding_box()["height"] < 3 * 24, source.bounding_box()
    # Closed, the full citation is one activation away, and it gives the date of revision.
    body = source.locator(".pv-source__body")
    expect(body).to_be_hidden()
    summary.focus()
    page.keyboard.press("Enter")
    expect(body).to_be_visible()
    expect(body).to_contain_text("Bygger på" if "sammenstill" not in path else "bygger på")
    if "sammenstill" not in path:
        expect(body).to_contain_text("revidert")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_headings_are_dark_and_solid_and_meta_text_readable(site, page: Page, scheme: str) -> None:
    page.goto(site.url)
    set_scheme(page, scheme)
    h1 = page.evaluate(CONTRAST, "article h1")
    assert h1["weight"] >= 700, h1
    assert h1["ratio"] >= 12, h1  # near black on white, near white on slate (Material's was grey)
    if scheme == "light":
        assert h1["fg"] < h1["bg"], h1
    h2 = page.evaluate(CONTRAST, "article h2")
    assert h2["weight"] >= 600 and h2["ratio"] >= 12, h2
    for selector in ("details.pv-source > summary", ".pv-start-list__meta"):
        meta = page.evaluate(CONTRAST, selector)
        assert meta["size"] >= 15, (selector, meta)
        assert meta["ratio"] >= 4.5, (selector, meta)


def test_checklist_meta_text_is_readable(site, page: Page) -> None:
    page.goto(site.url + "sjekklister/partnerskapsavtale/")
    wait_for_engine(page)
    meta = page.evaluate(CONTRAST, ".pv-item__meta")
    assert meta["size"] >= 15 and meta["ratio"] >= 4.5, meta


def test_start_page_uses_system_fonts_and_stays_on_the_site(site, context: BrowserContext, page: Page) -> None:
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page.goto(site.url)
    page.wait_for_load_state("networkidle")
    page.locator(".pv-start-list").get_by_role("link", name="Partnerskapsavtalen punkt for punkt").click()
    wait_for_engine(page)
    assert requests and all(url.startswith(site.url) for url in requests), [
        u for u in requests if not u.startswith(site.url)
    ]
    # No web font is declared or loaded: text uses the system's UI font.
    assert page.evaluate("() => document.fonts.size") == 0
    family = page.evaluate("() => getComputedStyle(document.body).fontFamily")
    assert family.startswith("system-ui"), family


def test_print_shows_the_whole_citation(site, page: Page) -> None:
    page.goto(site.url + "partnerskapsavtalen/")
    body = page.locator("details.pv-source .pv-source__body")
    expect(body).to_be_hidden()
    page.emulate_media(media="print")
    expect(body).to_be_visible()
    expect(body).to_contain_text("versjon 3.0 (KS og Arbeids- og velferdsdirektoratet, 2019)")
