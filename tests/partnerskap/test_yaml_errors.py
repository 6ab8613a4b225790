"""YAML problems are reported in Norwegian at the line of the mistake; alias bombs are refused fast."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from partnerskap.errors import ContentErrors
from partnerskap.yamlsource import MAX_ALIAS_NODES, load_yaml, load_yaml_text

ROOT = Path(__file__).resolve().parents[2]


def error_of(text: str):
    with pytest.raises(ContentErrors) as caught:
        load_yaml_text(text, "checklists/x.yml")
    (error,) = caught.value.errors
    assert error.file == "checklists/x.yml"
    return error


def test_unclosed_quote_in_a_real_checklist_is_reported_where_it_opens() -> None:
    lines = (ROOT / "checklists" / "partnerskapsavtale.yml").read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if i > 150 and line.endswith('"') and line.count('"') == 2)
    lines[at] = lines[at][:-1]
    error = error_of("\n".join(lines))
    assert error.line == at + 1
    assert "anførselstegnet" in error.message and "ikke lukket" in error.message
    assert "begynner på linje 1)" not in error.message


@pytest.mark.parametrize(
    "text,line,phrase",
    [
        ('a:\n  b: 1\n  c: "abc\n  d: 2\n', 3, "tekst i anførselstegn som begynner her"),
        ("a:\n  b: 'abc\n  d: 2\n  e: 'x'\n", 2, "anførselstegnet som åpner teksten her"),
        ("a:\n  b: [1, 2\n  d: 2\n", 2, "en liste i hakeparentes «[» som begynner her"),
        ("a:\n  b: {x: 1\n  d: 2\n", 2, "en blokk i krøllparentes «{» som begynner her"),
    ],
    ids=["double-quote-to-end", "single-quote-runaway", "bracket", "brace"],
)
def test_unclosed_quote_or_bracket_is_reported_where_it_opens(text: str, line: int, phrase: str) -> None:
    error = error_of(text)
    assert error.line == line
    assert phrase in error.message


@pytest.mark.parametrize(
    "text,line,message",
    [
        ("a:\n\tb: 1\n", 2, "et tabulatortegn (tab) kan ikke stå her (bruk mellomrom til innrykk)"),
        ("a: b: c\n", 1, "kolon på et sted der det ikke kan stå"),
        ("a:\n  b: 1\n c: 2\n", 3, "innrykket stemmer ikke med linjene over"),
        ("a: *x\n", 1, "aliaset «*x» viser til et anker som ikke finnes"),
        ('a: "\\q"\n', 1, "«\\q» er ikke en gyldig kode"),
        ("a: 1\n---\nb: 2\n", 2, "bare ett dokument"),
        ("a: !foo 1\n", 1, "YAML-merket «!foo» er ikke tillatt"),
        ("a: @x\n", 1, "«@» kan ikke stå her"),
    ],
)
def test_parser_messages_are_norwegian(text: str, line: int, message: str) -> None:
    error = error_of(text)
    assert error.line == line
    assert message in error.message
    assert "found" not in error.message and "expected" not in error.message, error.message
    assert "mellomrom, ikke tab" in error.fix


def test_alias_bomb_is_refused_quickly_with_file_and_line() -> None:
    lines = ["l0: &l0 [a, a, a, a, a, a, a, a, a]"]
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 10)]
    lines.append("audience: *l9")
    started = time.monotonic()
    error = error_of("\n".join(lines) + "\n")
    assert time.monotonic() - started < 2
    assert f"mer enn {MAX_ALIAS_NODES} verdier" in error.message
    assert error.line is not None and 1 <= error.line <= 11
    assert "&navn" in error.fix


def test_self_referencing_alias_is_refused() -> None:
    error = error_of("a: &x\n  b: *x\n")
    assert error.line == 2 and "viser til blokken den selv står i" in error.message


def test_a_few_aliases_are_still_allowed(tmp_path: Path) -> None:
    path = tmp_path / "a.yml"
    path.write_text("roller: &r [nav-leder, ansatte]\naudience: *r\nandre: *r\n", encoding="utf-8")
    data = load_yaml(path)
    assert data["audience"] == ["nav-leder", "ansatte"] == data["andre"]


def test_deep_nesting_is_a_content_error() -> None:
    error = error_of("a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert "for dypt" in error.message
