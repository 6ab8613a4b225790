"""Every export format of a walk-through: JSON, CSV, Markdown, Excel and minutes for Word."""

from __future__ import annotations

import csv
import datetime
import io
import re
import unicodedata
from typing import Any

from . import labels, markdown, minutes, textsafety
from .definition import Definition
from .files import CSV_MIME, XLSX_MIME, ExportFile
from .progress import progress
from .texts import date_text, text

COLUMN_WIDTHS = [28, 6, 18, 60, 16, 50, 10, 20, 12, 40, 30, 18, 50]
ACTION_WIDTHS = [8, 18, 50, 50, 10, 20, 12, 8]
META_WIDTHS = [24, 60]


def slug(text: str) -> str:
    """File-name-safe form of a name: «Møte NAV Narvik 2026» → «mote-nav-narvik-2026»."""
    text = text.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60] or "gjennomgang"


def filename(definition: Definition, doc: dict[str, Any], today: str, extension: str, kind: str = "") -> str:
    parts = [definition.id, slug(doc["walkthrough"]["name"])] + ([kind] if kind else []) + [today]
    return "-".join(parts) + f".{extension}"


def _date(iso: str) -> datetime.date | str:
    """An ISO date as a date (a real date cell in Excel); anything else as it is."""
    try:
        return datetime.date.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso


def _actions_text(answer: dict[str, Any]) -> str:
    return "\n".join(labels.action_line(a) for a in answer.get("actions", []) or [] if isinstance(a, dict))


def rows(definition: Definition, doc: dict[str, Any], dates: bool = False) -> list[list[Any]]:
    """One row per item, current items first, then archived answers (items since removed).

    Columns as ``answers.columns``; with ``dates`` the due date is a ``datetime.date`` (for Excel).
    """
    answers = doc.get("answers", {})
    shown = _date if dates else (lambda iso: iso)
    out: list[list[Any]] = []
    for ref in definition.items:
        item = ref.data
        answer = answers.get(ref.id, {})
        out.append(
            [
                labels.section_title(ref.section),
                ref.number,
                ref.id,
                item["text"],
                definition.value_label(item, answer.get("value")),
                answer.get("note", ""),
                labels.owner_label(answer.get("owner", "")),
                answer.get("owner_name", ""),
                shown(labels.due(answer)),
                answer.get("decision", ""),
                ", ".join(definition.roles.get(r, r) for r in item.get("roles", [])),
                definition.phases.get(item.get("phase") or "", ""),
                _actions_text(answer),
            ]
        )
    for item_id, answer in doc.get("archived", {}).items():
        value = answer.get("value")
        out.append(
            [
                text("answers.archived_section"),
                "",
                item_id,
                answer.get("text", ""),
                "" if value is None else str(value),
                answer.get("note", ""),
                labels.owner_label(answer.get("owner", "")),
                answer.get("owner_name", ""),
                shown(labels.due(answer)),
                answer.get("decision", ""),
                "",
                "",
                _actions_text(answer),
            ]
        )
    return out


def action_table(definition: Definition, doc: dict[str, Any], dates: bool = False) -> list[list[Any]]:
    """Every action as a row of ``actions.table_columns``, by due date like the minutes."""
    shown = _date if dates else (lambda iso: iso)
    return [
        [
            a["number"],
            a["item"],
            a["item_text"],
            a["what"],
            a["owner_label"],
            a["owner_name"],
            shown(a["due"]),
            a["done_text"],
        ]
        for a in minutes.actions(definition, doc.get("answers", {}))
    ]


def meta_rows(definition: Definition, doc: dict[str, Any]) -> list[list[Any]]:
    """The meeting's metadata as (label, value) rows: walk-through, date, participants, checklist, export time."""
    walkthrough = doc["walkthrough"]
    try:
        exported: Any = datetime.datetime.fromisoformat(doc.get("exported", "")).replace(tzinfo=None)
    except (TypeError, ValueError):
        exported = doc.get("exported", "")
    return [
        [text("meta.walkthrough"), walkthrough["name"]],
        [text("meta.meeting_date"), _date(walkthrough.get("meeting_date") or "")],
        [text("meta.participants"), "\n".join(minutes.participants(walkthrough.get("participants")))],
        [text("meta.checklist"), definition.title],
        [text("meta.checklist_id"), definition.id],
        [text("meta.version"), definition.version],
        [text("meta.exported_utc"), exported],
        [text("meta.progress"), progress(definition, doc.get("answers", {}))["total"]["text"]],
    ]


def export_json(definition: Definition, doc: dict[str, Any], today: str) -> ExportFile:
    data = textsafety.dumps(doc, indent=1).encode("utf-8")
    return ExportFile(filename(definition, doc, today, "json"), "application/json", data)


def _csv(header: list[str], body: list[list[Any]]) -> bytes:
    buffer = io.StringIO()
    # Semicolons and a byte order mark: what Excel with Norwegian settings opens correctly.
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(labels.safe_cells(row) for row in body)
    return buffer.getvalue().encode("utf-8-sig")


def export_csv(definition: Definition, doc: dict[str, Any], today: str) -> ExportFile:
    """The answers, one row per item; the item's actions in the last column (one table per CSV file)."""
    data = _csv(text("answers.columns"), rows(definition, doc))
    return ExportFile(filename(definition, doc, today, "csv"), CSV_MIME, data)


def export_actions_csv(definition: Definition, doc: dict[str, Any], today: str) -> ExportFile:
    """The actions, one row per action (a second CSV file: CSV holds one table per file)."""
    data = _csv(text("actions.table_columns"), action_table(definition, doc))
    return ExportFile(filename(definition, doc, today, "csv", "tiltak"), CSV_MIME, data)


def export_xlsx(definition: Definition, doc: dict[str, Any], today: str) -> ExportFile:
    """Sheets «Svar» (the answers), «Tiltak» (the actions) and «Om gjennomgangen» (the meeting's metadata)."""
    from . import xlsx  # XlsxWriter: loaded in the browser on first use, not at engine start

    data = xlsx.workbook(
        [
            (text("answers.sheet"), [text("answers.columns"), *rows(definition, doc, dates=True)], COLUMN_WIDTHS),
            (
                text("actions.sheet"),
                [text("actions.table_columns"), *action_table(definition, doc, dates=True)],
                ACTION_WIDTHS,
            ),
            (text("meta.sheet"), [text("meta.columns"), *meta_rows(definition, doc)], META_WIDTHS),
        ]
    )
    return ExportFile(filename(definition, doc, today, "xlsx"), XLSX_MIME, data)


def export_markdown(definition: Definition, doc: dict[str, Any], today: str) -> ExportFile:
    """The answers as Markdown: every section and item, then the actions as a table."""
    md = markdown
    answers = doc.get("answers", {})
    summary = progress(definition, answers)["total"]
    lines = [
        f"# {md.heading(definition.title)}",
        "",
        f"{text('meta.walkthrough')}: {md.text(doc['walkthrough']['name'])}  ",
        f"{text('meta.version')}: {md.text(definition.version)}  ",
        f"{text('meta.exported')}: {date_text(today)}  ",
        f"{text('meta.progress')}: {summary['text']}",
        "",
    ]
    for section in definition.sections:
        lines += [f"## {md.heading(labels.section_title(section))}", ""]
        for ref in (r for r in definition.items if r.section is section):
            entry = minutes.item_entry(definition, ref, answers.get(ref.id, {}))
            lines += [f"### {md.heading(entry['title'])}", ""]
            if not entry["answered"]:
                lines.append(f"- {text('minutes.answer')}: {text('not_answered')}")
            lines += [f"- {label}: {md.text(value, '  ')}" for label, value in minutes.item_lines(entry)]
            lines.append("")
    if doc.get("archived"):
        lines += [f"## {text('answers.archived_heading')}", ""]
        for item_id, answer in doc["archived"].items():
            value = md.text(str(answer.get("value") or ""), "  ")
            note = md.text(answer.get("note", ""), "  ")
            lines.append(f"- {md.text(answer.get('text') or item_id, '  ')}: {value} {note}".rstrip())
        lines.append("")
    actions = minutes.actions(definition, answers)
    lines += [f"## {text('actions.heading')}", ""]
    if actions:
        lines += md.table(text("actions.columns"), [minutes.action_row(a) for a in actions])
    else:
        lines.append(text("actions.none"))
    lines.append("")
    data = "\n".join(lines).encode("utf-8")
    return ExportFile(filename(definition, doc, today, "md"), "text/markdown;charset=utf-8", data)


def export_minutes(definition: Definition, doc: dict[str, Any], today: str) -> ExportFile:
    """The minutes (referat) as .docx, from the one minutes model."""
    return ExportFile(
        filename(definition, doc, today, "docx", "referat"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        minutes.docx(minutes.build(definition, doc, today)),
    )


def export_minutes_markdown(definition: Definition, doc: dict[str, Any], today: str) -> ExportFile:
    """The minutes as Markdown, from the same model as :func:`export_minutes`."""
    data = minutes.markdown_text(minutes.build(definition, doc, today)).encode("utf-8")
    return ExportFile(filename(definition, doc, today, "md", "referat"), "text/markdown;charset=utf-8", data)


EXPORTERS = {
    "json": export_json,
    "csv": export_csv,
    "csv-tiltak": export_actions_csv,
    "markdown": export_markdown,
    "xlsx": export_xlsx,
    "referat": export_minutes,
    "referat-md": export_minutes_markdown,
}
"""Export formats by the name the page asks for."""
