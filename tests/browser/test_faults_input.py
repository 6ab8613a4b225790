"""Fault suite, hostile and mistaken input: bidi overrides in names, invalid numbers, storage that will not last."""

from __future__ import annotations

import re

from browser_helpers import CHECKLIST, PageErrors, dialog_answer, item, open_meeting, wait_for_engine
from faults import check_every_export, stored_answer
from playwright.sync_api import Page, expect

RLO_NAME = "\u202eMøte i Bodø"

TEXT_POSITIONS = """selector => {
  // Where each part of a message is drawn: text before the name, the name, text after it.
  const box = document.querySelector(selector);
  const rect = (node) => {
    const r = document.createRange();
    r.selectNodeContents(node);
    return r.getBoundingClientRect();
  };
  const nodes = [...box.childNodes];
  const bdi = nodes.findIndex((n) => n.nodeName === 'BDI');
  return { bdi, text: nodes[bdi]?.textContent, before: rect(nodes[bdi - 1]).left,
           name: rect(nodes[bdi]).left, after: rect(nodes[bdi + 1]).left };
}"""


def test_a_right_to_left_override_in_a_name_stays_inside_the_name(site, page: Page) -> None:
    page.goto(site.url + CHECKLIST)
    page.get_by_role("button", name="Ny", exact=True).click()
    dialog_answer(page, "Ny gjennomgang", "Opprett", name=RLO_NAME)
    expect(page.locator(".pv-status")).to_contain_text("er opprettet.")
    status = page.evaluate(TEXT_POSITIONS, ".pv-status")
    assert status["text"] == RLO_NAME
    assert status["before"] < status["name"] < status["after"], status  # «…» er opprettet. stays to the right

    page.get_by_role("button", name="Slett gjennomgang").click()
    dialog = page.get_by_role("dialog", name="Slette gjennomgangen?")
    expect(dialog.locator("bdi")).to_have_text(RLO_NAME)
    confirm = page.evaluate(TEXT_POSITIONS, "dialog.pv-dialog p")
    assert confirm["before"] < confirm["name"] < confirm["after"], confirm
    dialog.get_by_role("button", name="Avbryt").click()
    wait_for_engine(page)
    assert check_every_export(page, {})["walkthrough"]["name"] == RLO_NAME


def test_invalid_numbers_are_explained_and_never_saved(site, page: Page) -> None:
    page.goto(site.url + "sjekklister/sporreundersokelse/")
    field = item(page, "2").get_by_role("spinbutton")
    item_id = item(page, "2").get_attribute("data-pv-item")
    assert field.get_attribute("min") == "0" and field.get_attribute("step") == "1"  # written by the generator

    field.fill("2.5")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_accessible_description(
        re.compile(r"Skriv et helt tall, uten desimaler\. Svaret er ikke lagret\.")
    )
    assert stored_answer(page, item_id) is None

    field.fill("-3")
    expect(field).to_have_accessible_description(re.compile(r"Tallet kan ikke være mindre enn 0\."))
    assert stored_answer(page, item_id) is None

    field.fill("7")
    expect(field).not_to_have_attribute("aria-invalid", "true")
    expect(page.locator(".pv-field-error")).to_have_count(0)
    assert stored_answer(page, item_id)["value"] == 7

    field.fill("2.5")
    expect(field).to_have_accessible_description(re.compile(r"det lagrede svaret er fortsatt 7\."))
    assert stored_answer(page, item_id)["value"] == 7
    wait_for_engine(page, answered=1)
    check_every_export(page, {item_id: {"value": 7}})


def test_storage_that_will_not_last_is_said_and_leaving_unexported_asks(
    site, page: Page, page_errors: PageErrors
) -> None:
    page.goto(site.url + CHECKLIST)
    # Playwright's browser contexts are like private windows: the browser does not promise to keep the data.
    assert page.evaluate("() => navigator.storage.persisted()") is False
    expect(page.locator(".pv-panel__warning").first).to_contain_text("Nettleseren har ikke lovet å ta vare på svarene")
    expect(page.locator(".pv-panel__warning").first).to_contain_text("privat vindu eller gjestevindu")

    item(page, "1.0 a").get_by_role("radio", name="Ja").check()
    wait_for_engine(page, answered=1)
    check_every_export(page, {"parter-vertskommune": {"value": "ja"}})
    page.reload()  # everything exported: no question
    assert page_errors.unload_prompts == 0
    item(page, "2.0 a").get_by_role("radio", name="Nei").check()
    page.reload()  # a change never exported: the browser's standard «leave the page?» question
    assert page_errors.unload_prompts == 1
    wait_for_engine(page, answered=2)
    expect(item(page, "2.0 a").get_by_role("radio", name="Nei")).to_be_checked()


def test_invalid_numbers_are_explained_in_meeting_mode_too(site, page: Page) -> None:
    page.goto(site.url + "sjekklister/sporreundersokelse/")
    item_id = item(page, "2").get_attribute("data-pv-item")
    wait_for_engine(page)
    meeting = open_meeting(page)
    meeting.get_by_role("button", name="Neste →").click()
    field = meeting.get_by_role("spinbutton", name="Svar")
    field.fill("-3")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_accessible_description(
        re.compile(r"Tallet kan ikke være mindre enn 0\. Svaret er ikke lagret\.")
    )
    assert stored_answer(page, item_id) is None
    field.fill("12")
    expect(field).not_to_have_attribute("aria-invalid", "true")
    assert stored_answer(page, item_id)["value"] == 12
