"""Accessible charts as inline SVG, and the data table that goes with them.

Standard library only: the same code draws table 1 on the guidance pages at build
time (through :mod:`partnerskap.diagram_fence`) and the combined survey answers in
the browser (Pyodide).

What every chart promises:

- ``role="img"`` and ``aria-labelledby`` naming its own ``<title>`` and ``<desc>``
  (ids made from a slug of the title plus a short hash of the data, so several charts
  on one page never share an id);
- every piece of text passed through :func:`html.escape`;
- no scripts, no external references, no ``style`` attributes (the site's Content
  Security Policy forbids inline styles): geometry is set with presentation
  attributes, and colours come from CSS classes (``pv-chart__series-1`` …) that
  ``docs/assets/stylesheets/charts.css`` styles for the light and dark palettes;
- series are told apart by a pattern as well as by colour (WCAG 1.4.1), the same
  pattern in the bars and in the legend;
- a fixed ``viewBox`` and ``width="100%"``: the chart scales with the page.

A chart is never the only form of the numbers: pair it with :func:`data_table_html`.
"""

from __future__ import annotations

import hashlib
import html
import math
import re
import unicodedata
from collections.abc import Sequence

from .texts import text
from .textsafety import readable, xml_text

__all__ = ["bar_chart_svg", "data_table_html", "distribution_svg", "format_number"]

SVG_NS = "http://www.w3.org/2000/svg"

WIDTH = 720
"""Width of every chart's coordinate system (the ``viewBox``)."""

_PAD = 12
_FONT = 13
_TITLE_FONT = 16
_CHAR = 0.6 * _FONT
"""A generous estimate of one character's width (no font metrics without a browser)."""
_MAX_LABEL_CHARS = 34
_SERIES_CLASSES = 8
"""Colour classes ``pv-chart__series-1`` … ``-8``; further series reuse them, with another pattern."""

# Pattern tiles (6 × 6 user units) drawn over the colour: series 1 is solid.
_PATTERNS: tuple[str, ...] = (
    "",
    '<path class="pv-chart__hatch" d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2"/>',
    '<circle class="pv-chart__dot" cx="3" cy="3" r="1.4"/>',
    '<path class="pv-chart__hatch" d="M0,3 h6"/>',
    '<path class="pv-chart__hatch" d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2 M-1,5 l2,2 M0,0 l6,6 M5,-1 l2,2"/>',
    '<path class="pv-chart__hatch" d="M3,0 v6"/>',
    '<path class="pv-chart__hatch" d="M-1,5 l2,2 M0,0 l6,6 M5,-1 l2,2"/>',
    '<path class="pv-chart__hatch" d="M0,3 h6 M3,0 v6"/>',
)


def _esc(text: object) -> str:
    """Text for SVG and HTML: escaped, without characters XML 1.0 forbids or bidirectional overrides."""
    return html.escape(xml_text(readable(str(text))), quote=True)


def _num(value: float) -> str:
    """A coordinate, rounded to two decimals without trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def format_number(value: float, unit: str = "") -> str:
    """Norwegian number format: ``1 234``, ``12,5`` (one decimal), optional unit after a no-break space."""
    if float(value).is_integer():
        text = f"{int(value):,}".replace(",", "\u00a0")
    else:
        whole, _, decimals = f"{value:,.1f}".partition(".")
        text = whole.replace(",", "\u00a0") + "," + decimals
    text = text.replace("-", "\u2212")
    return f"{text}\u00a0{unit}" if unit else text


def _slug(text: str) -> str:
    text = text.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:40].strip("-") or "diagram"


def _chart_id(title: str, payload: object) -> str:
    digest = hashlib.sha256(repr((title, payload)).encode("utf-8")).hexdigest()[:8]
    return f"pv-chart-{_slug(title)}-{digest}"


def _text_width(text: str, font: float = _FONT) -> float:
    return len(text) * 0.6 * font


def _shorten(label: str, limit: int = _MAX_LABEL_CHARS) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _wrap(text: str, width: float, font: float) -> list[str]:
    limit = max(10, int(width / (0.6 * font)))
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if len(candidate) > limit and line:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines or [""]


def _nice_step(maximum: float, integers: bool) -> float:
    raw = maximum / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return max(1.0, math.ceil(step)) if integers else step


def _check_values(series: Sequence[tuple[str, Sequence[float | None]]], count: int) -> None:
    if not series:
        raise ValueError("A chart needs at least one series.")
    for name, values in series:
        if len(values) != count:
            raise ValueError(f"Series {name!r} has {len(values)} values for {count} categories.")
        for value in values:
            if value is None:
                continue  # a missing value: no bar, the row says so
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ValueError(f"Series {name!r}: {value!r} is not a number.")
            if not math.isfinite(value) or value < 0:
                raise ValueError(f"Series {name!r}: {value!r} is not a finite number ≥ 0 (bars start at 0).")


def _series_class(index: int) -> str:
    return f"pv-chart__series-{index % _SERIES_CLASSES + 1}"


def _pattern_index(index: int) -> int:
    return index % len(_PATTERNS)


def _defs(chart_id: str, count: int) -> str:
    tiles = []
    for index in sorted({_pattern_index(i) for i in range(count)} - {0}):
        tiles.append(
            f'<pattern id="{chart_id}-p{index}" patternUnits="userSpaceOnUse" width="6" height="6">'
            f"{_PATTERNS[index]}</pattern>"
        )
    return f"<defs>{''.join(tiles)}</defs>" if tiles else ""


def _swatch(
    chart_id: str,
    index: int,
    x: float,
    y: float,
    width: float,
    height: float,
    extra: str = "",
    tooltip: str = "",
    kind: str = "pv-chart__bar",
) -> list[str]:
    """A coloured rectangle plus its series pattern on top (the pattern is the non-colour cue)."""
    tip = f"<title>{_esc(tooltip)}</title>" if tooltip else ""
    box = f'x="{_num(x)}" y="{_num(y)}" width="{_num(width)}" height="{_num(height)}"'
    pattern = _pattern_index(index)
    rect = f'<rect class="{kind} {_series_class(index)}" {box} fill="#3f51b5"{extra}'
    parts = [f"{rect}>{tip}</rect>" if tip and not (pattern and width > 0) else f"{rect}/>"]
    if pattern and width > 0:
        parts.append(
            f'<rect class="pv-chart__pattern" {box} fill="url(#{chart_id}-p{pattern})">{tip}</rect>'
            if tip
            else f'<rect class="pv-chart__pattern" {box} fill="url(#{chart_id}-p{pattern})"/>'
        )
    return parts


def _summary(categories: list[str], series: list[tuple[str, list[float | None]]], stacked: bool, unit: str) -> str:
    multi = len(series) > 1
    names = ", ".join(name for name, _ in series)
    kind = text("chart.kind.stacked" if stacked and multi else "chart.kind.bars")
    if multi:
        summary = text("chart.summary.series", kind=kind, rows=len(categories), count=len(series), names=names)
    else:
        summary = text("chart.summary.single", kind=kind, rows=len(categories), names=names)
    if categories:
        if stacked or not multi:
            totals = [sum(values[i] or 0 for _, values in series) for i in range(len(categories))]
            best = max(range(len(categories)), key=lambda i: totals[i])
            word = text("chart.largest_sum" if stacked and multi else "chart.largest")
            summary += f" {word}: {categories[best]}, {format_number(totals[best], unit)}."
        else:
            given = [(v, i, name) for name, values in series for i, v in enumerate(values) if v is not None]
            if given:
                value, row, name = max(given)
                summary += f" {text('chart.largest')}: {categories[row]}, {name}, {format_number(value, unit)}."
    return summary


def bar_chart_svg(
    title: str,
    categories: list[str],
    series: list[tuple[str, list[float | None]]],
    *,
    stacked: bool = False,
    unit: str = "",
    description: str = "",
) -> str:
    """A horizontal bar chart, one row per category, as a self-contained ``<svg>`` string.

    ``series`` is a list of ``(name, values)`` with one value ≥ 0 per category; ``None`` is a
    missing value: it gets no bar (never one of length 0) but the words «ikke besvart». Grouped
    bars by default; ``stacked=True`` puts the series end to end and writes each row's
    total after its bar. Values are written on the bars where they fit (the data table
    has them all). ``description`` is appended to the generated summary in ``<desc>``.
    Raises ``ValueError`` for mismatched lengths or values that are not numbers ≥ 0.
    """
    return _render(title, categories, series, stacked=stacked, unit=unit, description=description)


def _render(
    title: str,
    categories: list[str],
    series: list[tuple[str, list[float | None]]],
    *,
    stacked: bool,
    unit: str,
    description: str,
    row_labels: list[str] | None = None,
) -> str:
    """:func:`bar_chart_svg`, with ``row_labels`` replacing the value written after a single series' bars."""
    categories = [str(c) for c in categories]
    series = [(str(name), list(values)) for name, values in series]
    _check_values(series, len(categories))
    chart_id = _chart_id(title, (categories, series, stacked, unit, description))
    multi = len(series) > 1
    integers = all(float(v).is_integer() for _, values in series for v in values if v is not None)

    totals = [sum(values[i] or 0 for _, values in series) for i in range(len(categories))]
    peak = max(totals if stacked else [v for _, values in series for v in values if v is not None], default=0)
    step = _nice_step(peak, integers) if peak > 0 else 1.0
    axis_max = step * max(1, math.ceil(peak / step - 1e-9))

    label_w = min(260.0, max(60.0, max((_text_width(_shorten(c)) for c in categories), default=0) + 10))
    end_values = totals if stacked else [v for _, values in series for v in values if v is not None]
    end_texts = row_labels if row_labels is not None else [format_number(v, unit) for v in end_values]
    end_texts = [*end_texts, text("chart.not_answered")]
    value_w = max((_text_width(text) for text in end_texts), default=0) + 10
    x0 = _PAD + label_w
    plot_w = WIDTH - x0 - _PAD - value_w
    scale = plot_w / axis_max

    parts: list[str] = []
    y = _PAD
    for line in _wrap(title, WIDTH - 2 * _PAD, _TITLE_FONT):
        y += _TITLE_FONT + 4
        parts.append(
            f'<text class="pv-chart__title" x="{_PAD}" y="{_num(y)}" font-size="{_TITLE_FONT}" '
            f'font-weight="bold">{_esc(line)}</text>'
        )
    y += 8

    if multi:  # legend: swatch + name, wrapping onto new lines
        x = float(_PAD)
        y += 4
        for index, (name, _) in enumerate(series):
            item_w = 14 + 6 + _text_width(name) + 18
            if x > _PAD and x + item_w > WIDTH - _PAD:
                x = float(_PAD)
                y += 22
            parts.append('<g class="pv-chart__legend-item">')
            parts.extend(_swatch(chart_id, index, x, y, 14, 14, kind="pv-chart__swatch"))
            parts.append(
                f'<text class="pv-chart__legend" x="{_num(x + 20)}" y="{_num(y + 11.5)}" font-size="{_FONT}">{_esc(name)}</text>'
            )
            parts.append("</g>")
            x += item_w
        y += 14 + 14

    bar_h = 18.0 if stacked or not multi else 14.0
    row_h = bar_h + 8 if stacked or not multi else len(series) * (bar_h + 2) + 10
    top = y
    bottom = top + row_h * len(categories)

    # Row bands, gridlines and tick labels behind the bars.
    for row in range(0, len(categories), 2):
        parts.append(
            f'<rect class="pv-chart__band" x="{_PAD}" y="{_num(top + row * row_h)}" '
            f'width="{WIDTH - 2 * _PAD}" height="{_num(row_h)}" fill="none"/>'
        )
    tick = 0.0
    while tick <= axis_max + 1e-9:
        x = x0 + tick * scale
        parts.append(
            f'<line class="pv-chart__grid" x1="{_num(x)}" y1="{_num(top)}" x2="{_num(x)}" y2="{_num(bottom)}" stroke="#ccc"/>'
        )
        parts.append(
            f'<text class="pv-chart__tick" x="{_num(x)}" y="{_num(bottom + 16)}" text-anchor="middle" '
            f'font-size="{_FONT - 1}">{_esc(format_number(tick))}</text>'
        )
        tick += step

    for row, category in enumerate(categories):
        row_top = top + row * row_h
        parts.append(
            f'<text class="pv-chart__category" x="{_num(x0 - 8)}" y="{_num(row_top + row_h / 2)}" dy="0.35em" '
            f'text-anchor="end" font-size="{_FONT}">{_esc(_shorten(category))}</text>'
        )
        offset = 0.0
        for index, (name, values) in enumerate(series):
            value = values[row]
            if value is None:
                if not stacked:  # no bar at all, and words where it would be: never a 0
                    by = row_top + 5 + index * (bar_h + 2) if multi else row_top + (row_h - bar_h) / 2
                    parts.append(
                        f'<text class="pv-chart__value pv-chart__missing" x="{_num(x0 + 5)}" y="{_num(by + bar_h / 2)}" '
                        f'dy="0.35em" font-size="{_FONT - (1 if multi else 0)}" data-series="{index + 1}">'
                        f"{_esc(text('chart.not_answered'))}</text>"
                    )
                continue
            width = value * scale
            if stacked:
                bx, by = x0 + offset * scale, row_top + (row_h - bar_h) / 2
            elif multi:
                bx, by = x0, row_top + 5 + index * (bar_h + 2)
            else:
                bx, by = x0, row_top + (row_h - bar_h) / 2
            tooltip = (
                f"{category} – {name}: {format_number(value, unit)}"
                if multi
                else f"{category}: {format_number(value, unit)}"
            )
            data = f' data-series="{index + 1}" data-value="{_esc(repr(value))}"'
            parts.append("<g>")
            parts.extend(_swatch(chart_id, index, bx, by, width, bar_h, data, tooltip))
            label = format_number(value, unit)
            if row_labels is not None and not multi:
                label = row_labels[row]
            if stacked and multi:
                if value > 0 and width >= _text_width(label, _FONT - 1) + 8:
                    lw = _text_width(label, _FONT - 1) + 4
                    cx = bx + width / 2
                    parts.append(
                        f'<rect class="pv-chart__label-bg" x="{_num(cx - lw / 2)}" y="{_num(by + 2)}" width="{_num(lw)}" '
                        f'height="{_num(bar_h - 4)}" rx="3" fill="#fff"/>'
                    )
                    parts.append(
                        f'<text class="pv-chart__value" x="{_num(cx)}" y="{_num(by + bar_h / 2)}" dy="0.35em" '
                        f'text-anchor="middle" font-size="{_FONT - 1}">{_esc(label)}</text>'
                    )
            else:
                parts.append(
                    f'<text class="pv-chart__value" x="{_num(bx + width + 5)}" y="{_num(by + bar_h / 2)}" dy="0.35em" '
                    f'font-size="{_FONT - (1 if multi else 0)}">{_esc(label)}</text>'
                )
            parts.append("</g>")
            offset += value
        if stacked and multi:
            parts.append(
                f'<text class="pv-chart__value pv-chart__total" x="{_num(x0 + totals[row] * scale + 6)}" '
                f'y="{_num(row_top + row_h / 2)}" dy="0.35em" font-size="{_FONT}" font-weight="bold">'
                f"{_esc(format_number(totals[row], unit))}</text>"
            )
    parts.append(
        f'<line class="pv-chart__axis" x1="{_num(x0)}" y1="{_num(top)}" x2="{_num(x0)}" y2="{_num(bottom)}" stroke="#333"/>'
    )

    height = bottom + 16 + _PAD + 4
    desc = _summary(categories, series, stacked, unit) + (f" {description.strip()}" if description.strip() else "")
    return (
        f'<svg xmlns="{SVG_NS}" class="pv-chart__svg" viewBox="0 0 {WIDTH} {_num(height)}" width="100%" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" id="{chart_id}">'
        f'<title id="{chart_id}-title">{_esc(title)}</title>'
        f'<desc id="{chart_id}-desc">{_esc(desc)}</desc>'
        f"{_defs(chart_id, len(series))}" + "".join(parts) + "</svg>"
    )


def distribution_svg(title: str, labels: list[str], counts: list[int]) -> str:
    """How many chose each answer: one bar per answer, labelled with the count and its share."""
    if len(labels) != len(counts):
        raise ValueError(f"{len(labels)} answer labels for {len(counts)} counts.")
    for count in counts:
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise ValueError(f"{count!r} is not a whole number ≥ 0.")
    total = sum(counts)
    share = ", ".join(f"{label}: {count}" for label, count in zip(labels, counts, strict=False))
    description = text("chart.answers_total", total=total, shares=share) if labels else text("chart.no_answers")
    shares = [f"{count} ({round(100 * count / total)}\u00a0%)" if total else str(count) for count in counts]
    return _render(
        title,
        [str(label) for label in labels],
        [(text("chart.answer_count"), [int(c) for c in counts])],
        stacked=False,
        unit="",
        description=description,
        row_labels=shares,
    )


def _is_number(cell: object) -> bool:
    if isinstance(cell, bool):
        return False
    if isinstance(cell, (int, float)):
        return True
    text = str(cell).strip().replace("\u00a0", "").replace(" ", "").replace("\u2212", "-").replace(",", ".")
    try:
        float(text)
    except ValueError:
        return False
    return bool(text)


def _cell_text(cell: str | int | float) -> str:
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return format_number(cell)
    return str(cell)


def data_table_html(
    caption: str,
    header: list[str],
    rows: Sequence[Sequence[str | int | float]],
    sum_row: Sequence[str | int | float] | None = None,
) -> str:
    """The numbers behind a chart as an accessible ``<table>``.

    ``<caption>``, column headers with ``scope="col"``, the first cell of each row as a
    row header (``scope="row"``) and, when given, the sum row in ``<tfoot>``. Numeric
    cells get the class ``pv-num`` (right-aligned by the stylesheet); numbers (int,
    float) are written in Norwegian format, strings exactly as given. The table itself
    has no class, so the Material theme styles it like the site's other tables.
    """
    width = len(header)
    for row in [*rows, *([sum_row] if sum_row is not None else [])]:
        if len(row) != width:
            raise ValueError(f"Row {row!r} has {len(row)} cells, the header has {width}.")
    body = [*rows, *([sum_row] if sum_row is not None else [])]
    numeric = [bool(body) and all(_is_number(row[i]) for row in body) for i in range(width)]

    def cls(column: int) -> str:
        return ' class="pv-num"' if column > 0 and numeric[column] else ""

    def row_html(row: Sequence[str | int | float]) -> str:
        cells = [f'<th scope="row">{_esc(_cell_text(row[0]))}</th>'] if row else []
        cells += [f"<td{cls(i)}>{_esc(_cell_text(cell))}</td>" for i, cell in enumerate(row) if i > 0]
        return f"<tr>{''.join(cells)}</tr>"

    head = "".join(f'<th scope="col"{cls(i)}>{_esc(name)}</th>' for i, name in enumerate(header))
    parts = [f"<table><caption>{_esc(caption)}</caption>", f"<thead><tr>{head}</tr></thead>"]
    parts.append("<tbody>" + "".join(row_html(row) for row in rows) + "</tbody>")
    if sum_row is not None:
        parts.append("<tfoot>" + row_html(sum_row) + "</tfoot>")
    parts.append("</table>")
    return "".join(parts)
