"""Keyboard alone: answer, write a note, export and import, with visible focus that is never trapped."""

from __future__ import annotations

import json
from pathlib import Path

from browser_helpers import item, open_checklist, wait_for_engine
from playwright.sync_api import Page, expect

FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  // A visually hidden control (ours, or Material's palette toggle) shows its focus on the label after it.
  const hidden = el.classList.contains('pv-visually-hidden') || el.classList.contains('md-option');
  const shown = hidden ? el.nextElementSibling : el;
  const style = getComputedStyle(shown);
  const visible = (style.outlineStyle === 'auto' || (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)) || style.boxShadow !== 'none';
  return { tag: el.tagName, name: el.getAttribute('aria-label') || el.labels?.[0]?.textContent?.trim() || el.textContent.trim().slice(0, 40),
           id: el.id, type: el.type || '', visible, inItem: el.closest('fieldset[data-pv-item]')?.dataset.pvItem || null };
}"""


def tab_until(page: Page, wanted: str, limit: int = 400, key: str = "Tab") -> dict:
    """Press Tab until the focused element matches the JS predicate ``wanted`` (given the focus state)."""
    for _ in range(limit):
        page.keyboard.press(key)
        state = page.evaluate(FOCUS_STATE)
        assert state is None or state["visible"], f"focus is not visible on {state}"
        if state and page.evaluate(f"(s) => ({wanted})(s)", state):
            return state
    raise AssertionError(f"focus never reached {wanted}")


def test_answer_export_and_import_with_the_keyboard_alone(site, page: Page, tmp_path: Path) -> None:
    # Playwright turns file-chooser interception on with a message it does not wait for, so a
    # chooser opened right after `expect_file_chooser()` can slip past it (a CI run saw a 30 s
    # timeout). A listener for the whole test turns interception on long before the first Space.
    page.on("filechooser", lambda _chooser: None)
    open_checklist(page, site)
    first_item = page.locator("fieldset[data-pv-item]").first.get_attribute("data-pv-item")

    tab_until(page, f"s => s.type === 'radio' && s.inItem === '{first_item}'")
    page.keyboard.press("ArrowRight")  # radio group: arrows move the choice
    expect(item(page, "1.0 a").get_by_role("radio", name="Delvis")).to_be_checked()
    # Past «Fjern svaret» and the closed «Kilder» to the summary that opens the note.
    tab_until(page, "s => s.tag === 'SUMMARY' && s.name.startsWith('Notat')")
    page.keyboard.press("Enter")
    tab_until(page, "s => s.tag === 'TEXTAREA'")
    page.keyboard.type("Skrevet med tastaturet")
    expect(item(page, "1.0 a").get_by_label("Notat")).to_have_value("Skrevet med tastaturet")
    wait_for_engine(page, answered=1)

    # Back to the panel and export JSON with Enter.
    tab_until(page, "s => s.tag === 'BUTTON' && s.name === 'JSON'", key="Shift+Tab")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    exported = tmp_path / "svar.json"
    exported.write_bytes(Path(info.value.path()).read_bytes())
    assert json.loads(exported.read_text())["answers"][first_item]["note"] == "Skrevet med tastaturet"

    # Import: focus the file control, open the chooser with Space, confirm the dialog with Enter.
    tab_until(page, "s => s.id === 'pv-import'")
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Space")
    chooser.value.set_files(str(exported))
    dialog = page.get_by_role("dialog", name="Importer svar")
    expect(dialog).to_be_visible()
    focused = page.evaluate(FOCUS_STATE)
    assert focused["name"] == "Som ny gjennomgang" and focused["visible"]
    # The page behind the modal dialog is inert: Tab cycles through the dialog (and the browser's own
    # controls, where the page shows no focus), never into the page. Esc cancels without changing anything.
    for _ in range(8):
        page.keyboard.press("Tab")
        assert page.evaluate(
            "() => document.activeElement === document.body || document.activeElement.closest('dialog') !== null"
        )
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    expect(page.get_by_role("status").filter(has_text="Importen er avbrutt")).to_be_visible()

    page.locator("#pv-import").focus()
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Space")
    chooser.value.set_files(str(exported))
    expect(dialog).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").filter(has_text="Importerte 1 svar")).to_be_visible()
    expect(page.get_by_label("Gjennomgang", exact=True).locator("option:checked")).to_have_text("Min gjennomgang (2)")


def test_focus_is_never_trapped_in_a_checklist_page(site, page: Page) -> None:
    open_checklist(page, site)
    count = page.evaluate("() => document.querySelectorAll('a[href], button, input, select, textarea, summary').length")
    seen = set()
    for _ in range(count + 50):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None:
            break  # focus left the document's last control: nothing traps it
        assert state["visible"], state
        seen.add((state["tag"], state["id"], state["name"], state["inItem"]))
    # Every item was reachable on the way through.
    items = {entry[3] for entry in seen if entry[3]}
    assert len(items) == page.locator("fieldset[data-pv-item]").count()
