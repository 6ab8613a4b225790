"""JSON Schema for checklist YAML, generated from the model's dataclasses (one source of truth).

Editors' tools (VS Code with Red Hat's YAML extension, GitHub's editor) read it through the
``# yaml-language-server: $schema=…`` line at the top of each checklist and give completion,
Norwegian descriptions and errors while typing. The schema covers shape (fields, types, allowed
values); cross-references (roles, scales, pages) are checked by ``python -m partnerskap check``.

Write or verify the shipped copy with ``python -m partnerskap schema [--check]``.
"""

from __future__ import annotations

import ast
import dataclasses
import inspect
import itertools
import json
import types
import typing
from pathlib import Path
from typing import Any

from . import model

SCHEMA_PATH = Path("checklists") / "skjema" / "sjekkliste.schema.json"
"""Where the schema is shipped, relative to the project root."""

SCHEMA_LINE_PREFIX = "# yaml-language-server: $schema="
SCHEMA_LINE = f"{SCHEMA_LINE_PREFIX}skjema/sjekkliste.schema.json"
"""First line of every checklist file (the path is relative to the checklist)."""

_VERSION_PATTERN = r"^\d+(\.\d+)*$"
_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"

DESCRIPTIONS: dict[str, str] = {
    "Checklist": "En sjekkliste, skrevet i checklists/<id>.yml.",
    "Checklist.id": "Fast id, lik filnavnet uten .yml. Endres aldri: adresser og lagrede svar bruker den.",
    "Checklist.title": "Tittelen på sjekklisten.",
    "Checklist.version": 'Innholdsversjon i anførselstegn, f.eks. "1.2". Øk den når en tekst i et punkt endres.',
    "Checklist.changelog": "Publiserte versjoner, nyeste først. Den øverste har samme versjon som «version».",
    "Checklist.source": "Kildedokumentet sjekklisten bygger på.",
    "Checklist.audience": "Hvem sjekklisten er for: rolle-id-er, f.eks. [fylkesdirektor, nav-leder].",
    "Checklist.intro": "Innledning i Markdown: hva sjekklisten er til, og hvordan den brukes.",
    "Checklist.sections": "Avsnittene, i rekkefølge.",
    "Checklist.default_scale": "Skala for punkter av typen status som ikke nevner en: vurdering eller fremdrift.",
    "Checklist.scales": "Egne skalaer i tillegg til standardskalaene (navn: skala).",
    "Checklist.roles": "Egne roller i tillegg til standardrollene (id: visningsnavn).",
    "Checklist.phases": "Faser i rekkefølge, hvis sjekklisten følger en prosess.",
    "Checklist.fields": (
        "Feltene hvert punkt har i tillegg til svaret: note (notat), owner (ansvarlig) og due (frist). "
        "Standard er alle tre; et spørreskjema skriver [note]."
    ),
    "Section": "Et avsnitt: en gruppe punkter under en overskrift.",
    "Section.id": "Fast id, unik i sjekklisten (deles med punkt-id-ene).",
    "Section.number": "Avsnittets nummer slik kildedokumentet nummererer det, f.eks. «2.1».",
    "Section.title": "Overskriften.",
    "Section.items": "Punktene i avsnittet, i rekkefølge.",
    "Section.guidance": "Hva avsnittet handler om, i Markdown.",
    "Section.references": "Videre lesning for hele avsnittet.",
    "Item": "Ett spørsmål eller én aktivitet.",
    "Item.id": "Fast id, unik i sjekklisten. Brukes aldri om igjen, heller ikke når punktet fjernes.",
    "Item.number": (
        "Kildens eget nummer på punktet, f.eks. «9» eller «7.1.3», eller «9 a» for en del av et delt punkt. "
        "Uten det får punktet en bokstav under avsnittets nummer."
    ),
    "Item.text": "Spørsmålet eller aktiviteten, én setning. Endres teksten, må versjonen økes.",
    "Item.guidance": "Veiledning i Markdown.",
    "Item.type": "Svartype: status (standard), scale (1–6), text, number (heltall) eller choice.",
    "Item.scale": "Navngitt skala for status og scale. Standard: «default_scale», og skala6 for scale.",
    "Item.options": "Svaralternativene for et punkt av typen choice.",
    "Item.min": "Laveste tillatte verdi for et punkt av typen number.",
    "Item.max": "Høyeste tillatte verdi for et punkt av typen number.",
    "Item.roles": "Hvem som har ansvaret: rolle-id-er.",
    "Item.phase": "Fase-id fra «phases».",
    "Item.references": "Videre lesning: veiledningssider, lover, kildedokumentet, andre punkter.",
    "Reference": "Én henvisning: page, item, law, source eller url, med målet etter kolon.",
    "Source": "Kildedokumentet.",
    "Source.title": "Dokumentets tittel.",
    "Source.publisher": "Hvem som ga det ut.",
    "Source.year": "Utgivelsesår, fire sifre.",
    "Source.approximate_year": (
        "Sett til true når dokumentet er udatert og årstallet er anslått; det vises da som «ca. 2012»."
    ),
    "Source.edition": "Utgave eller revisjon, f.eks. «versjon 3.0».",
    "Source.url": "Hvor dokumentet finnes (må begynne med https://).",
    "ChangelogEntry": "Én publisert versjon.",
    "ChangelogEntry.version": 'Versjonen oppføringen gjelder, f.eks. "1.2".',
    "ChangelogEntry.date": "Publiseringsdato, ÅÅÅÅ-MM-DD.",
    "ChangelogEntry.text": "Hva som er endret, skrevet for brukerne.",
    "Phase": "En fase i prosessen.",
    "Phase.id": "Fase-id som punktene viser til.",
    "Phase.title": "Fasens navn.",
    "Scale": "En navngitt svarskala.",
    "Scale.title": "Skalaens navn, f.eks. «Vurdering».",
    "Scale.options": "Svarene i visningsrekkefølge.",
    "Scale.not_applicable": "Verdien som betyr «Ikke aktuelt»: teller som besvart, men ikke som ferdig.",
    "Scale.done": "Verdier som betyr at punktet er gjennomført, f.eks. ferdig.",
    "Scale.numeric": "true for skalaer som 1–6: svarene vises som tall, med forklaring i endene.",
    "Scale.min_label": "Hva den laveste verdien betyr på en tallskala.",
    "Scale.max_label": "Hva den høyeste verdien betyr på en tallskala.",
    "ScaleOption": "Ett svar på en skala.",
    "ScaleOption.value": "Lagret verdi: fast, endres aldri.",
    "ScaleOption.label": "Teksten brukeren ser, f.eks. «Delvis».",
}
"""Norwegian descriptions by ``Class`` and ``Class.field``; a field without one is a test failure."""

_EXTRA: dict[str, dict[str, Any]] = {
    "Checklist.id": {"pattern": model.ID_PATTERN.pattern},
    "Section.id": {"pattern": model.ID_PATTERN.pattern},
    "Item.id": {"pattern": model.ID_PATTERN.pattern},
    "Phase.id": {"pattern": model.ID_PATTERN.pattern},
    "Item.type": {"enum": list(model.ITEM_TYPES)},
    "Checklist.version": {"pattern": _VERSION_PATTERN},
    "ChangelogEntry.version": {"pattern": _VERSION_PATTERN},
    "ChangelogEntry.date": {"pattern": _DATE_PATTERN},
    "Source.year": {"minimum": 1900, "maximum": 2100},
    "Source.url": {"pattern": "^https://"},
    "Checklist.audience": {"items": {"type": "string", "examples": list(model.DEFAULT_ROLES)}},
    "Item.roles": {"items": {"type": "string", "examples": list(model.DEFAULT_ROLES)}},
    "Checklist.default_scale": {"examples": [n for n, s in model.DEFAULT_SCALES.items() if not s.numeric]},
    "Item.scale": {"examples": list(model.DEFAULT_SCALES)},
}
"""Constraints beyond the Python type, from the model's own constants."""


def attribute_docstrings(cls: type) -> dict[str, str]:
    """The docstring written under each field of dataclass ``cls`` (English, for the fallback)."""
    tree = ast.parse(inspect.getsource(cls))
    body = tree.body[0].body  # type: ignore[attr-defined]
    docs: dict[str, str] = {}
    for node, following in itertools.pairwise(body):
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            docs[node.target.id] = " ".join(following.value.value.split())
    return docs


def authored_fields(cls: type) -> list[dataclasses.Field[Any]]:
    """Fields an editor writes (derived ones are computed and may not be written)."""
    return [f for f in dataclasses.fields(cls) if not f.metadata.get("derived")]


def missing_descriptions() -> list[str]:
    """``Class.field`` keys of authored fields that have no Norwegian description."""
    missing: list[str] = []
    for cls in _dataclasses(model.Checklist):
        if cls is model.Reference:  # written as «kind: target», described per kind
            continue
        missing += [
            f"{cls.__name__}.{f.name}" for f in authored_fields(cls) if f"{cls.__name__}.{f.name}" not in DESCRIPTIONS
        ]
    return missing


def _dataclasses(root: type) -> list[type]:
    """``root`` and every dataclass reachable from its fields, in first-seen order."""
    seen: list[type] = []

    def visit(hint: Any) -> None:
        if dataclasses.is_dataclass(hint) and isinstance(hint, type):
            if hint in seen:
                return
            seen.append(hint)
            for value in typing.get_type_hints(hint).values():
                visit(value)
        for arg in typing.get_args(hint):
            visit(arg)

    visit(root)
    return seen


def _type_schema(hint: Any) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _type_schema(inner[0])
    if origin is typing.Literal:
        return {"enum": list(args)}
    if origin is list:
        return {"type": "array", "items": _type_schema(args[0])}
    if origin is dict:
        return {"type": "object", "additionalProperties": _type_schema(args[1])}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return {"$ref": f"#/definitions/{hint.__name__}"}
    simple = {str: "string", int: "integer", bool: "boolean", float: "number"}
    if hint in simple:
        return {"type": simple[hint]}
    raise TypeError(f"no JSON Schema for {hint!r}")  # a new kind of field: teach the generator


def _reference_schema() -> dict[str, Any]:
    target = {"type": "string", "minLength": 1}
    return {
        "description": DESCRIPTIONS["Reference"],
        "type": "object",
        "minProperties": 1,
        "maxProperties": 1,
        "properties": {kind: {**target, "description": _REFERENCE_KINDS_NB[kind]} for kind in model.REFERENCE_KINDS},
        "additionalProperties": False,
    }


_REFERENCE_KINDS_NB = {
    "page": "Veiledningsside med valgfritt anker, skrevet fra docs/, f.eks. partnerskapsavtalen.md#partene.",
    "item": "Et punkt: sjekkliste-id#punkt-id, eller #punkt-id i samme sjekkliste.",
    "law": "Lov eller forskrift, f.eks. «NAV-loven § 14».",
    "source": "Sted i kildedokumentet, f.eks. «Veilederen, punkt 2.1».",
    "url": "Nettadresse som begynner med https://.",
}


def _class_schema(cls: type) -> dict[str, Any]:
    if cls is model.Reference:
        return _reference_schema()
    hints = typing.get_type_hints(cls)
    english = attribute_docstrings(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for f in authored_fields(cls):
        key = f"{cls.__name__}.{f.name}"
        schema = _type_schema(hints[f.name])
        schema.update(_EXTRA.get(key, {}))
        has_default = f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
        if not has_default:
            required.append(f.name)
        elif f.default is not dataclasses.MISSING and f.default is not None and f.default != "":
            schema["default"] = f.default
        if "$ref" in schema:  # draft-07 ignores keywords beside $ref
            schema = {"allOf": [schema]}
        schema["description"] = DESCRIPTIONS.get(key) or english.get(f.name, "")
        properties[f.name] = schema
    return {
        "description": DESCRIPTIONS.get(cls.__name__) or (cls.__doc__ or "").strip(),
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def checklist_schema() -> dict[str, Any]:
    """The JSON Schema (draft-07, what editors' YAML tools read best) of a checklist file."""
    classes = _dataclasses(model.Checklist)
    root = _class_schema(model.Checklist)
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "Sjekkliste i Partnerskapsverktøyet",
        "$comment": "Generert fra partnerskap/model.py med «python -m partnerskap schema». Ikke rediger for hånd.",
        **root,
        "definitions": {cls.__name__: _class_schema(cls) for cls in classes[1:]},
    }


def render() -> str:
    """The schema file's text."""
    return json.dumps(checklist_schema(), ensure_ascii=False, indent=2) + "\n"
