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
import statistics
import sys
import traceback
from typing import Any

from . import charts, labels, textsafety
from .answers import ImportProblem, parse_answer_file
from .definition import Definition, ItemRef
from .files import CSV_MIME, XLSX_MIME, ExportFile
from .problems import UserError
from .rules import MAX_COMBINE_FILES, is_answered
from .texts import counted, percent_text, text

STAT_KEYS = ("mean", "median", "sample_stdev", "min", "max")
"""The statistics per item; the standard deviation is the sample one (n − 1), as spreadsheets' STDEV.S."""
MEASURE_STDEV = "sample_stdev"
"""Disagreement on numeric scales: the sample standard deviation."""
MEASURE_SHARE = "share_disagreeing"
"""Disagreement on other choices: the share who chose something other than the most common answer."""


def combine(definition: Definition, files: list[dict[str, Any]]) -> dict[str, Any]:
    """Combine answer files (``[{"name": filename, "text": content}]``) of ``definition``.

    ``exports`` lists the kinds of :func:`export_combined` that apply (codes; the page names them).
    """
    accepted: list[dict[str, Any]] = []
    skipped: list[dict[str, str]] = []
    seen_ids: dict[str, str] = {}
    seen_answers: dict[str, str] = {}
    for index, file in enumerate(files if isinstance(files, list) else []):
        name = _file_name(file, index)
        if index >= MAX_COMBINE_FILES:
            skipped.append({"file": name, "reason": text("combine.too_many", limit=MAX_COMBINE_FILES)})
            continue
        content = file.get("text") if isinstance(file, dict) else None
        if not isinstance(content, str):
            skipped.append({"file": name, "reason": text("combine.unreadable")})
            continue
        try:
            doc = textsafety.deep(parse_answer_file(content, definition), textsafety.readable)
        except ImportProblem as problem:
            skipped.append({"file": name, "reason": str(problem)})
            continue
        except Exception:  # noqa: BLE001 - one file must never stop the others; the fault is logged
            print(f"partnerskap engine: combine could not read «{name}»\n{traceback.format_exc()}", file=sys.stderr)
            skipped.append({"file": name, "reason": text("combine.fault")})
            continue
        version = doc["checklist"]["version"]
        if version != definition.version:
            reason = text(
                "combine.other_version", version=version, checklist=definition.title, current=definition.version
            )
            skipped.append({"file": name, "reason": reason})
            continue
        walkthrough_id = doc["walkthrough"].get("id")
        if walkthrough_id and walkthrough_id in seen_ids:
            skipped.append({"file": name, "reason": text("combine.same_walkthrough", file=seen_ids[walkthrough_id])})
            continue
        answers = {k: v for k, v in doc.get("answers", {}).items() if k in definition.by_id}
        fingerprint = json.dumps(answers, sort_keys=True, ensure_ascii=False)
        if answers and fingerprint in seen_answers:
            skipped.append({"file": name, "reason": text("combine.same_answers", file=seen_answers[fingerprint])})
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
    result = {
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
        "respondent_table": respondent_table(definition, accepted),
        "summary": _summary_text(len(accepted), skipped),
    }
    result["exports"] = export_kinds(result)
    return result


def _file_name(file: Any, index: int) -> str:
    name = file.get("name") if isinstance(file, dict) else None
    if not isinstance(name, str) or not textsafety.readable(name).strip():
        return f"Fil {index + 1}"
    return textsafety.readable(name).strip()[:200]


def _label(respondents: list[dict[str, Any]]) -> None:
    """Respondent labels: the walk-through name, with the file name when names repeat (and a number if need be)."""
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
    summary = counted("combine.summary", count)
    return f"{summary} {counted('combine.skipped', len(skipped))}" if skipped else summary


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
    """Mean, median, sample standard deviation (``None`` for one value), min and max, as numbers and as text.

    The text of a missing value is «–».
    """
    if not values:
        return None
    result: dict[str, Any] = {
        "mean": _round(statistics.fmean(values)),
        "median": _round(statistics.median(values)),
        "sample_stdev": _round(statistics.stdev(values)) if len(values) >= 2 else None,
        "min": _round(min(values)),
        "max": _round(max(values)),
    }
    result["text"] = {key: "–" if result[key] is None else charts.format_number(result[key]) for key in STAT_KEYS}
    return result


def _item_summary(definition: Definition, ref: ItemRef, respondents: list[dict[str, Any]]) -> dict[str, Any]:
    item = ref.data
    title = f"{ref.number} {item['text']}"
    given = [(r, r["answers"].get(ref.id) or {}) for r in respondents]
    answered = [(r, a) for r, a in given if is_answered(a)]
    allowed = definition.allowed_values(item)
    counts: list[dict[str, Any]] = []
    numbers: list[float] = []
    measure = None
    disagreement = None
    chart = ""
    if allowed is not None:
        tally = {value: 0 for value in allowed}
        for _, answer in answered:
            if answer["value"] in tally:
                tally[answer["value"]] += 1
        total = sum(tally.values())
        counts = [
            {
                "value": value,
                "label": definition.value_label(item, value),
                "count": n,
                "percent": round(100 * n / total) if total else 0,
                "percent_text": percent_text(n / total if total else 0),
            }
            for value, n in tally.items()
        ]
        numbers_of = [c["count"] for c in counts]
        chart = charts.distribution_svg(title, [c["label"] for c in counts], numbers_of)
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
            if all(n >= 0 for n in numbers):
                chart = charts.bar_chart_svg(
                    title, [label for label, _ in pairs], [("Svar", [_round(n) for n in numbers])]
                )
    summary = stats(numbers) if (measure == MEASURE_STDEV or item["type"] == "number") else None
    if measure == MEASURE_STDEV and summary is not None and len(numbers) >= 2:
        disagreement = summary["sample_stdev"]
    texts = []
    if allowed is None and item["type"] != "number":
        texts = [{"respondent": r["label"], "text": a["value"]} for r, a in answered if isinstance(a.get("value"), str)]
    return {
        "id": ref.id,
        "number": ref.number,
        "text": item["text"],
        "section": labels.section_title(ref.section),
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
    }


def _disagreement_text(measure: str | None, value: float | None) -> str:
    if value is None:
        return ""
    if measure == MEASURE_STDEV:
        return text("combine.disagreement.sample_stdev", value=charts.format_number(value))
    return text("combine.disagreement.share_disagreeing", percent=percent_text(value))


def _first_text_item(definition: Definition) -> ItemRef | None:
    first = definition.items[0] if definition.items else None
    return first if first is not None and first.data["type"] == "text" else None


def survey_table(definition: Definition, respondents: list[dict[str, Any]]) -> dict[str, Any] | None:
    """One row per respondent with the number items and a sum row (like NTL's table 1); ``None`` without numbers.

    A missing answer is "" in ``rows``, left out of the sum, and not drawn in the chart (its row says
    «ikke besvart» there), so it never looks like a 0.
    """
    numbers = [ref for ref in definition.items if ref.data["type"] == "number"]
    if not numbers:
        return None
    first = _first_text_item(definition)
    header = [first.data["text"] if first else text("combine.respondent"), *(ref.data["text"] for ref in numbers)]
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
            number = _as_number(value) if is_answered(r["answers"].get(ref.id)) else None
            cells.append(_round(number) if number is not None else "")
        rows.append(cells)
    sums: list[Any] = [text("combine.sum")]
    for column in range(1, len(header)):
        sums.append(_round(sum(row[column] for row in rows if row[column] != "")))
    caption = counted("combine.table_caption", len(rows), checklist=definition.title)
    chart = ""
    plotted = [[None if cell == "" else cell for cell in row[1:]] for row in rows]
    if rows and all(value is None or value >= 0 for row in plotted for value in row):
        series = [(header[column], [row[column - 1] for row in plotted]) for column in range(1, len(header))]
        missing = any(value is None for row in plotted for value in row)
        chart = charts.bar_chart_svg(
            caption,
            [row[0] for row in rows],
            series,
            description=text("combine.missing_not_drawn") if missing else "",
        )
    return {"caption": caption, "header": header, "rows": rows, "sum": sums, "chart": chart}


def _answer_cell(definition: Definition, ref: ItemRef, answer: dict[str, Any] | None) -> Any:
    """A respondent's answer as a cell: numbers as numbers (also on 1–6 scales), choices by label, "" if missing."""
    if not is_answered(answer):
        return ""
    assert answer is not None
    value = answer["value"]
    if ref.data["type"] == "number" or _numeric_scale(definition, ref.data):
        number = _as_number(value)
        if number is not None:
            return _round(number)
    return definition.value_label(ref.data, value)


def respondent_table(definition: Definition, respondents: list[dict[str, Any]]) -> dict[str, Any]:
    """One row per respondent (label, file) and one column per item (its number and text)."""
    return {
        "header": [
            text("combine.respondent"),
            text("combine.file"),
            *(labels.item_title(ref) for ref in definition.items),
        ],
        "rows": [
            [
                r["label"],
                r["file"],
                *(_answer_cell(definition, ref, r["answers"].get(ref.id)) for ref in definition.items),
            ]
            for r in respondents
        ],
    }


def _csv_number(value: Any) -> str:
    """A number the way Excel with Norwegian settings reads it from CSV (decimal comma, no thousands separator)."""
    if value is None or value == "":
        return ""
    return str(value).replace(".", ",")


ITEM_WIDTHS = [28, 16, 18, 50, 16, 40, 16, 16, 16, 16, 16, 30, 60, 60]


def _distribution(counts: list[dict[str, Any]]) -> str:
    return ", ".join(
        text("combine.count_share", label=c["label"], count=c["count"], percent=c["percent_text"]) for c in counts
    )


def item_rows(combined: dict[str, Any], number: Any = lambda v: v) -> list[list[Any]]:
    """One row per item for the «Per punkt» table; ``number`` formats the numeric cells."""
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
                _distribution(entry["counts"]),
                *(number(summary.get(key, "")) for key in STAT_KEYS),
                entry["disagreement_text"],
                "\n".join(f"{n['respondent']}: {n['note']}" for n in entry["notes"]),
                "\n".join(f"{t['respondent']}: {t['text']}" for t in entry.get("texts", [])),
            ]
        )
    return out


def _csv_row(row: list[Any]) -> list[Any]:
    """Numbers with a decimal comma; formulas in text cells neutralised (negative numbers stay numbers)."""
    return [_csv_number(cell) if isinstance(cell, (int, float)) else labels.safe_cells([cell])[0] for cell in row]


def _csv(header: list[Any], rows: list[list[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(labels.safe_cells(header))
    writer.writerows(_csv_row(row) for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


CSV_KINDS = ("csv", "csv-respondenter", "csv-tabell")
"""The combined answers as CSV, one table per file: per item, per respondent, and the number table."""
EXPORT_KINDS = (*CSV_KINDS, "xlsx")
"""Every export of the combined answers; ``combine`` lists those that apply in ``exports``."""


def export_kinds(combined: dict[str, Any]) -> list[str]:
    """The exports that apply to ``combined``: none without respondents, the number table only with one."""
    if not combined["count"]:
        return []
    return [kind for kind in EXPORT_KINDS if kind != "csv-tabell" or combined.get("survey_table")]


def export_combined(definition: Definition, combined: dict[str, Any], kind: str, today: str) -> ExportFile:
    """The combined answers as one CSV table (``CSV_KINDS``) or as Excel with a sheet per table.

    Excel: «Per punkt», «Per respondent» (one row per respondent, one column per item) and, for
    checklists with number items, «Tabell» (numbers per respondent with a sum row).
    """
    base = f"{definition.id}-sammenstilling"
    table = combined.get("survey_table")
    respondents = combined["respondent_table"]
    if kind == "csv":
        data = _csv(text("combine.item_columns"), item_rows(combined))
        return ExportFile(f"{base}-{today}.csv", CSV_MIME, data)
    if kind == "csv-respondenter":
        data = _csv(respondents["header"], respondents["rows"])
        return ExportFile(f"{base}-respondenter-{today}.csv", CSV_MIME, data)
    if kind == "csv-tabell":
        if not table:
            raise UserError(text("combine.no_table"))
        data = _csv(table["header"], [*table["rows"], table["sum"]])
        return ExportFile(f"{base}-tabell-{today}.csv", CSV_MIME, data)
    if kind == "xlsx":
        sheets: list[Any] = [
            (text("combine.sheet.items"), [text("combine.item_columns"), *item_rows(combined)], ITEM_WIDTHS),
            (
                text("combine.sheet.respondents"),
                [respondents["header"], *respondents["rows"]],
                [30, 20, *([24] * len(definition.items))],
            ),
        ]
        if table:
            sheets.append(
                (text("combine.sheet.table"), [table["header"], *table["rows"], table["sum"]], [30] + [16] * 20)
            )
        from . import xlsx  # XlsxWriter: loaded in the browser on first use

        return ExportFile(f"{base}-{today}.xlsx", XLSX_MIME, xlsx.workbook(sheets))
    raise UserError(text("unknown_format", kind=kind))
