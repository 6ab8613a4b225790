"""The minutes (referat) of a walk-through: one model, built in :func:`build`, that every form shows.

The screen and print view get the model itself (``api.minutes``); Word and Markdown are
rendered from it here, so the four forms always agree. What is in it:

- the meeting: walk-through name, date (the meeting date, else the export date) as
  «30. november 2026», participants as a list, checklist and progress;
- ``decisions``: every decision with its item;
- ``actions``: every action, sorted by due date (undated last, then checklist order);
- ``unanswered``: the items with no answer yet (a note alone is no answer), in checklist order;
- ``follow_up``: the items answered with a value that is neither done nor «Ikke aktuelt» on a
  named scale (Nei or Delvis on «vurdering», Ikke startet or Pågår on «fremdrift»);
- ``sections``: the items with any content, with their answer, note, decision, who is responsible
  and their actions (in the item's order; ``line`` is the action as one line of text);
- ``header`` and each item's ``lines``: ``[{"label", "text"}]`` exactly as Word and Markdown show them;
  each action's ``row``: its cells in the action table.

An item's responsible side and due date describe the item; only actions are actions.
"""

from __future__ import annotations

import re
from typing import Any

from . import labels, markdown, ooxml
from .definition import Definition
from .progress import progress
from .rules import has_content, is_answered
from .texts import date_text, text

_PARTICIPANT_SEPARATORS = re.compile(r"[\r\n;,]+")


def participants(value: Any) -> list[str]:
    """The participants field as a list: one per line, or separated by commas or semicolons."""
    if not isinstance(value, str):
        return []
    return [name for name in (" ".join(part.split()) for part in _PARTICIPANT_SEPARATORS.split(value)) if name]


def cited(definition: Definition) -> str:
    """The checklist's source as one line: «Title, Publisher, 2019»."""
    source = definition.data.get("source") or {}
    year = source.get("year_text") or source.get("year")
    return ", ".join(str(part) for part in (source.get("title"), source.get("publisher"), year) if part)


def _responsibility(entry: dict[str, Any]) -> dict[str, Any]:
    """Who is responsible and by when, for an item's answer or one action: the same fields for both."""
    due = labels.due(entry)
    return {
        "owner": entry.get("owner", "") or "",
        "owner_label": labels.owner_label(entry.get("owner", "")),
        "owner_name": entry.get("owner_name", "") or "",
        "responsible": labels.responsible(entry),
        "due": due,
        "due_text": date_text(due),
    }


def item_entry(definition: Definition, ref: Any, answer: dict[str, Any]) -> dict[str, Any]:
    item = ref.data
    answered = is_answered(answer)
    return {
        "id": ref.id,
        "number": ref.number,
        "text": item["text"],
        "title": labels.item_title(ref),
        "answered": answered,
        "answer": definition.value_label(item, answer.get("value")) if answered else "",
        "note": answer.get("note", "") or "",
        "decision": answer.get("decision", "") or "",
        **_responsibility(answer),
        "actions": [
            _action_entry(ref, 0, action, index)
            for index, action in enumerate(answer.get("actions", []) or [])
            if isinstance(action, dict)
        ],
    }


def _action_entry(ref: Any, order: int, action: dict[str, Any], index: int) -> dict[str, Any]:
    """``index`` is the action's place in its item's list, so a view can change that one action."""
    done = bool(action.get("done"))
    return {
        "item": ref.id,
        "index": index,
        "number": ref.number,
        "item_text": ref.data["text"],
        "order": order,
        "what": str(action.get("what", "")).strip() or text("action.untitled"),
        **_responsibility(action),
        "done": done,
        "done_text": labels.done_text(done),
        "line": labels.action_line(action),
    }


def _follows_up(definition: Definition, item: dict[str, Any], answer: dict[str, Any]) -> bool:
    scale = definition.scale_of(item)
    if not scale or scale.get("numeric") or not is_answered(answer):
        return False
    return answer["value"] not in (*scale.get("done", []), scale.get("not_applicable"))


def actions(definition: Definition, answers: dict[str, Any]) -> list[dict[str, Any]]:
    """Every action of the walk-through, by due date (undated last), then checklist order."""
    found = []
    for order, ref in enumerate(definition.items):
        answer = answers.get(ref.id) or {}
        for index, action in enumerate(answer.get("actions", []) or []):
            if isinstance(action, dict):
                found.append(_action_entry(ref, order, action, index))
    return sorted(found, key=lambda a: (a["due"] == "", a["due"], a["order"]))


def action_row(action: dict[str, Any]) -> list[str]:
    """An action in the columns of ``actions.columns``: what every form's action table shows."""
    return [
        action["number"],
        action["item_text"],
        action["what"],
        action["responsible"],
        action["due_text"],
        action["done_text"],
    ]


MODEL_LABELS = (
    "meta.walkthrough",
    "meta.participants",
    "meta.checklist",
    "meta.progress",
    "minutes.decisions",
    "minutes.decisions.none",
    "minutes.follow_up",
    "minutes.follow_up.none",
    "minutes.items",
    "minutes.answer",
    "minutes.note",
    "minutes.decision",
    "minutes.responsible",
    "minutes.participants.none",
    "minutes.unanswered",
    "actions.heading",
    "actions.columns",
    "actions.none",
    "actions.one",
)
"""Wording the screen and print view need, sent with the model so they use the same words as Word and Markdown."""


def build(definition: Definition, doc: dict[str, Any], today: str) -> dict[str, Any]:
    """The minutes of the answer document ``doc``; ``today`` (ISO) is the date when no meeting date is set."""
    answers = doc.get("answers", {})
    walkthrough = doc["walkthrough"]
    meeting_date = walkthrough.get("meeting_date") or ""
    date = meeting_date or today
    sections = []
    for section in definition.sections:
        entries = [
            item_entry(definition, ref, answers[ref.id])
            for ref in definition.items
            if ref.section is section and has_content(answers.get(ref.id))
        ]
        if entries:
            sections.append({"id": section["id"], "title": labels.section_title(section), "items": entries})
    every = [entry for section in sections for entry in section["items"]]
    model = {
        "title": text("minutes.title", checklist=definition.title),
        "checklist": {
            "id": definition.id,
            "version": definition.version,
            "title": definition.title,
            "source": cited(definition),
        },
        "walkthrough": walkthrough["name"],
        "date": date,
        "date_text": date_text(date),
        "date_is_meeting_date": bool(meeting_date),
        "participants": participants(walkthrough.get("participants")),
        "progress": progress(definition, answers)["total"]["text"],
        "decisions": [
            {key: entry[key] for key in ("id", "number", "text", "title", "decision")}
            for entry in every
            if entry["decision"].strip()
        ],
        "actions": actions(definition, answers),
        "unanswered": [
            {"id": ref.id, "number": ref.number, "text": ref.data["text"], "title": labels.item_title(ref)}
            for ref in definition.items
            if not is_answered(answers.get(ref.id))
        ],
        "follow_up": [
            {
                "id": ref.id,
                "number": ref.number,
                "text": ref.data["text"],
                "title": labels.item_title(ref),
                "answer": definition.value_label(ref.data, answers[ref.id]["value"]),
            }
            for ref in definition.items
            if _follows_up(definition, ref.data, answers.get(ref.id) or {})
        ],
        "sections": sections,
        "labels": {key: text(key) for key in MODEL_LABELS}
        | {"meta.date": text("meta.meeting_date" if meeting_date else "meta.date")},
    }
    # The lines and table rows as every form shows them, so the screen needs no rules of its own.
    for action in model["actions"]:
        action["row"] = action_row(action)
    model["header"] = [{"label": label, "text": value} for label, value in header(model)]
    for entry in every:
        entry["lines"] = [{"label": label, "text": value} for label, value in item_lines(entry)]
    return model


def header(model: dict[str, Any]) -> list[tuple[str, str]]:
    """The meeting lines before the participants: (label, text)."""
    checklist = model["checklist"]
    shown = text("meta.checklist_line", title=checklist["title"], version=checklist["version"])
    if checklist["source"]:
        shown += f" ({checklist['source']})"
    return [
        (text("meta.walkthrough"), model["walkthrough"]),
        (model["labels"]["meta.date"], model["date_text"]),
        (text("meta.checklist"), shown),
        (text("meta.progress"), model["progress"]),
    ]


def item_lines(entry: dict[str, Any]) -> list[tuple[str, str]]:
    """An item's details as (label, text), in the order every form shows them."""
    responsible = ", ".join(
        part for part in (entry["responsible"], text("due", date=entry["due_text"]) if entry["due"] else "") if part
    )
    lines = [
        (text("minutes.answer"), entry["answer"] if entry["answered"] else ""),
        (text("minutes.note"), entry["note"]),
        (text("minutes.decision"), entry["decision"]),
        (text("minutes.responsible"), responsible),
    ]
    lines += [(text("actions.one"), action["line"]) for action in entry["actions"]]
    return [(label, value) for label, value in lines if value.strip()]


def docx(model: dict[str, Any]) -> bytes:
    """The minutes as a Word document."""
    word = ooxml.DocxBuilder()
    word.heading(model["title"], 1)
    for line in model["header"]:
        word.paragraph(line["text"], bold_prefix=f"{line['label']}: ")
    word.paragraph("", bold_prefix=f"{text('meta.participants')}:")
    if model["participants"]:
        word.bullets(model["participants"])
    else:
        word.paragraph(text("minutes.participants.none"))
    word.heading(text("minutes.decisions"), 2)
    if model["decisions"]:
        for decision in model["decisions"]:
            word.paragraph(decision["decision"], bold_prefix=f"{decision['title']}: ")
    else:
        word.paragraph(text("minutes.decisions.none"))
    word.heading(text("actions.heading"), 2)
    if model["actions"]:
        word.table(text("actions.columns"), [action_row(a) for a in model["actions"]])
    else:
        word.paragraph(text("actions.none"))
    word.heading(text("minutes.follow_up"), 2)
    if model["follow_up"]:
        word.bullets([f"{entry['title']}: {entry['answer']}" for entry in model["follow_up"]])
    else:
        word.paragraph(text("minutes.follow_up.none"))
    word.heading(text("minutes.items"), 2)
    for section in model["sections"]:
        word.heading(section["title"], 3)
        for entry in section["items"]:
            word.heading(entry["title"], 4)
            for line in entry["lines"]:
                word.paragraph(line["text"], bold_prefix=f"{line['label']}: ")
    return word.build(model["title"])


def markdown_text(model: dict[str, Any]) -> str:
    """The minutes as Markdown, readable as plain text."""
    md = markdown
    lines = [f"# {md.heading(model['title'])}", ""]
    for line in model["header"]:
        lines.append(f"{line['label']}: {md.text(line['text'])}  ")
    lines[-1] = lines[-1].rstrip()
    lines += ["", f"{text('meta.participants')}:", ""]
    if model["participants"]:
        lines += [f"- {md.text(name, '  ')}" for name in model["participants"]]
    else:
        lines.append(md.text(text("minutes.participants.none"), at_start=True))
    lines += ["", f"## {text('minutes.decisions')}", ""]
    if model["decisions"]:
        for decision in model["decisions"]:
            lines.append(f"- {md.text(decision['title'])}: {md.text(decision['decision'], '  ')}")
    else:
        lines.append(text("minutes.decisions.none"))
    lines += ["", f"## {text('actions.heading')}", ""]
    if model["actions"]:
        lines += md.table(text("actions.columns"), [action_row(a) for a in model["actions"]])
    else:
        lines.append(text("actions.none"))
    lines += ["", f"## {text('minutes.follow_up')}", ""]
    if model["follow_up"]:
        lines += [f"- {md.text(entry['title'])}: {md.text(entry['answer'])}" for entry in model["follow_up"]]
    else:
        lines.append(text("minutes.follow_up.none"))
    lines += ["", f"## {text('minutes.items')}", ""]
    for section in model["sections"]:
        lines += [f"### {md.heading(section['title'])}", ""]
        for entry in section["items"]:
            lines += [f"#### {md.heading(entry['title'])}", ""]
            lines += [f"- {line['label']}: {md.text(line['text'], '  ')}" for line in entry["lines"]]
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
