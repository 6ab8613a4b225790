"""«Sammenlign»: what changed between two walk-throughs of one checklist (runs under CPython and Pyodide)."""

from __future__ import annotations

import json

from samples import definition, definition_data

from partnerskap.engine import api
from partnerskap.engine.compare import compare

LAST_YEAR = {
    "name": "Partnerskapsmøte 2025",
    "answers": {
        "forste": {
            "value": "delvis",
            "note": "Mangler budsjett.",
            "owner": "stat",
            "owner_name": "Kari",
            "due": "2025-12-31",
            "actions": [
                {"what": "Lage budsjett", "owner": "stat", "owner_name": "Kari", "due": "2025-11-01", "done": False},
                {"what": "Invitere tillitsvalgte", "owner": "kommune", "done": False},
                {"what": "Signere avtale", "done": True},
            ],
        },
        "antall": {"value": 7},
        "skala": {"value": "3"},
        "valg": {"value": "Enig"},
    },
}
THIS_YEAR = {
    "name": "Partnerskapsmøte 2026",
    "answers": {
        "forste": {
            "value": "ja",
            "note": "Budsjett vedtatt.",
            "owner": "stat",
            "owner_name": "Kari",
            "due": "2026-12-31",
            "decision": "Avtalen videreføres.",
            "actions": [
                {"what": "Lage  budsjett", "owner": "stat", "owner_name": "Kari", "due": "2025-11-01", "done": True},
                {"what": "Evaluere samarbeidet", "owner": "begge", "due": "2027-06-01", "done": False},
                {"what": "Signere avtale", "done": True},
            ],
        },
        "antall": {"value": 7},
        "skala": {"value": "5"},
        "fritekst": {"value": "Nytt i år."},
    },
}


def result() -> dict:
    return compare(definition(), LAST_YEAR, THIS_YEAR)


def ids(entries: list[dict]) -> list[str]:
    return [entry["id"] for entry in entries]


def test_changed_answers_with_labels_in_checklist_order() -> None:
    changed = result()["changed"]
    assert ids(changed) == ["forste", "skala"]
    assert {k: changed[0][k] for k in ("number", "text", "from_label", "to_label")} == {
        "number": "1.1",
        "text": "Er partene enige?",
        "from_label": "Delvis",
        "to_label": "Ja",
    }
    assert "change" not in changed[0]
    assert (changed[1]["from_label"], changed[1]["to_label"], changed[1]["change"]) == ("3", "5", 2)


def test_items_answered_in_only_one_walkthrough() -> None:
    found = result()
    assert [(e["id"], e["label"]) for e in found["only_a"]] == [("valg", "Enig")]
    assert [(e["id"], e["label"]) for e in found["only_b"]] == [("fritekst", "Nytt i år.")]


def test_note_owner_due_and_decision_changes() -> None:
    found = result()
    assert [(e["id"], e["from"], e["to"]) for e in found["note_changed"]] == [
        ("forste", "Mangler budsjett.", "Budsjett vedtatt.")
    ]
    assert [(e["id"], e["from"], e["to"]) for e in found["due_changed"]] == [("forste", "2025-12-31", "2026-12-31")]
    assert [(e["id"], e["from"], e["to"]) for e in found["decision_changed"]] == [
        ("forste", "", "Avtalen videreføres.")
    ]
    assert found["owner_changed"] == []
    moved = compare(
        definition(),
        {"name": "a", "answers": {"forste": {"owner": "stat"}}},
        {"name": "b", "answers": {"forste": {"owner": "begge", "owner_name": "Ola"}}},
    )
    assert [(e["from"], e["to"], e["title"]) for e in moved["owner_changed"]] == [("Stat", "Begge, Ola", "Ansvarlig")]


def test_new_and_resolved_actions() -> None:
    found = result()
    assert [(a["id"], a["what"], a["owner_side"], a["due"]) for a in found["actions_new"]] == [
        ("forste", "Evaluere samarbeidet", "begge", "2027-06-01")
    ]
    # The page shows the engine's line as it is: who, and the due date as people write it.
    assert [a["line"] for a in found["actions_new"]] == ["Evaluere samarbeidet (Begge, frist 1. juni 2027)"]
    resolved = [(a["what"], a["outcome"], a["outcome_text"]) for a in found["actions_resolved"]]
    # «Lage budsjett» is done now (same action, spacing aside); «Invitere tillitsvalgte» was removed;
    # «Signere avtale» was already done last year, so it is not resolved again.
    assert resolved == [("Lage  budsjett", "done", "utført"), ("Invitere tillitsvalgte", "removed", "fjernet")]
    # The outcome is said once, by outcome_text, not again in the line.
    assert [a["line"] for a in found["actions_resolved"]] == [
        "Lage  budsjett (Stat, Kari, frist 1. november 2025)",
        "Invitere tillitsvalgte (Kommune)",
    ]
    # Codes and data only: no wording kept beside them for an older page.
    assert all("how" not in a and "owner" not in a for a in found["actions_new"] + found["actions_resolved"])


def test_summary_counts_and_text() -> None:
    summary = result()["summary"]
    assert {
        k: summary[k]
        for k in ("changed", "unchanged", "only_a", "only_b", "actions_new", "actions_resolved", "note_changed")
    } == {
        "changed": 2,
        "unchanged": 1,
        "only_a": 1,
        "only_b": 1,
        "actions_new": 1,
        "actions_resolved": 2,
        "note_changed": 1,
    }
    assert summary["text"].startswith(
        "Fra «Partnerskapsmøte 2025» til «Partnerskapsmøte 2026»: 2 svar er endret, 1 er likt."
    )
    assert "1 nytt tiltak, 2 tiltak utført eller fjernet." in summary["text"]


def test_identical_walkthroughs_have_no_changes() -> None:
    found = compare(definition(), LAST_YEAR, {**LAST_YEAR, "name": "Kopi"})
    assert (
        found["changed"]
        == found["only_a"]
        == found["only_b"]
        == found["actions_new"]
        == found["actions_resolved"]
        == []
    )
    assert found["summary"]["unchanged"] == 4


def test_api_compare_and_bad_input() -> None:
    api.load_definition(definition_data("1.1"))
    response = json.loads(
        api.handle(json.dumps({"method": "compare", "args": {"checklist": "eksempel", "a": LAST_YEAR, "b": THIS_YEAR}}))
    )
    assert response["ok"] is True and response["result"]["summary"]["changed"] == 2
    odd = api.compare("eksempel", {"answers": {"forste": "ja", "skala": {"actions": "x"}}}, None)
    assert odd["a"]["name"] == "Første gjennomgang" and odd["b"]["name"] == "Andre gjennomgang" and odd["changed"] == []
