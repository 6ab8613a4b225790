"""Safe YAML loading that keeps line numbers and rejects duplicate keys (build time only)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from .errors import ContentError, ContentErrors
from .located import LocatedDict, LocatedList

log = logging.getLogger(__name__)


def _loader_class() -> type:
    import yaml

    class LineLoader(yaml.SafeLoader):
        """SafeLoader whose mappings and sequences carry their source lines."""

        duplicate_keys: list[tuple[str, int]]

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
    import yaml

    name = display_name or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ContentErrors(
            [ContentError(name, None, f"Filen er ikke UTF-8 ({exc.reason}).", "Lagre filen som UTF-8.")]
        ) from None
    loader = _loader_class()(text)
    loader.duplicate_keys = []
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "ugyldig YAML"
        opened = exc.context_mark.line + 1 if exc.context_mark and exc.problem_mark else None
        if opened and opened != line:
            # PyYAML notices an unclosed bracket or quote where parsing fails; name where it was opened too.
            problem += f" (det som ikke ble avsluttet, begynner på linje {opened})"
        raise ContentErrors(
            [
                ContentError(
                    name,
                    line,
                    f"YAML-syntaksfeil: {problem}.",
                    "Sjekk innrykk (mellomrom, ikke tab), kolon etter hver nøkkel, og sett tekst "
                    "som inneholder kolon eller starter med spesialtegn i anførselstegn.",
                )
            ]
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
