"""«Sammenstill»: several respondents' answer files of one checklist, combined.

Per item: how many chose each answer, mean, median and spread on numeric scales and
for numbers, how much the respondents disagree, their notes side by side, and an
accessible chart (SVG plus a data table). For checklists with number items (the
survey), a table with one row per respondent and a sum row, like NTL's table 1.
Every file is validated exactly as on import; files that cannot be used are skipped
and reported by name with a Norwegian reason.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import statistics
import sys
import traceback
from typing import Any

from . import charts, ooxml, textsafety
from .answers import ImportProblem, is_answered, parse_answer_file
from .definition import Definition, ItemRef
from .exports import ExportFile, _safe_cells
from .problems import UserError

_CSV_NUMBER = re.compile(r"^-?\d+(?:,\d+)?$")

MAX_FILES = 500
"""Most files combined at once (a county has far fewer offices)."""

STAT_KEYS = ("mean", "median", "stdev", "min", "max")
STAT_TITLES = {"mean": "Gjennomsnitt", "median": "Median", "stdev": "Standardavvik", "min": "Lavest", "max": "Høyest"}
MEASURE_STDEV = "standardavvik"
MEASURE_SHARE = "andel uenige"


def combine(definition: Definition, files: list[dict[str, Any]]) -> dict[str, Any]:
    """Combine answer files (``[{"name": filename, "text": content}]``) of ``definition``."""
    accepted: list[dict[str, Any]] = []
    skipped: list[dict[str, str]] = []
    seen_ids: dict[str, str] = {}
    seen_answers: dict[str, str] = {}
    for index, file in enumerate(files if isinstance(files, list) else []):
        name = _file_name(file, index)
        if index >= MAX_FILES:
            skipped.append({"file": name, "reason": f"For mange filer: høyst {MAX_FILES} kan sammenstilles om gangen."})
            continue
        text = file.get("text") if isinstance(file, dict) else None
        if not isinstance(text, str):
            skipped.append({"file": name, "reason": "Filen kunne ikke leses."})
            continue
        try:
            doc = textsafety.deep(parse_answer_file(text, definition), textsafety.readable)
        except ImportProblem as problem:
            skipped.append({"file": name, "reason": str(problem)})
            continue
        except Exception:  # noqa: BLE001 - one file must never stop the others; the fault is logged
            print(f"partnerskap engine: combine could not read «{name}»\n{traceback.format_exc()}", file=sys.stderr)
            skipped.append({"file": name, "reason": "Filen kunne ikke leses på grunn av en feil i verktøyet."})
            continue
        version = doc["checklist"]["version"]
        if version != definition.version:
            skipped.append(
                {
                    "file": name,
                    "reason": (
                        f"Filen gjelder versjon {version} av sjekklisten, ikke versjon {definition.version}. "
                        "Importer den i sjekklisten og eksporter den på nytt, så kan den sammenstilles."
                    ),
                }
            )
            continue
        walkthrough_id = doc["walkthrough"].get("id")
        if walkthrough_id and walkthrough_id in seen_ids:
            skipped.append(
                {
                    "file": name,
                    "reason": f"Filen er samme gjennomgang som «{seen_ids[walkthrough_id]}» og er hoppet over.",
                }
            )
            continue
        answers = {k: v for k, v in doc.get("answers", {}).items() if k in definition.by_id}
        fingerprint = json.dumps(answers, sort_keys=True, ensure_ascii=False)
        if answers and fingerprint in seen_answers:
            skipped.append(
                {
                    "file": name,
                    "reason": f"Filen har nøyaktig de samme svarene som «{seen_answers[fingerprint]}» og er hoppet over.",
                }
            )
            continue
        if walkthrough_id:
            seen_ids[walkthrough_id] = name
        seen_answers.setdefault(fingerprint, name)
        accepted.append({"file": name, "name": doc["walkthrough"]["name"].strip(), "answers": answers})

    _label(accepted)
    items = [_item_summary(definition, ref, accepted) for ref in definition.items]
    ranked = sorted(
        (entry for entry in items if entry["disagreement"] is not None),
        key=lambda entry: (-entry["disagreement"], entry["order"]),
    )
    return {
        "checklist": {"id": definition.id, "version": definition.version, "title": definition.title},
        "respondents": [{"label": r["label"], "name": r["name"], "file": r["file"]} for r in accepted],
        "skipped": skipped,
        "count": len(accepted),
        "items": items,
        "disagreement": [
            {
                "id": e["id"],
                "number": e["number"],
                "text": e["text"],
                "measure": e["measure"],
                "value": e["disagreement"],
                "value_text": e["disagreement_text"],
                "answered": e["answered"],
            }
            for e in ranked
        ],
        "survey_table": survey_table(definition, accepted),
        "summary": _summary_text(len(accepted), skipped),
    }


def _file_name(file: Any, index: int) -> str:
    name = file.get("name") if isinstance(file, dict) else None
    if not isinstance(name, str) or not textsafety.readable(name).strip():
        return f"Fil {index + 1}"
    return textsafety.readable(name).strip()[:200]


def _label(respondents: list[dict[str, Any]]) -> None:
    """Respondent labels: the walk-through's name, with the file name when names repeat (and a number if that repeats too)."""
    names: dict[str, int] = {}
    for r in respondents:
        names[r["name"]] = names.get(r["name"], 0) + 1
    used: set[str] = set()
    for r in respondents:
        label = r["name"] if names[r["name"]] == 1 else f"{r['name']} ({r['file']})"
        candidate, n = label, 2
        while candidate in used:
            candidate = f"{label} {n}"
            n += 1
        used.add(candidate)
        r["label"] = candidate


def _summary_text(count: int, skipped: list[dict[str, str]]) -> str:
    text = f"{count} {'svarfil' if count == 1 else 'svarfiler'} er sammenstilt."
    if skipped:
        text += f" {len(skipped)} {'fil' if len(skipped) == 1 else 'filer'} er hoppet over."
    return text


def _round(value: float) -> int | float:
    rounded = round(value, 2)
    return int(rounded) if float(rounded).is_integer() else rounded


def _numeric_scale(definition: Definition, item: dict[str, Any]) -> bool:
    scale = definition.scale_of(item)
    return bool(scale and scale.get("numeric"))


def _as_number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if math.isfinite(value) else None
    try:
        number = float(str(value).strip().replace(",", "."))
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def stats(values: list[float]) -> dict[str, Any] | None:
    """Mean, median, population standard deviation, min and max, as numbers and in Norwegian format."""
    if not values:
        return None
    result: dict[str, Any] = {
        "mean": _round(statistics.fmean(values)),
        "median": _round(statistics.median(values)),
        "stdev": _round(statistics.pstdev(values)),
        "min": _round(min(values)),
        "max": _round(max(values)),
    }
    result["text"] = {key: charts.format_number(result[key]) for key in STAT_KEYS}
    return result


def _item_summary(definition: Definition, ref: ItemRef, respondents: list[dict[str, Any]]) -> dict[str, Any]:
    item = ref.data
    title = f"{ref.number} {item['text']}"
    given = [(r, r["answers"].get(ref.id) or {}) for r in respondents]
    answered = [(r, a) for r, a in given if is_answered(item, a)]
    allowed = definition.allowed_values(item)
    counts: list[dict[str, Any]] = []
    numbers: list[float] = []
    measure = None
    disagreement = None
    chart = table = ""
    if allowed is not None:
        tally = {value: 0 for value in allowed}
        for _, answer in answered:
            if answer["value"] in tally:
                tally[answer["value"]] += 1
        counts = [
            {"value": value, "label": definition.value_label(item, value), "count": n} for value, n in tally.items()
        ]
        labels = [c["label"] for c in counts]
        numbers_of = [c["count"] for c in counts]
        chart = charts.distribution_svg(title, labels, numbers_of)
        total = sum(numbers_of)
        table = charts.data_table_html(
            f"Fordeling av svarene på {title}",
            ["Svar", "Antall", "Andel"],
            [[c["label"], c["count"], f"{round(100 * c['count'] / total) if total else 0}\u00a0%"] for c in counts],
            ["Sum", total, "100\u00a0%" if total else "0\u00a0%"],
        )
        if _numeric_scale(definition, item):
            scale = definition.scale_of(item) or {}
            numbers = [
                n
                for _, a in answered
                if a["value"] != scale.get("not_applicable")
                for n in [_as_number(a["value"])]
                if n is not None
            ]
            measure = MEASURE_STDEV
        else:
            measure = MEASURE_SHARE
            if total >= 2:
                disagreement = _round(1 - max(numbers_of) / total)
    elif item["type"] == "number":
        pairs = [(r["label"], n) for r, a in answered for n in [_as_number(a["value"])] if n is not None]
        numbers = [n for _, n in pairs]
        if pairs:
            table = charts.data_table_html(title, ["Respondent", "Svar"], [[label, _round(n)] for label, n in pairs])
            if all(n >= 0 for n in numbers):
                chart = charts.bar_chart_svg(
                    title, [label for label, _ in pairs], [("Svar", [_round(n) for n in numbers])]
                )
    summary = stats(numbers) if (measure == MEASURE_STDEV or item["type"] == "number") else None
    if measure == MEASURE_STDEV and summary is not None and len(numbers) >= 2:
        disagreement = summary["stdev"]
    texts = []
    if allowed is None and item["type"] != "number":
        texts = [{"respondent": r["label"], "text": a["value"]} for r, a in answered if isinstance(a.get("value"), str)]
    return {
        "id": ref.id,
        "number": ref.number,
        "text": item["text"],
        "section": ref.section["title"],
        "type": item["type"],
        "order": definition.items.index(ref),
        "respondents": len(respondents),
        "answered": len(answered),
        "counts": counts,
        "stats": summary,
        "measure": measure,
        "disagreement": disagreement,
        "disagreement_text": _disagreement_text(measure, disagreement),
        "notes": [
            {"respondent": r["label"], "note": a["note"]}
            for r, a in given
            if isinstance(a.get("note"), str) and a["note"].strip()
        ],
        "texts": texts,
        "chart": chart,
        "table": table,
    }


def _disagreement_text(measure: str | None, value: float | None) -> str:
    if value is None:
        return ""
    if measure == MEASURE_STDEV:
        return f"Standardavvik {charts.format_number(value)}"
    return f"{charts.format_number(round(100 * value))}\u00a0% svarte noe annet enn det vanligste svaret"


def _first_text_item(definition: Definition) -> ItemRef | None:
    first = definition.items[0] if definition.items else None
    return first if first is not None and first.data["type"] == "text" else None


def survey_table(definition: Definition, respondents: list[dict[str, Any]]) -> dict[str, Any] | None:
    """One row per respondent with the number items, and a sum row (like NTL's table 1); ``None`` without number items."""
    numbers = [ref for ref in definition.items if ref.data["type"] == "number"]
    if not numbers:
        return None
    first = _first_text_item(definition)
    header = [first.data["text"] if first else "Respondent", *(ref.data["text"] for ref in numbers)]
    rows: list[list[Any]] = []
    for r in respondents:
        name = r["label"]
        if first is not None:
            value = (r["answers"].get(first.id) or {}).get("value")
            if isinstance(value, str) and value.strip():
                name = " ".join(value.split())
        cells: list[Any] = [name]
        for ref in numbers:
            value = (r["answers"].get(ref.id) or {}).get("value")
            number = _as_number(value) if is_answered(ref.data, r["answers"].get(ref.id)) else None
            cells.append(_round(number) if number is not None else "")
        rows.append(cells)
    sums: list[Any] = ["Sum"]
    for column in range(1, len(header)):
        sums.append(_round(sum(row[column] for row in rows if row[column] != "")))
    caption = f"{definition.title}: svar fra {len(rows)} {'respondent' if len(rows) == 1 else 'respondenter'}"
    chart = ""
    plotted = [[cell if cell != "" else 0 for cell in row[1:]] for row in rows]
    if rows and all(value >= 0 for row in plotted for value in row):
        series = [(header[column], [row[column - 1] for row in plotted]) for column in range(1, len(header))]
        missing = any(cell == "" for row in rows for cell in row[1:])
        chart = charts.bar_chart_svg(
            caption,
            [row[0] for row in rows],
            series,
            description="Manglende svar er tegnet som 0." if missing else "",
        )
    return {
        "caption": caption,
        "header": header,
        "rows": rows,
        "sum": sums,
        "chart": chart,
        "table": charts.data_table_html(caption, header, rows, sums),
    }


def _csv_number(value: Any) -> str:
    """A number the way Excel with Norwegian settings reads it from CSV (decimal comma, no thousands separator)."""
    if value is None or value == "":
        return ""
    return str(value).replace(".", ",")


ITEM_HEADER = [
    "Avsnitt",
    "Nr.",
    "Punkt-id",
    "Spørsmål / aktivitet",
    "Antall svar",
    "Fordeling",
    "Gjennomsnitt",
    "Median",
    "Standardavvik",
    "Lavest",
    "Høyest",
    "Uenighet",
    "Notater",
    "Fritekstsvar",
]
ITEM_WIDTHS = [28, 16, 18, 50, 16, 40, 16, 16, 16, 16, 16, 30, 60, 60]
"""Column widths (Excel applies them to both sheets, so the survey table's number columns get room too)."""


def item_rows(combined: dict[str, Any], number: Any = lambda v: v) -> list[list[Any]]:
    """One row per item for the «Per punkt» sheet; ``number`` formats the numeric cells."""
    out = []
    for entry in combined["items"]:
        summary = entry.get("stats") or {}
        out.append(
            [
                entry["section"],
                entry["number"],
                entry["id"],
                entry["text"],
                number(entry["answered"]),
                ", ".join(f"{c['label']}: {c['count']}" for c in entry["counts"]),
                *(number(summary.get(key, "")) for key in STAT_KEYS),
                entry["disagreement_text"],
                "\n".join(f"{n['respondent']}: {n['note']}" for n in entry["notes"]),
                "\n".join(f"{t['respondent']}: {t['text']}" for t in entry.get("texts", [])),
            ]
        )
    return out


def _safe_row(row: list[Any]) -> list[Any]:
    """Neutralise formulas in text cells; numbers (also negative ones) stay numbers."""
    return [cell if isinstance(cell, str) and _CSV_NUMBER.match(cell) else _safe_cells([cell])[0] for cell in row]


def export_combined(definition: Definition, combined: dict[str, Any], kind: str, today: str) -> ExportFile:
    """The combined answers as CSV (per item, then the survey table) or Excel (sheets «Per punkt» and «Tabell»)."""
    base = f"{definition.id}-sammenstilling-{today}"
    table = combined.get("survey_table")
    if kind == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
        writer.writerow(ITEM_HEADER)
        writer.writerows(_safe_row(row) for row in item_rows(combined, _csv_number))
        if table:
            writer.writerow([])
            writer.writerow(_safe_cells(table["header"]))
            for row in [*table["rows"], table["sum"]]:
                writer.writerow([*_safe_cells([row[0]]), *(_csv_number(cell) for cell in row[1:])])
        return ExportFile(f"{base}.csv", "text/csv;charset=utf-8", buffer.getvalue().encode("utf-8-sig"))
    if kind == "xlsx":
        sheets: list[tuple[str, list[list[Any]]]] = [("Per punkt", [ITEM_HEADER, *item_rows(combined)])]
        if table:
            sheets.append(("Tabell", [table["header"], *table["rows"], table["sum"]]))
        data = ooxml.xlsx(sheets, ITEM_WIDTHS)
        return ExportFile(f"{base}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data)
    raise UserError(f"Ukjent eksportformat «{kind}».")
