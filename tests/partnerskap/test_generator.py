"""The generator's pages, definition JSON and index, from a small fixture project."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import ROOT, VALID_CHECKLIST, make_project

from partnerskap.generator import ChecklistPage, PageMarkdown, generate
from partnerskap.project import load_project


@pytest.fixture
def output(tmp_path: Path) -> dict[str, str]:
    root = make_project(tmp_path)
    return generate(load_project(root / "checklists", root / "docs", root))


class FieldsetCollector(HTMLParser):
    """Collects each item fieldset's legend and the accessible names of its controls."""

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[str, dict] = {}
        self.current: dict | None = None
        self.depth = 0
        self.capture: str | None = None
        self.labels_for: dict[str, str] = {}
        self.label_target: str | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "fieldset" and "data-pv-item" in attrs:
            self.current = {"legend": "", "radios": [], "inputs": [], "legends": []}
            self.items[attrs["data-pv-item"]] = self.current
            self.depth = 0
        if self.current is None:
            return
        if tag == "fieldset":
            self.depth += 1
        if tag == "legend":
            self.capture, self.text = "legend", []
        if tag == "label":
            self.capture, self.text, self.label_target = "label", [], attrs.get("for")
        if tag == "input" and attrs.get("type") == "radio":
            self.current["radios"].append((attrs["name"], attrs["value"]))
        if tag in ("input", "textarea") and "id" in attrs:
            self.current["inputs"].append(attrs["id"])

    def handle_endtag(self, tag):
        if self.current is None:
            return
        if tag == "legend" and self.capture == "legend":
            text = "".join(self.text).strip()
            self.current["legends"].append(text)
            if not self.current["legend"]:
                self.current["legend"] = text
            self.capture = None
        if tag == "label" and self.capture == "label":
            text = "".join(self.text).strip()
            if self.label_target:
                self.labels_for[self.label_target] = text
            else:
                self.current.setdefault("radio_labels", []).append(text)
            self.capture = None
        if tag == "fieldset":
            self.depth -= 1
            if self.depth == 0:
                self.current = None

    def handle_data(self, data):
        if self.capture:
            self.text.append(data)


def parse(page: str) -> FieldsetCollector:
    collector = FieldsetCollector()
    collector.feed(page)
    return collector


def test_every_item_is_a_fieldset_with_the_question_as_legend(output: dict[str, str]) -> None:
    page = parse(output["sjekklister/eksempel.md"])
    assert list(page.items) == ["forste", "antall", "skala", "valg", "fritekst"]
    assert page.items["forste"]["legend"] == "1.1 Er partene enige?"
    assert page.items["valg"]["legend"] == "2.2 Velg ett."


def test_controls_have_the_accessible_names_of_the_brief(output: dict[str, str]) -> None:
    page = parse(output["sjekklister/eksempel.md"])
    status = page.items["forste"]
    assert status["radio_labels"][:4] == ["Ja", "Delvis", "Nei", "Ikke aktuelt"]
    assert status["radio_labels"][4:] == ["Stat", "Kommune", "Begge"]
    assert status["legends"] == ["1.1 Er partene enige?", "Ansvarlig"]
    named = {page.labels_for[i] for i in status["inputs"]}
    assert {"Notat", "Navn", "Frist"} <= named
    assert page.items["skala"]["radio_labels"][:6] == ["1", "2", "3", "4", "5", "6"]
    assert page.items["valg"]["radio_labels"][:2] == ["Enig", "Uenig"]
    assert page.labels_for["pv-antall-svar"] == "Svar (heltall)"
    assert page.labels_for["pv-fritekst-svar"] == "Svar"


def test_page_reads_without_javascript(output: dict[str, str]) -> None:
    page = output["sjekklister/eksempel.md"]
    assert page.splitlines()[0] == "---"
    assert "# Eksempel" in page
    assert "## 1.0 Første del { #del-en }" in page
    assert '!!! info "Kilde"' in page and "*Veileder* (KS, 2019)" in page
    assert "sist revidert 24. november 2026" in page
    assert "<noscript>" in page
    assert 'min="0"' in page and 'step="1"' in page


def test_links_are_rewritten_relative_to_the_generated_page(output: dict[str, str]) -> None:
    page = output["sjekklister/eksempel.md"]
    assert "Les [siden](../side.md#medbestemmelse)." in page  # Markdown: MkDocs resolves it
    assert 'href="../../side/#økonomi-og-drift"' in page  # raw HTML: already a URL
    assert '<a href="../../side/#medbestemmelse">Side om noe: Medbestemmelse</a>' in page
    assert "Lov: NAV-loven § 14" in page


def test_text_is_escaped(tmp_path: Path) -> None:
    from helpers import VALID_CHECKLIST

    root = make_project(tmp_path, {"eksempel.yml": VALID_CHECKLIST})
    project = load_project(root / "checklists", root / "docs", root)
    # The validator refuses raw HTML (tests/partnerskap/test_raw_html.py); the generator escapes it regardless.
    project.checklists["eksempel"].sections[0].items[0].text = "<script>alert(1)</script>"
    page = generate(project)["sjekklister/eksempel.md"]
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_definition_json(output: dict[str, str]) -> None:
    definition = json.loads(output["sjekklister/eksempel.json"])
    assert definition["format"] == "partnerskap-sjekkliste/1"
    assert (definition["id"], definition["version"], definition["url"]) == ("eksempel", "1.1", "sjekklister/eksempel/")
    items = [item for section in definition["sections"] for item in section["items"]]
    assert [i["scale"] for i in items] == ["vurdering", None, "skala6", None, None]
    assert set(definition["scales"]) == {"vurdering", "skala6"}
    assert definition["scales"]["vurdering"]["not_applicable"] == "ikke-aktuelt"
    assert all(len(i["hash"]) == 16 for i in items)
    assert items[0]["references"][0] == {"kind": "page", "target": "side.md#medbestemmelse"}


def test_index_json_lists_every_checklist(output: dict[str, str]) -> None:
    assert json.loads(output["sjekklister/index.json"]) == [
        {
            "id": "eksempel",
            "title": "Eksempel",
            "version": "1.1",
            "url": "sjekklister/eksempel/",
            "definition": "sjekklister/eksempel.json",
            "items": 5,
        }
    ]
    assert "[Eksempel](eksempel.md)" in output["sjekklister/index.md"]


def test_item_hash_changes_with_wording_only(tmp_path: Path) -> None:
    from helpers import VALID_CHECKLIST

    def hashes(text: str) -> dict[str, str]:
        root = make_project(tmp_path / str(len(text)), {"eksempel.yml": text})
        return {
            i.id: i.hash for i in load_project(root / "checklists", root / "docs", root).checklists["eksempel"].items()
        }

    before = hashes(VALID_CHECKLIST)
    after = hashes(VALID_CHECKLIST.replace("Velg ett.", "Velg ett alternativ.").replace("Om delen.", "Om denne delen."))
    assert {k for k in before if before[k] != after[k]} == {"valg"}


def test_guidance_md_links_are_made_site_relative() -> None:
    html = PageMarkdown("sjekklister/x.md").render("[a](om.md#x) [b](https://lovdata.no/) [c](index.md)")
    assert 'href="../../om/#x"' in html and 'href="https://lovdata.no/"' in html and 'href="../../"' in html


@pytest.mark.parametrize(
    ("fields", "summary", "present", "absent"),
    [
        ("[note]", "Notat", ["note"], ["owner", "owner_name", "due"]),
        ("[note, due]", "Notat og frist", ["note", "due"], ["owner", "owner_name"]),
        ("[]", None, [], ["note", "owner", "owner_name", "due"]),
    ],
)
def test_items_offer_only_the_fields_the_checklist_declares(
    tmp_path: Path, fields: str, summary: str | None, present: list[str], absent: list[str]
) -> None:
    text = VALID_CHECKLIST.replace("phases:\n", f"fields: {fields}\nphases:\n", 1)
    root = make_project(tmp_path, {"eksempel.yml": text})
    project = load_project(root / "checklists", root / "docs", root)
    page = ChecklistPage(project.checklists["eksempel"], project.pages).render()
    for name in present:
        assert page.count(f'data-pv-field="{name}"') == 5, name
    for name in absent:
        assert f'data-pv-field="{name}"' not in page, name
    if summary is None:
        assert "pv-item__more" not in page
    else:
        assert page.count(f"<summary>{summary}</summary>") == 5


GUIDANCE_BLOCK = re.compile(r'<div class="pv-item__guidance">(.*?)</div>', re.DOTALL)
ABBR = re.compile(r"<abbr [^>]*>([^<]+)</abbr>")


def test_guidance_uses_the_site_markdown_and_explains_abbreviations_at_first_use_on_the_page(tmp_path: Path) -> None:
    text = (
        VALID_CHECKLIST.replace("Les [siden](side.md#medbestemmelse).", "Les [siden](side.md#medbestemmelse) om MBA.")
        .replace(
            "guidance: Se [økonomi](side.md#økonomi-og-drift).",
            "guidance: Se [økonomi](side.md#økonomi-og-drift) og HMS.",
        )
        .replace("        type: number\n", "        type: number\n        guidance: HMS, MBA og KS igjen.\n")
    )
    root = make_project(tmp_path, {"eksempel.yml": text})
    project = load_project(root / "checklists", root / "docs", root)
    page = generate(project, ROOT / "mkdocs.yml")["sjekklister/eksempel.md"]
    first, second = GUIDANCE_BLOCK.findall(page)
    # The site's list (includes/abbreviations.md, auto-appended by pymdownx.snippets) applies, and links still resolve.
    hms = '<abbr title="Helse, miljø og sikkerhet (i «NAV HMS»: Nav Hjelpemiddelsentral)">HMS</abbr>'
    assert first == f'<p>Se <a href="../../side/#økonomi-og-drift">økonomi</a> og {hms}.</p>'
    # HMS was explained in item 1.1, MBA in the intro and KS (the publisher) in the «Kilde» box above.
    assert second == "<p>HMS, MBA og KS igjen.</p>"


def test_real_item_guidance_gets_the_site_abbreviations_once_per_page() -> None:
    project = load_project(ROOT / "checklists", ROOT / "docs", ROOT)
    pages = generate(project, ROOT / "mkdocs.yml")
    explained = 0
    for checklist_id in project.checklists:
        page = pages[f"sjekklister/{checklist_id}.md"]
        terms = [term for block in GUIDANCE_BLOCK.findall(page) for term in ABBR.findall(block)]
        assert len(terms) == len(set(terms)), (checklist_id, terms)
        explained += len(terms)
    assert explained >= 5  # before the generator used the site's set-up, item guidance had none
    # partnerskapsavtale names KS in an item's guidance, but its «Kilde» box (MkDocs renders that) names it first.
    page = pages["sjekklister/partnerskapsavtale.md"]
    kilde = page[page.index('!!! info "Kilde"') : page.index('<div class="pv-app"')]
    security = GUIDANCE_BLOCK.search(page, page.index('id="punkt-lokaler-sikkerhet"'))
    assert security is not None and "KS" in kilde and "som KS og direktoratet" in security.group(1)
    assert "<abbr" not in security.group(1)


def test_combine_page_promises_only_what_the_checklist_has(tmp_path: Path) -> None:
    root = make_project(tmp_path / "alle")
    page = generate(load_project(*_project_dirs(root)))["sjekklister/eksempel/sammenstill.md"]
    assert "spredning på skalaen 1–6" in page and "tallsvarene i en tabell" in page
    assert "standardavvik for et utvalg" in page
    # Only status and choice items: no 1–6 scale, no numbers, so no spread to promise.
    plain = VALID_CHECKLIST.replace(
        "      - id: antall\n        text: Hvor mange kontorer?\n        type: number\n        min: 0\n", ""
    ).replace("      - id: skala\n        text: Samarbeidet fungerer godt.\n        type: scale\n", "")
    plain = plain.replace('          - item: "#antall"\n', "")
    root = make_project(tmp_path / "enkel", {"eksempel.yml": plain})
    page = generate(load_project(*_project_dirs(root)))["sjekklister/eksempel/sammenstill.md"]
    assert "fordeler seg per punkt" in page
    assert "1–6" not in page and "spredning" not in page.lower() and "tallsvar" not in page


def _project_dirs(root: Path) -> tuple[Path, Path, Path]:
    return root / "checklists", root / "docs", root
