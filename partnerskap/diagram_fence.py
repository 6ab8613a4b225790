"""Fenced ```` ```diagram ```` blocks in the guidance pages: a chart plus its data table.

A custom fence for ``pymdownx.superfences`` (configured in ``mkdocs.yml``). Build time
only, but standard library only as well: it imports nothing beyond
:mod:`partnerskap.engine.charts`, which draws the chart.

Syntax::

    ```diagram
    title: Ledelsesform i NAV-kontorene per fylke
    caption: Kilde: NTL NAV (ca. 2012).
    series: Statlig leder, Kommunal leder, Felles leder, Delt ledelse
    stacked: true
    sum: last

    Fylke,Kommuner,NAV-kontor,Statlig leder,Kommunal leder,Felles leder,Delt ledelse
    Aust-Agder,15,15,9,6,0,0
    …
    Sum,374,368,247,73,29,21
    ```

Settings, one per line as ``name: value``, then one blank line, then the data:

``title``
    Required. The chart's title (shown in the chart, and its accessible name).
``caption``
    The figure caption under the table (plain text). Default: the title.
``table``
    The table's ``<caption>``. Default: the title.
``description``
    Extra text for the chart's ``<desc>``, after the generated summary.
``series``
    The columns to chart, by header name, comma separated, in the order to draw
    them. Default: every column after the first whose cells are all numbers.
``stacked``
    ``true`` or ``false`` (default; ``ja``/``nei`` also work): stack the series end to end in one bar per row
    (for parts of a whole), or draw them side by side.
``unit``
    Written after every value in the chart, e.g. ``%``.
``sum``
    ``last``: the last data row is a sum row. It goes in the table foot
    (``<tfoot>``) and is never charted. Its numbers are shown as written.

The data is CSV (comma separated; quote a cell that holds a comma, such as
``"12,5"``): the header row first, then one row per category, with the category
in the first column. Numbers may use a decimal point or a quoted decimal comma.

The block becomes ``<figure class="pv-chart">`` holding the SVG chart, the full
table (every column, the accessible alternative to the chart) and ``<figcaption>``.

A block that cannot be drawn raises :class:`DiagramError` (a ``ValueError``) naming
the block and what to change. Superfences swallows ordinary exceptions from a
formatter and would print the block as code; when it is the caller, the error is
also made an instance of its ``SuperFencesException``, which it lets through, so
``mkdocs build`` stops with the message.
"""

from __future__ import annotations

import csv
import difflib
import html
import sys
from typing import Any

from partnerskap.engine.charts import bar_chart_svg, data_table_html

__all__ = ["DiagramError", "format_diagram", "render_diagram"]

OPTIONS = ("title", "caption", "table", "description", "series", "stacked", "unit", "sum")
TABLE_NOTE = "Alle tallene står i tabellen under diagrammet."


class DiagramError(ValueError):
    """A ```` ```diagram ```` block that cannot be drawn; the message says how to fix it."""


def _fail(title: str | None, problem: str, fix: str) -> DiagramError:
    where = f"diagram-blokken «{title}»" if title else "En diagram-blokk"
    return DiagramError(f"{where[0].upper()}{where[1:]}: {problem} Slik retter du det: {fix}")


def _parse_settings(lines: list[str]) -> dict[str, str]:
    settings: dict[str, str] = {}
    for line in lines:
        name, colon, value = line.partition(":")
        name = name.strip().lower()
        title = settings.get("title")
        if not colon or not name:
            raise _fail(
                title,
                f"Linjen «{line.strip()}» er ikke en innstilling.",
                "skriv innstillingene som «navn: verdi», og sett en tom linje mellom dem og CSV-dataene.",
            )
        if name not in OPTIONS:
            close = difflib.get_close_matches(name, OPTIONS, n=1)
            hint = f"mente du «{close[0]}»?" if close else f"bruk en av {', '.join(OPTIONS)}."
            raise _fail(title, f"Ukjent innstilling «{name}».", hint)
        if name in settings:
            raise _fail(title, f"Innstillingen «{name}» står to ganger.", "behold bare én av dem.")
        settings[name] = value.strip()
    return settings


def _number(cell: str) -> float | None:
    text = cell.strip().replace("\u00a0", "").replace(" ", "").replace("\u2212", "-").replace(",", ".")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return int(value) if value.is_integer() and "." not in text else value


def render_diagram(source: str) -> str:
    """The HTML of one ```` ```diagram ```` block (see the module docstring)."""
    lines = source.strip("\n").splitlines()
    blank = next((i for i, line in enumerate(lines) if not line.strip()), None)
    if blank is None:
        first = lines[0].strip() if lines else ""
        title = first.partition(":")[2].strip() if first.lower().startswith("title:") else None
        raise _fail(
            title,
            "Blokken mangler den tomme linjen mellom innstillingene og CSV-dataene.",
            "skriv «title: …» og de andre innstillingene først, så en tom linje, så CSV med overskriftsraden først.",
        )
    settings = _parse_settings(lines[:blank])
    title = settings.get("title", "")
    if not title:
        raise _fail(None, "Blokken har ingen tittel.", "skriv «title: Diagrammets tittel» på første linje i blokken.")

    data_lines = [line.strip() for line in lines[blank + 1 :] if line.strip()]
    grid = [[cell.strip() for cell in row] for row in csv.reader(data_lines)]
    if len(grid) < 2:
        raise _fail(
            title,
            "Det er ingen data under innstillingene.",
            "skriv CSV under den tomme linjen: overskriftsraden først, så én rad per kategori.",
        )
    header, rows = grid[0], grid[1:]
    for number, row in enumerate(rows, start=2):
        if len(row) != len(header):
            raise _fail(
                title,
                f"Rad {number} i CSV-dataene («{row[0] if row else ''}») har {len(row)} celler, "
                f"overskriftsraden har {len(header)}.",
                'gi alle radene like mange celler (sett en celle med komma i anførselstegn: "12,5").',
            )
    if any(not name for name in header):
        raise _fail(title, "Overskriftsraden har en tom celle.", "gi hver kolonne et navn.")

    sum_setting = settings.get("sum", "").lower()
    if sum_setting not in ("", "last"):
        raise _fail(title, f"«sum: {settings['sum']}» er ikke gyldig.", "skriv «sum: last» eller fjern linjen.")
    sum_row = rows[-1] if sum_setting == "last" else None
    body = rows[:-1] if sum_row is not None else rows
    if not body:
        raise _fail(title, "Det er ingen rader å tegne (bare sumraden).", "legg til én rad per kategori over sumraden.")

    stacked_setting = settings.get("stacked", "false").lower()
    if stacked_setting not in ("true", "false", "ja", "nei", "yes", "no"):
        raise _fail(
            title, f"«stacked: {settings['stacked']}» er ikke gyldig.", "skriv «stacked: true» eller «stacked: false»."
        )
    stacked = stacked_setting in ("true", "ja", "yes")

    if "series" in settings:
        names = [name.strip() for name in settings["series"].split(",") if name.strip()]
        columns = []
        for name in names:
            hits = [i for i, column in enumerate(header) if column == name]
            if len(hits) != 1 or hits[0] == 0:
                close = difflib.get_close_matches(name, header[1:], n=1)
                hint = (
                    f"mente du «{close[0]}»?"
                    if close
                    else f"bruk kolonnenavn fra overskriftsraden: {', '.join(header[1:])}."
                )
                how_often = "flere ganger" if len(hits) > 1 else "ikke"
                problem = f"Kolonnen «{name}» i «series» finnes {how_often} blant tallkolonnene."
                raise _fail(title, problem, hint)
            columns.append(hits[0])
        if not columns:
            raise _fail(
                title, "«series» nevner ingen kolonner.", "skriv kolonnenavnene med komma mellom, eller fjern linjen."
            )
    else:
        columns = [i for i in range(1, len(header)) if all(_number(row[i]) is not None for row in body)]
        if not columns:
            raise _fail(
                title, "Ingen kolonne har bare tall.", "sjekk CSV-dataene, eller velg kolonner med «series: …»."
            )

    series: list[tuple[str, list[float | None]]] = []
    for column in columns:
        values: list[float | None] = []
        for number, row in enumerate(body, start=2):
            value = _number(row[column])
            if value is None or value < 0:
                raise _fail(
                    title,
                    f"Cellen «{row[column]}» (rad {number}, kolonne «{header[column]}») er ikke et tall ≥ 0.",
                    'skriv et tall (desimalkomma i anførselstegn: "12,5"), eller ta kolonnen ut av «series».',
                )
            values.append(value)
        series.append((header[column], values))

    try:
        chart = bar_chart_svg(
            title,
            [row[0] for row in body],
            series,
            stacked=stacked,
            unit=settings.get("unit", ""),
            description=" ".join(part for part in (settings.get("description", ""), TABLE_NOTE) if part),
        )
    except ValueError as error:
        raise _fail(title, str(error), "rett tallene i CSV-dataene.") from error
    table = data_table_html(settings.get("table") or title, header, [list(row) for row in body], sum_row)
    caption = settings.get("caption") or title
    return (
        f'<figure class="pv-chart"><div class="pv-chart__canvas">{chart}</div>'
        f"{table}<figcaption>{html.escape(caption)}</figcaption></figure>"
    )


def _fatal(error: DiagramError) -> DiagramError:
    """``error``, also as superfences' own exception when superfences is running (so the build stops)."""
    superfences = sys.modules.get("pymdownx.superfences")
    base = getattr(superfences, "SuperFencesException", None)
    if isinstance(base, type) and issubclass(base, Exception) and not isinstance(error, base):
        fatal: DiagramError = type("DiagramBuildError", (DiagramError, base), {"__module__": __name__})(str(error))
        fatal.__cause__ = error.__cause__
        return fatal
    return error


def format_diagram(source: str, language: str, css_class: str, options: dict[str, Any], md: Any, **kwargs: Any) -> str:
    """The superfences formatter: ``render_diagram(source)``; ``{#id}`` on the fence goes on the figure."""
    try:
        result = render_diagram(source)
    except DiagramError as error:
        raise _fatal(error) from error.__cause__
    id_value = kwargs.get("id_value")
    if id_value:
        result = result.replace(
            '<figure class="pv-chart">', f'<figure class="pv-chart" id="{html.escape(id_value)}">', 1
        )
    return result
