"""«Sammenstill»: several answer files combined; unusable files skipped and reported by name.

Standard library only and plain test functions: tests/pyodide/runner.py runs this module inside Pyodide too.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from samples import answer_file, definition, definition_data, survey_definition_data, xlsx_rows

from partnerskap.engine import api
from partnerskap.engine.combine import EXPORT_KINDS, STAT_KEYS, combine, export_combined
from partnerskap.engine.definition import Definition
from partnerskap.engine.problems import UserError

TODAY = "2026-11-24"
DATA = definition_data("1.1")
BODO = {
    "forste": {"value": "delvis", "note": "Mangler budsjett."},
    "antall": {"value": 3},
    "skala": {"value": "2"},
    "valg": {"value": "Enig"},
}


def respondent_files() -> list[dict[str, str]]:
    """Three usable answer files of «eksempel» and five that must be skipped."""
    other_checklist = json.loads(answer_file(DATA, "Annen", {}))
    other_checklist["checklist"]["id"] = "partnerskapsavtale"
    hostile = json.loads(
        answer_file(DATA, "Fiendtlig", {"forste": {"value": "ja", "note": "<script>alert(1)</script>"}})
    )
    return [
        {
            "name": "narvik.json",
            "text": answer_file(
                DATA,
                "NAV Narvik",
                {
                    "forste": {"value": "ja", "note": "Avtalen er signert."},
                    "antall": {"value": 7},
                    "skala": {"value": "5"},
                    "valg": {"value": "Enig"},
                    "fritekst": {"value": "Godt samarbeid."},
                },
                walkthrough_id="narvik",
            ),
        },
        {"name": "bodo.json", "text": answer_file(DATA, "NAV Bodø", BODO, walkthrough_id="bodo")},
        {"name": "skadet.json", "text": '{"format": "partnerskap-svar", "format_'},
        {
            "name": "tromso.json",
            "text": answer_file(
                DATA,
                "NAV Tromsø",
                {
                    "forste": {"value": "ja"},
                    "antall": {"value": 10},
                    "skala": {"value": "4"},
                    "valg": {"value": "Uenig", "note": "Vi er uenige."},
                },
                walkthrough_id="tromso",
            ),
        },
        {"name": "annen-sjekkliste.json", "text": json.dumps(other_checklist)},
        {
            "name": "gammel-versjon.json",
            "text": answer_file(
                definition_data("1.2"), "NAV Harstad", {"ny": {"value": "ja"}}, walkthrough_id="harstad"
            ),
        },
        {
            "name": "narvik-kopi.json",
            "text": answer_file(DATA, "NAV Narvik igjen", {"forste": {"value": "nei"}}, walkthrough_id="narvik"),
        },
        {"name": "bodo-kopi.json", "text": answer_file(DATA, "Bodø (kopi)", BODO, walkthrough_id="bodo-kopi")},
        {"name": "fiendtlig.json", "text": json.dumps(hostile)},
    ]


def combined() -> dict:
    return combine(definition(), respondent_files())


def item(result: dict, item_id: str) -> dict:
    return next(entry for entry in result["items"] if entry["id"] == item_id)


def test_usable_files_are_combined_and_the_rest_reported_by_name() -> None:
    result = combined()
    assert [r["label"] for r in result["respondents"]] == ["NAV Narvik", "NAV Bodø", "NAV Tromsø"]
    assert result["count"] == 3
    reasons = {entry["file"]: entry["reason"] for entry in result["skipped"]}
    assert list(reasons) == [
        "skadet.json",
        "annen-sjekkliste.json",
        "gammel-versjon.json",
        "narvik-kopi.json",
        "bodo-kopi.json",
        "fiendtlig.json",
    ]
    assert "ikke gyldig JSON" in reasons["skadet.json"]
    assert "gjelder sjekklisten «partnerskapsavtale»" in reasons["annen-sjekkliste.json"]
    # The checklist by its title, not its id.
    assert "versjon 1.2 av «Eksempel», ikke versjon 1.1" in reasons["gammel-versjon.json"]
    assert "samme gjennomgang som «narvik.json»" in reasons["narvik-kopi.json"]
    assert "samme svarene som «bodo.json»" in reasons["bodo-kopi.json"]
    assert "skript eller aktivt HTML-innhold" in reasons["fiendtlig.json"]
    assert result["summary"] == "3 svarfiler er sammenstilt. 6 filer er hoppet over."


def test_counts_follow_the_scale_order_with_labels() -> None:
    result = combined()
    forste = item(result, "forste")
    assert forste["answered"] == 3 and forste["respondents"] == 3
    assert forste["counts"] == [
        {"value": "ja", "label": "Ja", "count": 2, "percent": 67, "percent_text": "67\u00a0%"},
        {"value": "delvis", "label": "Delvis", "count": 1, "percent": 33, "percent_text": "33\u00a0%"},
        {"value": "nei", "label": "Nei", "count": 0, "percent": 0, "percent_text": "0\u00a0%"},
        {"value": "ikke-aktuelt", "label": "Ikke aktuelt", "count": 0, "percent": 0, "percent_text": "0\u00a0%"},
    ]
    assert [c["count"] for c in item(result, "skala")["counts"]] == [0, 1, 0, 1, 1, 0]
    assert [(c["label"], c["count"]) for c in item(result, "valg")["counts"]] == [("Enig", 2), ("Uenig", 1)]
    assert item(result, "fritekst")["answered"] == 1 and item(result, "fritekst")["counts"] == []
    assert item(result, "fritekst")["texts"] == [{"respondent": "NAV Narvik", "text": "Godt samarbeid."}]


def test_mean_median_and_spread_match_hand_computed_values() -> None:
    result = combined()
    # 1–6 scale: 5, 2, 4 → mean 11/3, median 4, sample sd √((16/9 + 25/9 + 1/9) / 2) = √(7/3) ≈ 1.528
    # (what spreadsheets' STDEV.S gives; the population formula would give 1.25).
    skala = item(result, "skala")["stats"]
    assert (skala["mean"], skala["median"], skala["sample_stdev"], skala["min"], skala["max"]) == (3.67, 4, 1.53, 2, 5)
    assert skala["text"]["mean"] == "3,7" and skala["text"]["median"] == "4"
    assert skala["text"]["sample_stdev"] == "1,5"
    assert set(skala) == {*STAT_KEYS, "text"} and set(skala["text"]) == set(STAT_KEYS)  # one name per figure
    # Numbers: 7, 3, 10 → mean 20/3, median 7, sample sd √((1/9 + 121/9 + 100/9) / 2) = √(37/3) ≈ 3.512.
    antall = item(result, "antall")["stats"]
    stats = (antall["mean"], antall["median"], antall["sample_stdev"], antall["min"], antall["max"])
    assert stats == (6.67, 7, 3.51, 3, 10)
    assert antall["text"]["mean"] == "6,7"
    assert item(result, "forste")["stats"] is None and item(result, "fritekst")["stats"] is None


def test_items_are_ranked_by_disagreement() -> None:
    result = combined()
    ranked = [(entry["id"], entry["value"]) for entry in result["disagreement"]]
    # sd 1.53 first; then «forste» and «valg» tie at 1 − 2/3 and keep checklist order.
    assert ranked == [("skala", 1.53), ("forste", 0.33), ("valg", 0.33)]
    assert [e["measure"] for e in result["disagreement"]] == ["sample_stdev", "share_disagreeing", "share_disagreeing"]
    assert result["disagreement"][0]["value_text"] == "Standardavvik (utvalg) 1,5"
    assert result["disagreement"][1]["value_text"].startswith("33\u00a0%")
    assert item(result, "antall")["disagreement"] is None  # counts differ by nature, not by opinion


def test_notes_are_shown_side_by_side_with_their_respondent() -> None:
    result = combined()
    assert item(result, "forste")["notes"] == [
        {"respondent": "NAV Narvik", "note": "Avtalen er signert."},
        {"respondent": "NAV Bodø", "note": "Mangler budsjett."},
    ]
    assert item(result, "valg")["notes"] == [{"respondent": "NAV Tromsø", "note": "Vi er uenige."}]


def test_every_distribution_has_an_accessible_chart_and_its_data() -> None:
    result = combined()
    forste = item(result, "forste")
    svg = ET.fromstring(forste["chart"])
    assert svg.get("role") == "img"
    assert svg.find("{http://www.w3.org/2000/svg}title").text == "1.1 Er partene enige?"
    # Data for the page's own table (no HTML from the engine): counts with their shares.
    assert "table" not in forste
    assert [(c["label"], c["count"], c["percent_text"]) for c in forste["counts"]][:2] == [
        ("Ja", 2, "67\u00a0%"),
        ("Delvis", 1, "33\u00a0%"),
    ]
    assert ET.fromstring(item(result, "antall")["chart"]).get("role") == "img"
    assert item(result, "fritekst")["chart"] == ""


def test_repeated_names_get_the_file_name() -> None:
    files = [
        {"name": "a.json", "text": answer_file(DATA, "Møte", {"forste": {"value": "ja"}}, walkthrough_id="a")},
        {"name": "b.json", "text": answer_file(DATA, "Møte", {"forste": {"value": "nei"}}, walkthrough_id="b")},
    ]
    assert [r["label"] for r in combine(definition(), files)["respondents"]] == ["Møte (a.json)", "Møte (b.json)"]


def survey_files() -> list[dict[str, str]]:
    data = survey_definition_data()
    rows = [
        ("Nordland", {"kommuner": 44, "kontor": 40, "statlige": 34}),
        ("Troms", {"kommuner": 25, "kontor": 24, "statlige": 22}),
        ("Finnmark", {"kommuner": 19, "kontor": 18}),
    ]
    files = []
    for county, numbers in rows:
        given = {"avdeling": {"value": county}, **{key: {"value": value} for key, value in numbers.items()}}
        files.append(
            {
                "name": f"{county.lower()}.json",
                "text": answer_file(data, f"Avdeling {county}", given, walkthrough_id=county.lower()),
            }
        )
    files.append(
        {
            "name": "uten-navn.json",
            "text": answer_file(data, "Uten navn", {"kommuner": {"value": 1}}, walkthrough_id="uten"),
        }
    )
    return files


def test_survey_table_has_a_row_per_respondent_and_a_sum_row() -> None:
    result = combine(Definition(survey_definition_data()), survey_files())
    table = result["survey_table"]
    assert table["header"] == [
        "Hva heter avdelingen eller fylket?",
        "Hvor mange kommuner?",
        "Hvor mange NAV-kontor?",
        "Hvor mange har statlig leder?",
    ]
    assert table["rows"] == [
        ["Nordland", 44, 40, 34],
        ["Troms", 25, 24, 22],
        ["Finnmark", 19, 18, ""],
        ["Uten navn", 1, "", ""],
    ]
    assert table["sum"] == ["Sum", 89, 82, 56]
    assert "table" not in table
    svg = ET.fromstring(table["chart"])
    assert svg.get("role") == "img"
    assert "Manglende svar er ikke tegnet" in svg.find("{http://www.w3.org/2000/svg}desc").text
    # A missing answer is no bar at all (never a bar of 0) and says «ikke besvart» where the bar would be.
    ns = "{http://www.w3.org/2000/svg}"
    bars = [rect.get("data-value") for rect in svg.iter(f"{ns}rect") if rect.get("data-value")]
    assert sorted(float(v) for v in bars) == sorted(float(c) for row in table["rows"] for c in row[1:] if c != "")
    missing = [t for t in svg.iter(f"{ns}text") if "pv-chart__missing" in (t.get("class") or "")]
    assert [t.text for t in missing] == ["ikke besvart"] * 3


def test_survey_table_without_a_leading_text_item_uses_respondent_labels() -> None:
    table = combined()["survey_table"]
    assert table["header"] == ["Respondent", "Hvor mange kontorer?"]
    assert table["rows"] == [["NAV Narvik", 7], ["NAV Bodø", 3], ["NAV Tromsø", 10]]
    assert table["sum"] == ["Sum", 20]


def test_checklists_without_numbers_have_no_survey_table() -> None:
    data = survey_definition_data()
    data["sections"] = data["sections"][1:]
    assert combine(Definition(data), [])["survey_table"] is None


def _csv_rows(file) -> list[list[str]]:
    assert file.data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(file.data.decode("utf-8-sig")), delimiter=";"))


def test_csv_export_is_one_table_per_file() -> None:
    file = export_combined(definition(), combined(), "csv", TODAY)
    assert file.filename == "eksempel-sammenstilling-2026-11-24.csv"
    rows = _csv_rows(file)
    assert rows[0][:6] == ["Avsnitt", "Nr.", "Punkt-id", "Spørsmål / aktivitet", "Antall svar", "Fordeling"]
    assert rows[0][8] == "Standardavvik (utvalg)"
    assert {len(row) for row in rows} == {len(rows[0])} and len(rows) == 1 + len(definition().items)
    by_id = {row[2]: row for row in rows[1:]}
    assert by_id["forste"][4:6] == [
        "3",
        "Ja: 2 (67\u00a0%), Delvis: 1 (33\u00a0%), Nei: 0 (0\u00a0%), Ikke aktuelt: 0 (0\u00a0%)",
    ]
    assert by_id["skala"][6:11] == ["3,67", "4", "1,53", "2", "5"]
    assert by_id["forste"][12] == "NAV Narvik: Avtalen er signert.\nNAV Bodø: Mangler budsjett."
    table = _csv_rows(export_combined(definition(), combined(), "csv-tabell", TODAY))
    assert table == [
        ["Respondent", "Hvor mange kontorer?"],
        ["NAV Narvik", "7"],
        ["NAV Bodø", "3"],
        ["NAV Tromsø", "10"],
        ["Sum", "20"],
    ]
    people = export_combined(definition(), combined(), "csv-respondenter", TODAY)
    assert people.filename == "eksempel-sammenstilling-respondenter-2026-11-24.csv"
    rows = _csv_rows(people)
    assert rows[0] == ["Respondent", "Fil", *(f"{ref.number} {ref.data['text']}" for ref in definition().items)]
    assert rows[1] == ["NAV Narvik", "narvik.json", "Ja", "7", "5", "Enig", "Godt samarbeid."]
    assert rows[2] == ["NAV Bodø", "bodo.json", "Delvis", "3", "2", "Enig", ""]


def test_csv_table_of_a_checklist_without_numbers_is_refused_with_a_message() -> None:
    data = survey_definition_data()
    data["sections"] = data["sections"][1:]
    with pytest.raises(UserError, match="ingen tallsvar"):
        export_combined(Definition(data), combine(Definition(data), []), "csv-tabell", TODAY)


def test_csv_export_neutralises_formulas() -> None:
    files = [
        {
            "name": "a.json",
            "text": answer_file(DATA, '=HYPERLINK("x")', {"forste": {"value": "ja", "note": "+1"}}, walkthrough_id="a"),
        }
    ]
    result = combine(definition(), files)
    rows = _csv_rows(export_combined(definition(), result, "csv", TODAY))
    assert rows[1][12] == '\'=HYPERLINK("x"): +1'
    table = _csv_rows(export_combined(definition(), result, "csv-tabell", TODAY))
    assert table[-1][0] == "Sum" and table[-2][0] == '\'=HYPERLINK("x")'
    people = _csv_rows(export_combined(definition(), result, "csv-respondenter", TODAY))
    assert people[1][0] == '\'=HYPERLINK("x")'


def test_xlsx_export_has_a_sheet_per_table() -> None:
    definition_ = Definition(survey_definition_data())
    file = export_combined(definition_, combine(definition_, survey_files()), "xlsx", TODAY)
    assert file.filename == "undersokelse-sammenstilling-2026-11-24.xlsx"
    per_item = xlsx_rows(file.data, 1)
    assert per_item[0][:5] == ["Avsnitt", "Nr.", "Punkt-id", "Spørsmål / aktivitet", "Antall svar"]
    kommuner = next(row for row in per_item if row[2] == "kommuner")
    # 44, 25, 19, 1: sample sd √(942.75 / 3) ≈ 17.73.
    assert kommuner[4] == "4" and kommuner[6:11] == ["22.25", "22", "17.73", "1", "44"]
    people = xlsx_rows(file.data, 2)
    assert people[0][:3] == ["Respondent", "Fil", "1.1 Hva heter avdelingen eller fylket?"]
    assert people[1] == ["Avdeling Nordland", "nordland.json", "Nordland", "44", "40", "34"]
    assert people[3] == ["Avdeling Finnmark", "finnmark.json", "Finnmark", "19", "18"]
    table = xlsx_rows(file.data, 3)
    assert table[0][0] == "Hva heter avdelingen eller fylket?"
    assert table[1] == ["Nordland", "44", "40", "34"]
    assert table[-1] == ["Sum", "89", "82", "56"]
    workbook = io.BytesIO(file.data)
    import zipfile

    names = [
        s.get("name")
        for s in ET.fromstring(zipfile.ZipFile(workbook).read("xl/workbook.xml")).iter(
            "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}sheet"
        )
    ]
    assert names == ["Per punkt", "Per respondent", "Tabell"]


def test_api_combines_and_exports_from_files() -> None:
    api.load_definition(DATA)
    response = json.loads(
        api.handle(json.dumps({"method": "combine", "args": {"checklist": "eksempel", "files": respondent_files()}}))
    )
    assert response["ok"] is True and response["result"]["count"] == 3
    result = api.export_combined("eksempel", respondent_files(), "xlsx", TODAY)
    assert result.filename == "eksempel-sammenstilling-2026-11-24.xlsx"
    assert xlsx_rows(result.data)[0][0] == "Avsnitt"
    response = json.loads(
        api.handle(
            json.dumps(
                {
                    "method": "export_combined",
                    "args": {"checklist": "eksempel", "files": [], "kind": "pdf", "today": TODAY},
                }
            )
        )
    )
    assert response == {"ok": False, "error": "user", "message": "Ukjent eksportformat «pdf»."}


def test_exports_offered_are_those_that_apply_and_each_one_works() -> None:
    api.load_definition(DATA)
    offered = combined()["exports"]
    assert offered == ["csv", "csv-respondenter", "csv-tabell", "xlsx"] == list(EXPORT_KINDS)
    names = [api.export_combined("eksempel", respondent_files(), kind, TODAY).filename for kind in offered]
    assert names == [
        "eksempel-sammenstilling-2026-11-24.csv",
        "eksempel-sammenstilling-respondenter-2026-11-24.csv",
        "eksempel-sammenstilling-tabell-2026-11-24.csv",
        "eksempel-sammenstilling-2026-11-24.xlsx",
    ]
    # Without number items there is no number table to export; without respondents nothing at all.
    data = survey_definition_data()
    data["sections"] = data["sections"][1:]
    files = [{"name": "a.json", "text": answer_file(data, "A", {"enig": {"value": "Enig"}}, walkthrough_id="a")}]
    assert combine(Definition(data), files)["exports"] == ["csv", "csv-respondenter", "xlsx"]
    assert combine(definition(), [])["exports"] == []


@pytest.mark.parametrize("files", [[], [{"name": "x.json"}], [{"text": 5}], "ikke en liste"])
def test_odd_input_never_crashes(files) -> None:
    result = combine(definition(), files)
    assert result["count"] == 0 and all(entry["answered"] == 0 for entry in result["items"])
