"""Progress per section and in total, and filters."""

from __future__ import annotations

from samples import answers, definition

from partnerskap.engine.progress import progress


def test_progress_counts_answered_items() -> None:
    result = progress(definition(), answers())
    assert result["total"]["answered"] == 4 and result["total"]["total"] == 5
    assert result["total"]["percent"] == 80
    assert result["sections"]["del-en"]["text"] == "2 av 2 besvart"
    assert result["sections"]["del-to"]["answered"] == 2


def test_not_applicable_counts_as_answered_and_is_reported() -> None:
    given = {"forste": {"value": "ikke-aktuelt"}}
    result = progress(definition(), given)
    assert result["total"]["answered"] == 1 and result["total"]["not_applicable"] == 1
    assert result["total"]["text"] == "1 av 5 besvart (1 ikke aktuelt)"


def test_note_alone_does_not_count_as_answered() -> None:
    result = progress(definition(), {"forste": {"value": None, "note": "Tanker"}, "fritekst": {"value": "  "}})
    assert result["total"]["answered"] == 0


def test_done_values_are_counted() -> None:
    assert progress(definition(), {"forste": {"value": "ja"}})["total"]["done"] == 1


def test_filters_by_role_phase_and_unanswered() -> None:
    d = definition()
    assert progress(d, {}, {"role": "fylkesdirektor"})["visible"] == ["forste"]
    assert progress(d, {}, {"phase": "initiativ"})["visible"] == ["forste"]
    assert progress(d, answers(), {"unanswered": True})["visible"] == ["valg"]
    assert progress(d, {}, {})["visible"] == ["forste", "antall", "skala", "valg", "fritekst"]
