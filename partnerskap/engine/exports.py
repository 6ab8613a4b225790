"""Every export format of a walk-through: JSON, CSV, Markdown, Excel and minutes for Word."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from . import ooxml, textsafety
from .answers import DATE, has_content, is_answered
from .definition import Definition
from .progress import progress

OWNER_LABELS = {"stat": "Stat", "kommune": "Kommune", "begge": "Begge", "": ""}
COLUMNS = [
    "Avsnitt",
    "Nr.",
    "Punkt-id",
    "Spørsmål / aktivitet",
    "Svar",
    "Notat",
    "Ansvarlig",
    "Navn",
    "Frist",
    "Vedtak",
    "Roller",
    "Fase",
]
COLUMN_WIDTHS = [28, 6, 18, 60, 16, 50, 10, 20, 12, 40, 30, 18]


@dataclass(frozen=True)
class ExportFile:
    """A file for the browser to offer as a download."""

    filename: str
    mime: str
    data: bytes


def slug(text: str) -> str:
    """File-name-safe form of a name: «Møte NAV Narvik 2026» → «mote-nav-narvik-2026»."""
    text = text.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60] or "gjennomgang"


def filename(definition: Definition, doc: dict[str, Any], today: str, extension: str, kind: str = "") -> str:
    parts = [definition.id, slug(doc["walkthrough"]["name"])] + ([kind] if kind else []) + [today]
    return "-".join(parts) + f".{extension}"


def rows(definition: Definition, doc: dict[str, Any]) -> list[list[str]]:
    """One row per item, current items first, then archived answers (items since removed)."""
    answers = doc.get("answers", {})
    out = []
    for ref in definition.items:
        item = ref.data
        answer = answers.get(ref.id, {})
        out.append(
            [
                ref.section["title"],
                ref.number,
                ref.id,
                item["text"],
                definition.value_label(item, answer.get("value")),
                answer.get("note", ""),
                OWNER_LABELS.get(answer.get("owner", ""), ""),
                answer.get("owner_name", ""),
                answer.get("due", ""),
                answer.get("decision", ""),
                ", ".join(definition.roles.get(r, r) for r in item.get("roles", [])),
                definition.phases.get(item.get("phase") or "", ""),
            ]
        )
    for item_id, answer in doc.get("archived", {}).items():
        value = answer.get("value")
        out.append(
            [
                "Arkivert (punktet er fjernet)",
                "",
                item_id,
                answer.get("text", ""),
                "" if value is None else str(value),
                answer.get("note", ""),
                OWNER_LABELS.get(answer.get("owner", ""), ""),
                answer.get("owner_name", ""),
                answer.get("due", ""),
                answer.get("decision", ""),
                "",
                "",
            ]
        )
    return out


def export_json(definition: Definition, doc: dict[str, Any], today: str) -> ExportFile:
    data = textsafety.dumps(doc, indent=1).encode("utf-8")
    return ExportFile(filename(definition, doc, today, "json"), "application/json", data)


def export_csv(definition: Definition, doc: dict[str, Any], today: str) -> ExportFile:
    buffer = io.StringIO()
    # Semicolons and a byte order mark: what Excel with Norwegian settings opens correctly.
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(_safe_cells(row) for row in rows(definition, doc))
    return ExportFile(
        filename(definition, doc, today, "csv"), "text/csv;charset=utf-8", buffer.getvalue().encode("utf-8-sig")
    )


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these may be read as a formula by a spreadsheet (OWASP's CSV injection list)."""


def _safe_cells(row: list[str]) -> list[str]:
    """Neutralise spreadsheet formulas in free text (CSV injection)."""
    return ["'" + cell if isinstance(cell, str) and cell[:1] in FORMULA_STARTS else cell for cell in row]


def export_xlsx(definition: Definition, doc: dict[str, Any], today: str) -> ExportFile:
    sheet = [COLUMNS, *rows(definition, doc)]
    data = ooxml.xlsx([("Svar", sheet)], COLUMN_WIDTHS)
    return ExportFile(
        filename(definition, doc, today, "xlsx"),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        data,
    )


_MD_PUNCTUATION = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~=]|&(?=#?[A-Za-z0-9]+;))")
_LINE_BREAK = re.compile(r"\r\n?|\n")


def _md(text: str, indent: str = "") -> str:
    """Text shown as written, never as markup, that stays in the block it is put in.

    Every punctuation character that can start markup is backslash-escaped, so no line can open
    a fence (```, ~~~), a heading (also ``===`` under a line), a list, a quote or HTML. Lines
    are joined by hard breaks; ``indent`` (two spaces in a list item) keeps each further
    line inside the item, and leading spaces are dropped so none becomes a code block.
    """
    lines = [_MD_PUNCTUATION.sub(r"\\\1", line.lstrip(" \t")) for line in _LINE_BREAK.split(str(text))]
    return ("  \n" + indent).join(lines)


def _md_line(text: str) -> str:
    """:func:`_md` for a heading: one line, whatever the text holds."""
    return _md(" ".join(str(text).split()))


def export_markdown(definition: Definition, doc: dict[str, Any], today: str) -> ExportFile:
    answers = doc.get("answers", {})
    summary = progress(definition, answers)["total"]
    lines = [
        f"# {_md_line(definition.title)}",
        "",
        f"Gjennomgang: {_md(doc['walkthrough']['name'])}  ",
        f"Sjekklisteversjon: {_md(definition.version)}  ",
        f"Eksportert: {today}  ",
        f"Fremdrift: {summary['text']}",
        "",
    ]
    for section in definition.sections:
        lines += [f"## {_md_line(section['title'])}", ""]
        for ref in (r for r in definition.items if r.section is section):
            item = ref.data
            answer = answers.get(ref.id, {})
            label = definition.value_label(item, answer.get("value")) or "Ikke besvart"
            lines.append(f"### {ref.number} {_md_line(item['text'])}")
            lines.append("")
            lines.append(f"- Svar: {_md(label, '  ')}")
            for key, title in (("note", "Notat"), ("decision", "Vedtak")):
                if answer.get(key):
                    lines.append(f"- {title}: {_md(answer[key], '  ')}")
            owner = _owner(answer)
            if owner:
                lines.append(f"- Ansvarlig: {_md(owner, '  ')}")
            if answer.get("due"):
                lines.append(f"- Frist: {answer['due']}")
            lines.append("")
    if doc.get("archived"):
        lines += ["## Arkiverte svar (punkter som er fjernet fra sjekklisten)", ""]
        for item_id, answer in doc["archived"].items():
            text, value = _md(answer.get("text") or item_id, "  "), _md(str(answer.get("value") or ""), "  ")
            lines.append(f"- {text}: {value} {_md(answer.get('note', ''), '  ')}".rstrip())
        lines.append("")
    data = "\n".join(lines).encode("utf-8")
    return ExportFile(filename(definition, doc, today, "md"), "text/markdown;charset=utf-8", data)


def _owner(answer: dict[str, Any]) -> str:
    side = OWNER_LABELS.get(answer.get("owner", ""), "")
    name = answer.get("owner_name", "")
    return f"{side} ({name})" if side and name else side or name


ACTION_HEADER = ["Nr.", "Punkt", "Tiltak", "Ansvarlig", "Frist", "Status"]
"""Columns of the action list in the minutes (Word and Markdown)."""


def _meeting_lines(definition: Definition, doc: dict[str, Any], today: str) -> list[tuple[str, str]]:
    """The minutes' header as (label, text): walk-through, date, participants, checklist, progress."""
    walkthrough = doc["walkthrough"]
    summary = progress(definition, doc.get("answers", {}))["total"]
    source = definition.data.get("source") or {}
    # «year_text» says «ca. 2012» for an undated source; older definitions have only «year».
    cited = ", ".join(
        str(source[key])
        for key in ("title", "publisher", "year_text" if source.get("year_text") else "year")
        if source.get(key)
    )
    lines = [("Gjennomgang", walkthrough["name"])]
    if walkthrough.get("meeting_date"):
        lines.append(("Møtedato", walkthrough["meeting_date"]))
    else:
        lines.append(("Dato", today))
    if (walkthrough.get("participants") or "").strip():
        lines.append(("Deltakere", walkthrough["participants"].strip()))
    lines.append(("Sjekkliste", f"{definition.version} ({cited})" if cited else definition.version))
    lines.append(("Fremdrift", summary["text"]))
    return lines


def _action_text(action: dict[str, Any]) -> str:
    """One action as a line: «Skrive utkast (Stat (Ola), frist 2027-01-15, utført)»."""
    details = [
        x
        for x in (
            _owner(action),
            f"frist {action['due']}" if action.get("due") else "",
            "utført" if action.get("done") else "",
        )
        if x
    ]
    what = action.get("what", "") or "Tiltak uten beskrivelse"
    return f"{what} ({', '.join(details)})" if details else what


def _minute_items(definition: Definition, answers: dict[str, Any]) -> list[tuple[dict[str, Any], list[Any]]]:
    """Sections with the items that have any content, in checklist order."""
    out = []
    for section in definition.sections:
        refs = [r for r in definition.items if r.section is section and has_content(answers.get(r.id))]
        if refs:
            out.append((section, refs))
    return out


def export_minutes(definition: Definition, doc: dict[str, Any], today: str) -> ExportFile:
    """Minutes (referat) as .docx: participants, what was answered, noted and decided, and an action list."""
    answers = doc.get("answers", {})
    word = ooxml.DocxBuilder()
    word.heading(f"Referat: {definition.title}", 1)
    for label, text in _meeting_lines(definition, doc, today):
        word.paragraph(text, bold_prefix=f"{label}: ")
    for section, refs in _minute_items(definition, answers):
        word.heading(section["title"], 2)
        for ref in refs:
            item = ref.data
            answer = answers[ref.id]
            word.heading(f"{ref.number} {item['text']}", 3)
            if is_answered(item, answer):
                word.paragraph(definition.value_label(item, answer.get("value")), bold_prefix="Svar: ")
            for key, title in (("note", "Notat: "), ("decision", "Vedtak: ")):
                if answer.get(key):
                    word.paragraph(answer[key], bold_prefix=title)
            if _owner(answer) or answer.get("due"):
                word.paragraph(
                    " · ".join(x for x in (_owner(answer), f"frist {answer['due']}" if answer.get("due") else "") if x),
                    bold_prefix="Ansvar: ",
                )
            for action in answer.get("actions", []):
                word.paragraph(_action_text(action), bold_prefix="Tiltak: ")
    actions = action_rows(definition, doc)
    word.heading("Tiltak og ansvar", 2)
    if actions:
        word.table(ACTION_HEADER, actions)
    else:
        word.paragraph("Ingen tiltak er registrert.")
    data = word.build(f"Referat: {definition.title}")
    return ExportFile(
        filename(definition, doc, today, "docx", "referat"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        data,
    )


def _md_cell(text: str) -> str:
    """Text for a Markdown table cell: escaped, pipes escaped, line breaks as ``<br>`` so the row stays one line."""
    if DATE.fullmatch(str(text)):
        return str(text)
    return "<br>".join(_md(line) for line in str(text).splitlines()) if text else ""


def export_minutes_markdown(definition: Definition, doc: dict[str, Any], today: str) -> ExportFile:
    """The minutes as Markdown: the same content as :func:`export_minutes`, with the actions as a table."""
    answers = doc.get("answers", {})
    lines = [f"# Referat: {_md_line(definition.title)}", ""]
    header = _meeting_lines(definition, doc, today)
    for index, (label, text) in enumerate(header):
        shown = text if DATE.fullmatch(text) else _md(text)
        lines.append(f"{label}: {shown}" + ("  " if index < len(header) - 1 else ""))
    lines.append("")
    for section, refs in _minute_items(definition, answers):
        lines += [f"## {_md_line(section['title'])}", ""]
        for ref in refs:
            item = ref.data
            answer = answers[ref.id]
            lines += [f"### {ref.number} {_md_line(item['text'])}", ""]
            if is_answered(item, answer):
                lines.append(f"- Svar: {_md(definition.value_label(item, answer.get('value')), '  ')}")
            for key, title in (("note", "Notat"), ("decision", "Vedtak")):
                if answer.get(key):
                    lines.append(f"- {title}: {_md(answer[key], '  ')}")
            if _owner(answer) or answer.get("due"):
                lines.append(
                    "- Ansvar: "
                    + _md(
                        " · ".join(
                            x for x in (_owner(answer), f"frist {answer['due']}" if answer.get("due") else "") if x
                        )
                    )
                )
            for action in answer.get("actions", []):
                lines.append(f"- Tiltak: {_md(_action_text(action), '  ')}")
            lines.append("")
    lines += ["## Tiltak", ""]
    actions = action_rows(definition, doc)
    if actions:
        lines.append("| " + " | ".join(ACTION_HEADER) + " |")
        lines.append("|" + "|".join(" --- " for _ in ACTION_HEADER) + "|")
        for row in actions:
            lines.append("| " + " | ".join(_md_cell(cell) for cell in row) + " |")
    else:
        lines.append("Ingen tiltak er registrert.")
    lines.append("")
    data = "\n".join(lines).encode("utf-8")
    return ExportFile(filename(definition, doc, today, "md", "referat"), "text/markdown;charset=utf-8", data)


def action_rows(definition: Definition, doc: dict[str, Any]) -> list[list[str]]:
    """Everything someone must follow up: items with an owner or due date, and their actions (with status)."""
    out = []
    for ref in definition.items:
        answer = doc.get("answers", {}).get(ref.id)
        if not answer:
            continue
        if _owner(answer) or answer.get("due"):
            out.append(
                [
                    ref.number,
                    ref.data["text"],
                    answer.get("decision") or answer.get("note", ""),
                    _owner(answer),
                    answer.get("due", ""),
                    "",
                ]
            )
        for action in answer.get("actions", []):
            out.append(
                [
                    ref.number,
                    ref.data["text"],
                    action.get("what", ""),
                    _owner(action),
                    action.get("due", ""),
                    "Utført" if action.get("done") else "Åpen",
                ]
            )
    return out


EXPORTERS = {
    "json": export_json,
    "csv": export_csv,
    "markdown": export_markdown,
    "xlsx": export_xlsx,
    "referat": export_minutes,
    "referat-md": export_minutes_markdown,
}
"""Export formats by the name the page asks for."""
