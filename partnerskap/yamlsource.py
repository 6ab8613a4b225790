"""Safe YAML loading that keeps line numbers and rejects duplicate keys (build time only).

Syntax errors are reported in Norwegian at the line where the mistake is (an unclosed quote
or bracket is named where it opens), and alias expansion is bounded so that a small file
cannot blow up into millions of values (a «billion laughs» file).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from .errors import ContentError, ContentErrors
from .located import LocatedDict, LocatedList

log = logging.getLogger(__name__)

MAX_ALIAS_NODES = 10_000
"""How many values all aliases (``*name``) in one file may expand to together."""

SYNTAX_FIX = (
    "Sjekk innrykk (mellomrom, ikke tab), kolon etter hver nøkkel, og sett tekst "
    "som inneholder kolon eller starter med spesialtegn i anførselstegn."
)


class _AliasBudgetExceeded(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def _loader_class() -> type:
    import yaml

    class LineLoader(yaml.SafeLoader):
        """SafeLoader whose mappings and sequences carry their source lines."""

        duplicate_keys: list[tuple[str, int]]

        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            self.duplicate_keys = []
            self.alias_nodes = 0
            self.anchors_open: set[str] = set()
            self.expanded_sizes: dict[int, int] = {}

        def compose_node(self, parent: Any, index: Any) -> Any:
            event = self.peek_event()
            if isinstance(event, yaml.AliasEvent) and event.anchor in self.anchors:
                line = event.start_mark.line + 1
                if event.anchor in self.anchors_open:
                    raise _AliasBudgetExceeded(line, f"«*{event.anchor}» viser til blokken den selv står i.")
                self.alias_nodes += self._expanded_size(self.anchors[event.anchor])
                if self.alias_nodes > MAX_ALIAS_NODES:
                    raise _AliasBudgetExceeded(
                        line,
                        f"Aliasene («*navn») i filen blir til mer enn {MAX_ALIAS_NODES} verdier når de "
                        f"pakkes ut; grensen nås ved «*{event.anchor}».",
                    )
                return super().compose_node(parent, index)
            anchor = getattr(event, "anchor", None)
            if anchor:
                self.anchors_open.add(anchor)
            try:
                return super().compose_node(parent, index)
            finally:
                if anchor:
                    self.anchors_open.discard(anchor)

        def _expanded_size(self, node: Any) -> int:
            """Number of values ``node`` stands for once every alias in it is expanded (memoised)."""
            known = self.expanded_sizes.get(id(node))
            if known is not None:
                return known
            if isinstance(node, yaml.MappingNode):
                size = 1 + sum(self._expanded_size(k) + self._expanded_size(v) for k, v in node.value)
            elif isinstance(node, yaml.SequenceNode):
                size = 1 + sum(self._expanded_size(child) for child in node.value)
            else:
                size = 1
            self.expanded_sizes[id(node)] = size
            return size

        def construct_mapping(self, node: Any, deep: bool = False) -> LocatedDict:
            if not isinstance(node, yaml.MappingNode):
                raise yaml.constructor.ConstructorError(
                    None, None, f"expected a mapping, found {node.id}", node.start_mark
                )
            self.flatten_mapping(node)
            mapping = LocatedDict(line=node.start_mark.line + 1)
            for key_node, value_node in node.value:
                key = self.construct_object(key_node, deep=True)
                if not isinstance(key, str):
                    key = str(key)
                line = key_node.start_mark.line + 1
                if key in mapping:
                    self.duplicate_keys.append((key, line))
                mapping[key] = self.construct_object(value_node, deep=True)
                mapping.key_lines[key] = line
            return mapping

        def construct_sequence(self, node: Any, deep: bool = False) -> LocatedList:
            sequence = LocatedList(
                (self.construct_object(child, deep=True) for child in node.value),
                line=node.start_mark.line + 1,
            )
            sequence.item_lines = [child.start_mark.line + 1 for child in node.value]
            return sequence

    LineLoader.add_constructor("tag:yaml.org,2002:map", LineLoader.construct_mapping)
    LineLoader.add_constructor("tag:yaml.org,2002:seq", LineLoader.construct_sequence)
    return LineLoader


def load_yaml(path: Path, display_name: str | None = None) -> Any:
    """Parse ``path`` into located containers; raise :class:`ContentErrors` on any problem."""
    name = display_name or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ContentErrors(
            [ContentError(name, None, f"Filen er ikke UTF-8 ({exc.reason}).", "Lagre filen som UTF-8.")]
        ) from None
    return load_yaml_text(text, name)


def load_yaml_text(text: str, name: str) -> Any:
    """Parse YAML ``text`` (from the file called ``name``) into located containers."""
    import yaml

    loader = _loader_class()(text)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        line, message = describe_syntax_error(exc, text)
        raise ContentErrors([ContentError(name, line, message, SYNTAX_FIX)]) from None
    except _AliasBudgetExceeded as exc:
        raise ContentErrors(
            [ContentError(name, exc.line, exc.message, "Skriv verdiene ut der de brukes, uten «&navn» og «*navn».")]
        ) from None
    except RecursionError:
        raise ContentErrors(
            [ContentError(name, None, "Filen er nøstet for dypt til å kunne leses.", "Fjern overflødige innrykk.")]
        ) from None
    finally:
        loader.dispose()
    if loader.duplicate_keys:
        raise ContentErrors(
            [
                ContentError(
                    name,
                    line,
                    f"Nøkkelen «{key}» står to ganger i samme blokk.",
                    "Fjern den ene, eller slå dem sammen.",
                )
                for key, line in loader.duplicate_keys
            ]
        )
    return data


# -- syntax errors in Norwegian -------------------------------------------------

# Contexts whose mark is where something was opened and never closed: report that line.
_OPENED = {
    "while scanning a quoted scalar": "tekst i anførselstegn",
    "while scanning a double-quoted scalar": "tekst i anførselstegn",
    "while scanning a single-quoted scalar": "tekst i anførselstegn",
    "while parsing a flow sequence": "en liste i hakeparentes «[»",
    "while parsing a flow mapping": "en blokk i krøllparentes «{»",
    "while scanning a simple key": "en nøkkel",
}

_TOKENS = {
    "<scalar>": "tekst",
    "<block mapping start>": "en ny blokk",
    "<block sequence start>": "en ny liste",
    "<block end>": "slutten av blokken",
    "<block entry>": "et listeelement («- »)",
    "<stream end>": "slutten av filen",
    "<document start>": "«---»",
    "?": "en nøkkel",
    ":": "et kolon",
    ",": "et komma",
    "-": "«-»",
}


def _token(text: str) -> str:
    text = text.strip("'")
    return _TOKENS.get(text, f"«{text}»")


def _character(char: str) -> str:
    names = {"\\t": "et tabulatortegn (tab)", "@": "«@»", "`": "«`»", "%": "«%»"}
    return names.get(char, f"tegnet «{char}»")


_PROBLEMS: list[tuple[re.Pattern[str], Any]] = [
    (
        re.compile(r"found character '(.+)' that cannot start any token"),
        lambda m: (
            f"{_character(m[1])} kan ikke stå her"
            + (" (bruk mellomrom til innrykk)" if m[1] == "\\t" else " (sett teksten i anførselstegn)")
        ),
    ),
    (
        re.compile(r"mapping values are not allowed here"),
        lambda m: (
            "kolon på et sted der det ikke kan stå (mangler mellomrom etter kolon, "
            "eller står det kolon inne i en tekst uten anførselstegn?)"
        ),
    ),
    (re.compile(r"found unexpected end of stream"), lambda m: "filen slutter før det som ble åpnet, ble lukket"),
    (re.compile(r"could not find expected ':'"), lambda m: "fant ikke kolonet som skal stå etter en nøkkel"),
    (re.compile(r"found undefined alias '(.+)'"), lambda m: f"aliaset «*{m[1]}» viser til et anker som ikke finnes"),
    (
        re.compile(r"found unknown escape character '(.+)'"),
        lambda m: f"«\\{m[1]}» er ikke en gyldig kode i tekst med doble anførselstegn (skriv «\\\\» for «\\»)",
    ),
    (
        re.compile(r"expected ',' or '([\]}])', but got (.+)"),
        lambda m: f"mangler komma eller «{m[1]}», men fant {_token(m[2])}",
    ),
    (
        re.compile(r"expected <block end>, but found (.+)"),
        lambda m: f"fant {_token(m[1])} der blokken skulle slutte – innrykket stemmer ikke med linjene over",
    ),
    (
        re.compile(r"expected (.+), but found (.+)"),
        lambda m: f"ventet {_token(m[1])}, men fant {_token(m[2])}",
    ),
    (re.compile(r"found duplicate anchor"), lambda m: "ankeret («&navn») er brukt to ganger"),
    (re.compile(r"but found another document"), lambda m: "filen skal inneholde bare ett dokument (fjern «---»)"),
    (
        re.compile(r"could not determine a constructor for the tag '(.+)'"),
        lambda m: f"YAML-merket «{m[1]}» er ikke tillatt",
    ),
    (re.compile(r"found unhashable key"), lambda m: "en nøkkel kan ikke være en liste eller blokk"),
    (
        re.compile(r"found a tab character (?:that violates indentation|where an indentation space is expected)"),
        lambda m: "et tabulatortegn (tab) står i innrykket (bruk mellomrom)",
    ),
    (
        re.compile(r"expected alphabetic or numeric character, but found (.+)"),
        lambda m: f"et anker- eller aliasnavn kan ikke inneholde {_token(m[1])}",
    ),
    (
        re.compile(r"expected a comment or a line break, but found (.+)"),
        lambda m: f"ventet linjeskift, men fant {_token(m[1])}",
    ),
    (re.compile(r"found unexpected ':'"), lambda m: "kolon på et sted der det ikke kan stå"),
]


def translate_problem(problem: str) -> str:
    """PyYAML's English problem text in Norwegian (unknown ones are kept, marked as English)."""
    for pattern, render in _PROBLEMS:
        match = pattern.search(problem)
        if match:
            return render(match)
    return f"ugyldig YAML (på engelsk: {problem})"


def describe_syntax_error(exc: Any, text: str) -> tuple[int | None, str]:
    """The line to report for a PyYAML error in ``text``, and the message in Norwegian."""
    problem_line = exc.problem_mark.line + 1 if exc.problem_mark else None
    problem = translate_problem(exc.problem or exc.context or "")
    opened = _OPENED.get(exc.context or "")
    if "scalar" in (exc.context or "") and "end of stream" not in (exc.problem or ""):
        opened = None  # e.g. a bad escape inside a closed quote: the problem is where it is
    if opened and exc.context_mark is not None:
        start = exc.context_mark.line + 1
        where = "" if start == problem_line else f" (feilen merkes først på linje {problem_line})"
        return start, f"YAML-syntaksfeil: {opened} som begynner her, blir ikke avsluttet: {problem}{where}."
    quoted = _runaway_quote_before(exc.problem_mark, text) if exc.problem_mark else None
    if quoted is not None:
        return quoted, (
            "YAML-syntaksfeil: anførselstegnet som åpner teksten her, blir ikke lukket på samme linje, "
            f"så teksten fortsetter til neste anførselstegn (feilen merkes først på linje {problem_line})."
        )
    return problem_line, f"YAML-syntaksfeil: {problem}."


def _runaway_quote_before(mark: Any, text: str) -> int | None:
    """Start line of a quoted text spanning several lines that ends just before ``mark``, if any.

    An unclosed quote swallows the following lines up to the next quote, and the parser fails
    only on the token after it; the mistake is where that quote opened.
    """
    import yaml

    previous = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= mark.index:
                break
            previous = token
    except yaml.MarkedYAMLError:
        pass
    if (
        isinstance(previous, yaml.ScalarToken)
        and previous.style in ('"', "'")
        and previous.end_mark.line > previous.start_mark.line
    ):
        return int(previous.start_mark.line) + 1
    return None
