"""A walk-through answered on version 1.1, opened against version 1.2 of the same checklist."""

from __future__ import annotations

from samples import answers, definition, definition_data

from partnerskap.engine import api


def test_change_report_and_archiving_between_real_versions() -> None:
    api.load_definition(definition_data("1.2"))
    old = definition("1.1")
    result = api.open_walkthrough("eksempel", answers("1.1"), {}, old.hashes(), "1.1")
    report = result["report"]
    assert report["from_version"] == "1.1" and report["to_version"] == "1.2" and report["changed"]
    assert [r["id"] for r in report["reworded"]] == ["forste"]
    assert report["reworded"][0]["text"] == "Er partene enige om målene?"
    assert [a["id"] for a in report["added"]] == ["ny"]
    assert report["removed"] == ["fritekst"]
    assert report["archived"] == ["fritekst"]
    assert report["reworded_answered"] == ["forste"]
    assert "fritekst" not in result["answers"]
    archived = result["archived"]["fritekst"]
    assert archived["value"] == "Flere forhold.\nLinje to." and archived["archived_in_version"] == "1.2"
    assert result["known_items"] == definition("1.2").hashes()


def test_same_version_reports_nothing() -> None:
    api.load_definition(definition_data("1.1"))
    d = definition("1.1")
    report = api.open_walkthrough("eksempel", answers("1.1"), {}, d.hashes(), "1.1")["report"]
    assert not report["changed"] and report["reworded"] == report["added"] == report["removed"] == []


def test_archived_answers_are_exported() -> None:
    import csv
    import io

    api.load_definition(definition_data("1.2"))
    opened = api.open_walkthrough("eksempel", answers("1.1"), {}, definition("1.1").hashes(), "1.1")
    exported = api.export("eksempel", "csv", {"name": "Møte"}, opened["answers"], opened["archived"], "2026-12-02")
    rows = list(csv.reader(io.StringIO(exported.data.decode("utf-8-sig")), delimiter=";"))
    archived = [row for row in rows if row[0].startswith("Arkivert")]
    assert archived and archived[0][2] == "fritekst" and archived[0][3] == "Andre forhold?"
