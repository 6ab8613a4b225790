"""Every kind of content error stops loading and names file, line, problem and fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import VALID_CHECKLIST, make_project

from partnerskap.errors import ContentErrors
from partnerskap.project import load_project


def load(root: Path):
    return load_project(root / "checklists", root / "docs", root)


def errors_for(tmp_path: Path, text: str, name: str = "eksempel.yml", extra: dict[str, str] | None = None):
    make_project(tmp_path, {name: text, **(extra or {})})
    with pytest.raises(ContentErrors) as caught:
        load(tmp_path)
    return caught.value.errors


def test_valid_checklist_loads(tmp_path: Path) -> None:
    project = load(make_project(tmp_path))
    checklist = project.checklists["eksempel"]
    assert [item.id for item in checklist.items()] == ["forste", "antall", "skala", "valg", "fritekst"]
    assert all(len(item.hash) == 16 for item in checklist.items())


# (case id, text to replace, replacement, fragment of the line the error must name, message part, fix part)
CASES = [
    (
        "yaml-syntax",
        '    title: "2.0 Andre del"',
        '\ttitle: "2.0 Andre del"',
        "\ttitle",
        "YAML-syntaksfeil",
        "ikke tab",
    ),
    ("missing-field", "title: Eksempel\n", "", "id: eksempel", "Feltet «title» mangler", "Legg til «title"),
    (
        "unknown-key",
        "        text: Er partene enige?",
        "        txet: Er partene enige?",
        "txet:",
        "Ukjent felt «txet»",
        "Mente du «text»?",
    ),
    (
        "duplicate-item-id",
        "      - id: antall",
        "      - id: forste",
        "- id: forste\n        text: Hvor",
        "«forste» er allerede brukt",
        "ny, unik id",
    ),
    (
        "unknown-type",
        "        type: number",
        "        type: nummer",
        "type: nummer",
        "Ukjent type «nummer»",
        "Mente du «number»?",
    ),
    (
        "unknown-scale",
        "        type: scale",
        "        type: scale\n        scale: skala7",
        "scale: skala7",
        "Ukjent skala «skala7»",
        "skala6",
    ),
    (
        "missing-page",
        "- page: side.md#medbestemmelse",
        "- page: sidee.md#medbestemmelse",
        "page: sidee.md",
        "Siden «sidee.md» finnes ikke",
        "side.md",
    ),
    (
        "missing-anchor",
        "- page: side.md#medbestemmelse",
        "- page: side.md#medbestemmels",
        "page: side.md#medbestemmels",
        "ingen overskrift med ankeret «#medbestemmels»",
        "medbestemmelse",
    ),
    ("missing-item", '- item: "#antall"', '- item: "#antal"', '"#antal"', "har ikke noe punkt «antal»", "antall"),
    (
        "unknown-role",
        "roles: [fylkesdirektor]",
        "roles: [fylkesdirektør]",
        "[fylkesdirektør]",
        "Ukjent rolle «fylkesdirektør»",
        "fylkesdirektor",
    ),
    (
        "unknown-phase",
        "        phase: initiativ",
        "        phase: utredning",
        "phase: utredning",
        "Ukjent fase «utredning»",
        "initiativ",
    ),
    ("version-as-number", 'version: "1.1"', "version: 1.1", "version: 1.1", "skal være tekst", '"1.1"'),
    (
        "duplicate-yaml-key",
        "title: Eksempel\n",
        "title: Eksempel\ntitle: Igjen\n",
        "title: Igjen",
        "«title» står to ganger",
        "Fjern den ene",
    ),
    (
        "changelog-behind",
        'version: "1.1"',
        'version: "1.2"',
        '  - version: "1.1"',
        "gjelder versjon 1.1",
        "versjon 1.2",
    ),
    (
        "relative-link",
        "Les [siden](side.md#medbestemmelse)",
        "Les [siden](../side.md)",
        "Les [siden]",
        "uten «./», «../»",
        "side.md",
    ),
    (
        "link-missing-anchor",
        "Se [økonomi](side.md#økonomi-og-drift)",
        "Se [økonomi](side.md#okonomi)",
        "Se [økonomi]",
        "ankeret «#okonomi»",
        "økonomi-og-drift",
    ),
    (
        "choice-one-option",
        "options: [Enig, Uenig]",
        "options: [Enig]",
        "options: [Enig]",
        "minst to alternativer",
        "Legg til",
    ),
    ("id-not-file-name", "id: eksempel", "id: annet", "id: annet", "ikke lik filnavnet", "annet.yml"),
    (
        "bad-section-number",
        '    title: "1.0 Første del"',
        '    title: "Første del"\n    number: "1.0 / a"',
        'number: "1.0 / a"',
        "Nummeret «1.0 / a» er ugyldig",
        "kildens nummer",
    ),
    (
        "item-number-outside-section",
        '    title: "1.0 Første del"\n    guidance: Om delen.\n    items:\n      - id: forste\n',
        '    title: "Første del"\n    number: "1.0"\n    guidance: Om delen.\n'
        '    items:\n      - id: forste\n        number: "2.1"\n',
        'number: "2.1"',
        "hører ikke under avsnittets nummer «1.0»",
        "Begynn nummeret med «1.0»",
    ),
    (
        "item-without-number-in-numbered-checklist",
        '    title: "2.0 Andre del"',
        '    title: "Andre del"\n    number: "2.0"',
        "- id: forste",
        "Punktet har ikke noe nummer",
        "Gi avsnittet et «number»",
    ),
    (
        "unknown-item-field",
        "audience: [fylkesdirektor, kommunedirektor]\n",
        "audience: [fylkesdirektor, kommunedirektor]\nfields: [note, frist]\n",
        "fields: [note, frist]",
        "Ukjent felt «frist» i «fields»",
        "note, owner, due",
    ),
]


@pytest.mark.parametrize(
    "old,new,line_fragment,message,fix", [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_content_error_names_file_line_problem_and_fix(
    tmp_path: Path, old: str, new: str, line_fragment: str, message: str, fix: str
) -> None:
    assert old in VALID_CHECKLIST
    broken = VALID_CHECKLIST.replace(old, new, 1)
    errors = errors_for(tmp_path, broken)
    matching = [e for e in errors if message in e.message]
    assert matching, [str(e) for e in errors]
    error = matching[0]
    assert error.file == "checklists/eksempel.yml"
    assert error.line == broken[: broken.index(line_fragment)].count("\n") + 1
    assert fix in error.fix
    assert str(error).startswith(f"checklists/eksempel.yml:{error.line}")


def test_duplicate_checklist_id_across_files(tmp_path: Path) -> None:
    errors = errors_for(tmp_path, VALID_CHECKLIST, extra={"kopi.yml": VALID_CHECKLIST})
    assert any(
        "brukes også i checklists/eksempel.yml" in e.message and e.file == "checklists/kopi.yml" and e.line == 1
        for e in errors
    ), [str(e) for e in errors]


def test_all_errors_are_reported_at_once(tmp_path: Path) -> None:
    broken = VALID_CHECKLIST.replace("type: number", "type: nummer").replace(
        "roles: [fylkesdirektor]", "roles: [ukjent]"
    )
    errors = errors_for(tmp_path, broken)
    assert {"Ukjent type «nummer».", "Ukjent rolle «ukjent»."} <= {e.message for e in errors}


def test_error_names_the_item(tmp_path: Path) -> None:
    errors = errors_for(tmp_path, VALID_CHECKLIST.replace("type: number", "type: nummer"))
    assert errors[0].item == "antall"
    assert "(punkt «antall»)" in str(errors[0])


def test_two_items_with_one_number_are_reported(tmp_path: Path) -> None:
    text = VALID_CHECKLIST.replace('    title: "1.0 Første del"', '    title: "Første del"\n    number: "1"').replace(
        '    title: "2.0 Andre del"\n    items:\n      - id: skala\n',
        '    title: "Andre del"\n    number: "2"\n    items:\n      - id: skala\n        number: "2 b"\n',
    )
    assert text.count("number:") == 3
    errors = errors_for(tmp_path, text)
    assert [e.message for e in errors] == ["Nummeret «2 b» brukes også av punktet «skala»."]
    assert errors[0].item == "fritekst"


def test_source_numbers_letter_items_and_are_compiled(tmp_path: Path) -> None:
    from partnerskap.compiled import definition
    from partnerskap.model import item_numbers

    text = VALID_CHECKLIST.replace('    title: "1.0 Første del"', '    title: "Første del"\n    number: "1.0"').replace(
        '    title: "2.0 Andre del"\n    items:\n      - id: skala\n',
        '    title: "Andre del"\n    number: "2.0"\n    items:\n      - id: skala\n        number: "2.0.1"\n',
    )
    checklist = load(make_project(tmp_path, {"eksempel.yml": text})).checklists["eksempel"]
    expected = {"forste": "1.0 a", "antall": "1.0 b", "skala": "2.0.1", "valg": "2.0 a", "fritekst": "2.0 b"}
    assert item_numbers(checklist) == expected
    compiled = definition(checklist)
    assert [s["number"] for s in compiled["sections"]] == ["1.0", "2.0"]
    assert {i["id"]: i["number"] for s in compiled["sections"] for i in s["items"]} == expected
