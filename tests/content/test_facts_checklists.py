"""The checklists keep the corrections of issue 9: the sources' own numbering, roles that never
filter to nothing, per-checklist item fields, corrected facts and wording, and answers saved on
version 1.0 that still load.

Read from the compiled definitions (what the site publishes) and from the YAML files themselves,
so a phrase cannot come back through a comment-free corner of a file either. No MkDocs needed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from partnerskap.compiled import definition
from partnerskap.engine import api
from partnerskap.engine.definition import Definition
from partnerskap.engine.progress import progress
from partnerskap.generator import ChecklistPage, overview_page
from partnerskap.project import load_project

ROOT = Path(__file__).resolve().parents[2]
V1_0 = json.loads((Path(__file__).parent / "checklists_v1_0.json").read_text(encoding="utf-8"))
"""Ids, hashes and possible answers of every checklist at version 1.0 (see its «_about»)."""


@pytest.fixture(scope="module")
def project():
    return load_project(ROOT / "checklists", ROOT / "docs", ROOT)


@pytest.fixture(scope="module")
def definitions(project) -> dict[str, dict[str, Any]]:
    return {checklist_id: definition(checklist) for checklist_id, checklist in project.checklists.items()}


def items_of(checklist: dict[str, Any]) -> list[dict[str, Any]]:
    return [item for section in checklist["sections"] for item in section["items"]]


def sources_of(entry: dict[str, Any]) -> str:
    return " | ".join(ref["target"] for ref in entry["references"] if ref["kind"] == "source").lower()


def yaml_text(checklist_id: str) -> str:
    """The YAML file with its line breaks and indentation folded, so phrases match across lines."""
    return re.sub(r"\s+", " ", (ROOT / "checklists" / f"{checklist_id}.yml").read_text(encoding="utf-8"))


def running_texts(checklist: dict[str, Any]) -> list[tuple[str, str]]:
    """(where, text) for everything a reader sees as running text: not the source's metadata."""
    texts = [("title", checklist["title"]), ("intro", checklist["intro"])]
    texts += [(f"changelog {entry['version']}", entry["text"]) for entry in checklist["changelog"]]
    for section in checklist["sections"]:
        texts += [(section["id"], section["title"]), (section["id"], section["guidance"])]
        for item in section["items"]:
            texts += [
                (item["id"], item["text"]),
                (item["id"], item["guidance"]),
                (item["id"], " ".join(item["options"])),
            ]
    return texts


# --- one numbering, the sources' own --------------------------------------------------------


def test_no_two_items_share_a_number(definitions) -> None:
    for checklist_id, checklist in definitions.items():
        numbers = [item["number"] for item in items_of(checklist)]
        repeated = sorted({n for n in numbers if numbers.count(n) > 1})
        assert not repeated, f"{checklist_id}: numbers used by more than one item: {repeated}"


def test_every_item_has_a_number_under_the_source_number_its_section_declares(definitions) -> None:
    for checklist_id, checklist in definitions.items():
        for section in checklist["sections"]:
            for item in section["items"]:
                assert item["number"], f"{checklist_id}#{item['id']} has no source number"
                if section["number"]:
                    number, head = item["number"], section["number"]
                    assert number == head or number.startswith((f"{head} ", f"{head}.")), (
                        f"{checklist_id}#{item['id']}: «{number}» is not under its section's «{head}»"
                    )
                else:
                    assert any(item["number"] for item in section["items"]), section["id"]


def test_section_numbers_are_the_places_their_sources_cite(definitions) -> None:
    """A section's number is the clause or chapter its own source reference names."""
    for checklist_id, checklist in definitions.items():
        for section in checklist["sections"]:
            if not section["number"]:
                continue
            cited = sources_of(section)
            assert re.search(rf"(?<![\d.]){re.escape(section['number'].lower())}(?![\d.])", cited), (
                f"{checklist_id}: section {section['id']} is numbered «{section['number']}» but cites «{cited}»"
            )


def test_items_with_their_own_number_cite_that_place(project, definitions) -> None:
    """An item numbered in the YAML (not lettered under its section) cites that question, point or criterion."""
    for checklist_id, checklist in definitions.items():
        authored = {item.id for item in project.checklists[checklist_id].items() if item.number}
        for item in items_of(checklist):
            if item["id"] not in authored:
                continue
            own = item["number"].split()[0]
            cited = sources_of(item)
            assert re.search(rf"(?<![\d.]){re.escape(own)}(?![\d.])", cited), (
                f"{checklist_id}#{item['id']} is numbered «{item['number']}» but cites «{cited}»"
            )


def test_partnerskapsavtale_items_are_lettered_under_their_clause(definitions) -> None:
    for section in definitions["partnerskapsavtale"]["sections"]:
        letters = [item["number"] for item in section["items"]]
        assert letters == [f"{section['number']} {chr(ord('a') + i)}" for i in range(len(letters))], letters
        assert section["number"] not in section["title"], f"the title repeats the number: {section['title']}"


def test_forankringsprosess_keywords_carry_the_reports_own_letters(definitions) -> None:
    """Seed 002, 4.7: phase 1 keywords a–f, phase 2 keywords a–l; each item cites «fase N x»."""
    checklist = definitions["forankringsprosess"]
    for section in checklist["sections"]:
        if not section["number"].startswith("Fase"):
            continue
        for item in section["items"]:
            assert item["number"].lower() in sources_of(item), (item["number"], sources_of(item))


def test_vertskommunesamarbeid_sections_follow_the_checklists_chapters(definitions) -> None:
    numbers = [section["number"] for section in definitions["vertskommunesamarbeid"]["sections"]]
    assert numbers == ["2", "3", "4", "5.1", "5.2", "5.3", "5.4", "6", "7", "8"]


def test_survey_question_10_points_at_the_question_numbered_9(definitions) -> None:
    items = {item["id"]: item for item in items_of(definitions["sporreundersokelse"])}
    assert "spørsmål 9" in items["medbestemmelse-sammenslaing"]["text"]
    assert items["sammenslaing"]["number"] == "9"
    assert items["medbestemmelse-sammenslaing"]["number"] == "10"


def test_numbers_reach_the_page_and_every_export(project, definitions) -> None:
    checklist = project.checklists["partnerskapsavtale"]
    page = ChecklistPage(checklist, project.pages).render()
    assert "## 2.1 Fysisk lokalisering og utforming av Nav-kontoret { #lokalisering }" in page
    assert '<span class="pv-item__number">2.1 a</span>' in page
    assert '<span class="pv-item__number">3.1</span>' not in page
    compiled = Definition(definitions["partnerskapsavtale"])
    assert compiled.by_id["lokaler-universell-utforming"].number == "2.1 a"
    api.load_definition(definitions["partnerskapsavtale"])
    answers = {"lokaler-universell-utforming": {"value": "ja", "note": "Nye lokaler i 2027."}}
    exported = api.export("partnerskapsavtale", "markdown", {"id": "m", "name": "Møte"}, answers, {}, "2026-11-30")
    minutes = exported.data.decode("utf-8")
    assert "2.1 a Er lokalene gode nok" in minutes
    assert "3.1 Er lokalene" not in minutes


# --- roles -----------------------------------------------------------------------------------


def test_filtering_by_any_declared_role_never_yields_zero_items(definitions) -> None:
    for checklist_id, data in definitions.items():
        compiled = Definition(data)
        on_items = {role for item in items_of(data) for role in item["roles"]}
        declared = set(data["audience"]) | on_items
        for role in sorted(declared):
            visible = progress(compiled, {}, {"role": role})["visible"]
            assert visible, f"{checklist_id}: filtering by «{role}» shows no item"


def test_every_item_has_a_role(definitions) -> None:
    missing = [
        f"{cid}#{item['id']}" for cid, data in definitions.items() for item in items_of(data) if not item["roles"]
    ]
    assert not missing, f"items no role filter can show: {missing}"


@pytest.mark.parametrize(
    "item_id",
    [
        "lokaler-medbestemmelse",
        "sikkerhet-vernetjenesten",
        "medbestemmelse-tidlig-informasjon",
        "medbestemmelse-begge-veier",
        "medbestemmelse-tillitsvalgte",
    ],
)
def test_agreement_items_on_co_determination_name_the_employee_representatives(definitions, item_id: str) -> None:
    items = {item["id"]: item for item in items_of(definitions["partnerskapsavtale"])}
    assert "tillitsvalgte" in items[item_id]["roles"], items[item_id]["roles"]


# --- the fields an item offers ---------------------------------------------------------------


def test_questionnaire_offers_a_note_but_no_owner_or_due_date(project, definitions) -> None:
    assert definitions["sporreundersokelse"]["fields"] == ["note"]
    page = ChecklistPage(project.checklists["sporreundersokelse"], project.pages).render()
    assert page.count('data-pv-field="note"') == len(items_of(definitions["sporreundersokelse"]))
    assert 'data-pv-field="owner"' not in page and 'data-pv-field="due"' not in page
    assert "<summary>Notat</summary>" in page and "ansvar og frist" not in page


def test_other_checklists_keep_note_owner_and_due(project, definitions) -> None:
    for checklist_id in ("partnerskapsavtale", "vertskommunesamarbeid", "forankringsprosess", "suksesskriterier"):
        assert definitions[checklist_id]["fields"] == ["note", "owner", "due"], checklist_id
        page = ChecklistPage(project.checklists[checklist_id], project.pages).render()
        count = len(items_of(definitions[checklist_id]))
        assert page.count('data-pv-field="due"') == count and page.count('data-pv-field="owner_name"') == count
        assert page.count("<summary>Notat, ansvar og frist</summary>") == count


# --- facts and wording -----------------------------------------------------------------------

FORBIDDEN = {
    # (checklist or "*", old phrase): why it may not come back
    (
        "*",
        "nå Arbeids- og sosialdepartementet",
    ): "since 1 January 2022 the ministry is Arbeids- og inkluderingsdepartementet",
    ("*", "Styret er uenig"): "seed 003: the board is divided («Uenighet i styret»)",
    ("suksesskriterier", "4,2"): "the 2012 average measured overall satisfaction, not the ten criteria",
    ("suksesskriterier", "svært uenig"): "the source's scale runs from «svært lite fornøyd» to «svært fornøyd»",
    ("suksesskriterier", "svært enig"): "the source's scale runs from «svært lite fornøyd» to «svært fornøyd»",
    ("suksesskriterier", "I vårt partnerskap"): "each criterion asks how satisfied the partners are",
    ("suksesskriterier", "viktigste formelle arena"): "the source does not rank the arenas",
    ("suksesskriterier", "Detaljstyring gir mindre handlefrihet, svekker"): "the source: «mange mener»",
    ("suksesskriterier", "vedtas ofte i juni"): "a 2012 finding, not a present fact",
    ("forankringsprosess", "gir like tjenester"): "seed 002 says such wording is necessary, not that it gives",
    ("forankringsprosess", "med myndighetsutøvelse er ikke lov"): "Fylkesmannen's 2018 opinion under the old act",
    ("vertskommunesamarbeid", "er informert om og drøftet med"): "ungrammatical; split into informed / discussed",
    ("vertskommunesamarbeid", "og hvem som tar det videre"): "not in seed 000; the item asked two things",
    ("partnerskapsavtale", "skal hele tiden vurdere"): "seed 001: «vil være gjenstand for løpende vurdering»",
    ("partnerskapsavtale", "skal legge til rette for medbestemmelse"): "seed 001: «må bestrebe seg på»",
    ("sporreundersokelse", "hvor viktig er saken?"): "question 13 asks two things: 13 a and 13 b",
    ("*", "framdrift"): "one form per term: «fremdrift»",
    ("*", "to-ledermodell"): "one form per term: «toledermodell»",
    ("*", "adskilt"): "one form per term: «atskilt»",
    ("*", "NAV Fylke"): "one form per term: «Nav fylke»",
    ("*", "NAV fylke"): "«Nav» in running text",
}


@pytest.mark.parametrize(("where", "phrase"), sorted(FORBIDDEN), ids=[f"{w}:{p}" for w, p in sorted(FORBIDDEN)])
def test_old_phrase_does_not_come_back(definitions, where: str, phrase: str) -> None:
    # «NAV fylke» differs from the right «Nav fylke» only in case; other phrases are matched in any case.
    fold = (lambda text: text) if "NAV" in phrase else str.lower
    for checklist_id in definitions if where == "*" else [where]:
        assert fold(phrase) not in fold(yaml_text(checklist_id)), (
            f"checklists/{checklist_id}.yml: «{phrase}» is back ({FORBIDDEN[(where, phrase)]})"
        )


NAV_IN_NAMES = re.compile(
    r"NTL NAV|«Sikkerhet i NAV»|«NAV i Nordland i en ny tid»|Rapport om partnerskapet i NAV"
    r"|Sjekkliste for sammenslåing av NAV-kontor ved kommunesammenslåinger|«Etablering og drift av NAV-kontor»"
    r"|kommunenes revisor kontroller ved NAV-kontorer i kommunene»"
)
"""Where «NAV» stays: the union's name and document titles as published («Nav-loven» follows Nav's own spelling)."""


def test_nav_is_written_nav_in_running_text(definitions) -> None:
    found = []
    for checklist_id, checklist in definitions.items():
        for where, text in running_texts(checklist):
            text = " ".join(text.split())
            for match in re.finditer(r"\bNAV\w*", NAV_IN_NAMES.sub("", text)):
                found.append(f"{checklist_id} ({where}): …{text[max(0, match.start() - 30) : match.end() + 30]}…")
    assert not found, "write «Nav», «Nav-kontor», «Nav-leder» (Skriveregler i Nav):\n" + "\n".join(found)


def test_decimal_comma(definitions) -> None:
    decimal_point = re.compile(r"\b\d+\.\d+\s?(?:%|prosent)|(?:snitt|gjennomsnitt)\D{0,12}\d+\.\d")
    found = [
        f"{cid} ({where}): {m.group(0)}"
        for cid, checklist in definitions.items()
        for where, text in running_texts(checklist)
        for m in decimal_point.finditer(text)
    ]
    assert not found, found


def test_ministry_is_named_as_it_was_then_and_as_it_is_now(definitions) -> None:
    section = next(s for s in definitions["partnerskapsavtale"]["sections"] if s["number"] == "7.0")
    guidance = " ".join(section["guidance"].split())
    assert "12. mars 2007 av det som da het Arbeids- og inkluderingsdepartementet" in guidance
    assert "Fra 1. januar 2022 heter det igjen Arbeids- og inkluderingsdepartementet" in guidance


def test_survey_is_dated_circa_2012_on_the_index(project) -> None:
    index = overview_page(project)
    row = next(line for line in index.splitlines() if "sporreundersokelse.md" in line)
    assert "(NTL NAV, ca. 2012)" in row, row
    assert project.checklists["sporreundersokelse"].source.year_text() == "ca. 2012"


def test_survey_question_9_explains_then_and_now(definitions) -> None:
    items = {item["id"]: item for item in items_of(definitions["sporreundersokelse"])}
    guidance = " ".join(items["sammenslaing"]["guidance"].split())
    assert "etableringsprosjektet" in guidance.lower() or "Etableringsprosjektet" in guidance
    assert "Hva spørsmålet betydde da" in guidance and "Slik kan dere lese det i dag" in guidance
    assert "1. juli 2006" in guidance


# --- answers saved on version 1.0 -------------------------------------------------------------


def v1_0_answers(checklist_id: str) -> dict[str, Any]:
    """One answer per 1.0 item, each as the page saved it then (value, note, owner, the 1.0 hash)."""
    answers = {}
    for item_id, item in V1_0[checklist_id]["items"].items():
        if "values" in item:
            value: Any = item["values"][0]
        elif item["type"] == "number":
            value = 3
        else:
            value = "Svar gitt på versjon 1.0."
        answers[item_id] = {"value": value, "note": "Notat fra 1.0.", "owner": "begge", "hash": item["hash"]}
    return answers


@pytest.mark.parametrize("checklist_id", sorted(k for k in V1_0 if not k.startswith("_")))
def test_answers_saved_on_version_1_0_still_load(definitions, checklist_id: str) -> None:
    data = definitions[checklist_id]
    assert data["version"] != "1.0" and data["changelog"][-1]["version"] == "1.0"
    assert data["changelog"][0]["version"] == data["version"] and data["changelog"][0]["text"].strip()
    old_ids = set(V1_0[checklist_id]["items"])
    current = {item["id"]: item for item in items_of(data)}
    assert old_ids <= set(current), f"ids removed since 1.0: {sorted(old_ids - set(current))}"

    api.load_definition(data)
    known = {item_id: item["hash"] for item_id, item in V1_0[checklist_id]["items"].items()}
    saved = v1_0_answers(checklist_id)
    opened = api.open_walkthrough(checklist_id, saved, {}, known, "1.0")
    report = opened["report"]
    assert report["removed"] == [] and report["archived"] == [] and opened["archived"] == {}
    assert opened["answers"] == saved, "every 1.0 answer stays on its item, unchanged"
    assert {entry["id"] for entry in report["added"]} == set(current) - old_ids
    for entry in report["added"] + report["reworded"]:
        assert entry["number"] == current[entry["id"]]["number"], entry

    document = {
        "format": "partnerskap-svar",
        "format_version": 1,
        "exported": "2026-11-24T12:00:00Z",
        "checklist": {"id": checklist_id, "version": "1.0", "title": data["title"], "items": known},
        "walkthrough": {
            "id": "wt-1",
            "name": "Gjennomgang på 1.0",
            "created": "2026-11-24T10:00:00Z",
            "updated": "2026-11-24T11:00:00Z",
        },
        "answers": saved,
        "archived": {},
    }
    imported = api.parse_import(checklist_id, json.dumps(document, ensure_ascii=False))
    assert imported["answers"] == saved and imported["archived"] == {}
    assert imported["report"]["from_version"] == "1.0" and imported["report"]["to_version"] == data["version"]


def test_split_items_keep_the_old_id_on_the_first_part(definitions) -> None:
    """Answers to a split item land on its first part (9 a, 3 e, 4 f, 5.1 a, 7.1.2 a, 13 a)."""
    expected = {
        ("suksesskriterier", "kriterium-9-ledersamarbeid"): "9 a",
        ("vertskommunesamarbeid", "styringsgruppe"): "3 e",
        ("vertskommunesamarbeid", "mandat-behov-og-gevinster"): "4 f",
        ("vertskommunesamarbeid", "informere-og-drofte"): "5.1 a",
        ("vertskommunesamarbeid", "avtale-okonomi"): "7.1.2 a",
        ("sporreundersokelse", "statlige-nav-kontor"): "13 a",
    }
    for (checklist_id, item_id), number in expected.items():
        items = {item["id"]: item for item in items_of(definitions[checklist_id])}
        assert items[item_id]["number"] == number, (checklist_id, item_id, items[item_id]["number"])
        assert item_id in V1_0[checklist_id]["items"]


def test_minutes_cite_the_survey_as_circa_2012_with_the_forms_numbers(definitions) -> None:
    api.load_definition(definitions["sporreundersokelse"])
    answers = {"sammenslaing": {"value": "Ingen sammenslåinger siden 2021."}}
    exported = api.export("sporreundersokelse", "referat-md", {"id": "m", "name": "Møte"}, answers, {}, "2026-11-30")
    minutes = exported.data.decode("utf-8")
    assert "NTL NAV, ca. 2012" in minutes
    assert "### 9 Hvilke kontor og kommuner" in minutes
