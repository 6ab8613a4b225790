"""Charts as accessible SVG plus a data table (runs under CPython and Pyodide).

Standard library only, and no fixtures but tmp_path: tests/pyodide/runner.py runs
this module inside Pyodide too.
"""

from __future__ import annotations

import itertools
import math
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from partnerskap.engine.charts import bar_chart_svg, data_table_html, distribution_svg, format_number

SVG = "{http://www.w3.org/2000/svg}"
COUNTIES = [
    "Aust-Agder",
    "Finnmark",
    "Hedmark",
    "Hordaland",
    "Møre og Romsdal",
    "Nordland",
    "Nord-Trøndelag",
    "Oppland",
    "Oslo",
    "Rogaland",
    "Sør-Trøndelag",
    "Telemark",
    "Troms",
    "Vest-Agder",
    "Vestfold",
    "Østfold",
]
LEADERS = [
    ("Statlig leder", [9, 16, 15, 15, 24, 34, 20, 11, 0, 21, 14, 17, 22, 10, 12, 7]),
    ("Kommunal leder", [6, 2, 5, 11, 1, 9, 3, 5, 0, 8, 5, 0, 2, 5, 2, 9]),
    ("Felles leder", [0, 0, 0, 14, 3, 0, 7, 0, 0, 0, 5, 0, 0, 0, 0, 0]),
    ("Delt ledelse", [0, 1, 2, 0, 0, 0, 0, 0, 15, 0, 1, 0, 0, 0, 0, 2]),
]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def classes(element: ET.Element) -> list[str]:
    return element.get("class", "").split()


def bars(root: ET.Element) -> list[ET.Element]:
    return [e for e in root.iter(f"{SVG}rect") if "pv-chart__bar" in classes(e)]


def texts(root: ET.Element, css_class: str) -> list[str]:
    return ["".join(e.itertext()) for e in root.iter(f"{SVG}text") if css_class in classes(e)]


def series_of(bar: ET.Element) -> int:
    return next(int(c.rsplit("-", 1)[1]) for c in classes(bar) if c.startswith("pv-chart__series-"))


@pytest.mark.parametrize("stacked", [False, True])
def test_one_bar_per_category_and_series(stacked: bool) -> None:
    root = parse(bar_chart_svg("Ledelse", COUNTIES, LEADERS, stacked=stacked))
    found = bars(root)
    assert len(found) == len(COUNTIES) * len(LEADERS)
    assert sorted(series_of(b) for b in found) == sorted(list(range(1, len(LEADERS) + 1)) * len(COUNTIES))
    assert texts(root, "pv-chart__category") == COUNTIES


@pytest.mark.parametrize("stacked", [False, True])
def test_bar_lengths_are_proportional_to_values(stacked: bool) -> None:
    root = parse(bar_chart_svg("Ledelse", COUNTIES, LEADERS, stacked=stacked))
    ratios = []
    for bar in bars(root):
        value, width = float(bar.get("data-value")), float(bar.get("width"))
        if value == 0:
            assert width == 0
        else:
            ratios.append(width / value)
    assert ratios and max(ratios) - min(ratios) < 0.01 * max(ratios)
    widest = max(bars(root), key=lambda b: float(b.get("width")))
    assert float(widest.get("x")) + float(widest.get("width")) <= 720


def test_stacked_segments_follow_each_other_and_totals_are_written() -> None:
    root = parse(bar_chart_svg("Ledelse", COUNTIES, LEADERS, stacked=True))
    found = bars(root)
    per_row = [found[i : i + len(LEADERS)] for i in range(0, len(found), len(LEADERS))]
    for row in per_row:
        assert len({b.get("y") for b in row}) == 1
        for left, right in itertools.pairwise(row):
            assert math.isclose(float(left.get("x")) + float(left.get("width")), float(right.get("x")), abs_tol=0.02)
    totals = [sum(values[i] for _, values in LEADERS) for i in range(len(COUNTIES))]
    assert texts(root, "pv-chart__total") == [str(t) for t in totals]


def test_grouped_bars_have_value_labels() -> None:
    series = [("A", [1, 20]), ("B", [300, 4000])]
    root = parse(bar_chart_svg("Gruppert", ["x", "y"], series))
    assert texts(root, "pv-chart__value") == ["1", "300", "20", "4\u00a0000"]


def test_sixteen_rows_do_not_overlap_and_fit_the_viewbox() -> None:
    root = parse(bar_chart_svg("Ledelse", COUNTIES, LEADERS, stacked=True))
    ys = [float(e.get("y")) for e in root.iter(f"{SVG}text") if "pv-chart__category" in classes(e)]
    assert all(b - a >= 20 for a, b in itertools.pairwise(ys))
    x, y, width, height = (float(v) for v in root.get("viewBox").split())
    assert (x, y, width) == (0, 0, 720) and root.get("width") == "100%"
    assert all(float(b.get("y")) + float(b.get("height")) <= height for b in bars(root))
    ticks = [float(e.get("y")) for e in root.iter(f"{SVG}text") if "pv-chart__tick" in classes(e)]
    assert ticks and max(ticks) <= height


def test_title_and_desc_are_present_and_referenced() -> None:
    root = parse(
        bar_chart_svg("Ledelse i fylkene", COUNTIES, LEADERS, stacked=True, description="Tallene står i tabellen.")
    )
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and desc is not None
    assert title.text == "Ledelse i fylkene"
    assert "16 rader" in desc.text and "Statlig leder" in desc.text and desc.text.endswith("Tallene står i tabellen.")
    assert root.get("aria-labelledby").split() == [title.get("id"), desc.get("id")]
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids))
    assert title.get("id").startswith("pv-chart-ledelse-i-fylkene-")


def test_ids_are_unique_per_chart() -> None:
    one = parse(bar_chart_svg("Samme tittel", ["a"], [("x", [1])]))
    two = parse(bar_chart_svg("Samme tittel", ["a"], [("x", [2])]))
    assert one.get("aria-labelledby") != two.get("aria-labelledby")
    assert {e.get("id") for e in one.iter() if e.get("id")}.isdisjoint(e.get("id") for e in two.iter() if e.get("id"))


def test_all_text_is_escaped() -> None:
    nasty = '<script>alert("x")</script>'
    svg = bar_chart_svg(
        f"Tittel & {nasty}", [nasty, "A & B"], [(f"Serie {nasty}", [1, 2]), ("'y'", [3, 4])], unit="<b>"
    )
    assert "<script" not in svg and "<b>" not in svg
    assert "&lt;script&gt;" in svg
    root = parse(svg)
    assert root.find(f"{SVG}title").text == f"Tittel & {nasty}"
    assert texts(root, "pv-chart__category") == [nasty, "A & B"]
    assert f"Serie {nasty}" in texts(root, "pv-chart__legend")


def test_no_inline_styles_scripts_or_external_references() -> None:
    for svg in (
        bar_chart_svg("A", COUNTIES, LEADERS, stacked=True),
        bar_chart_svg("B", COUNTIES, LEADERS),
        distribution_svg("C", ["Ja", "Nei"], [3, 1]),
    ):
        assert "style=" not in svg and "<script" not in svg.lower() and "<style" not in svg
        root = parse(svg)
        ids = {e.get("id") for e in root.iter() if e.get("id")}
        for element in root.iter():
            assert "style" not in element.attrib
            assert not any(name.startswith("on") for name in element.attrib)
            assert not any("href" in name for name in element.attrib)
            for value in element.attrib.values():
                if "url(" in value:
                    assert value.startswith("url(#") and value[5:-1] in ids, value
        assert svg.count("http") == 1  # the xmlns only


def test_series_differ_by_pattern_not_only_colour() -> None:
    root = parse(bar_chart_svg("Ledelse", COUNTIES, LEADERS, stacked=True))
    patterns = {p.get("id"): ET.tostring(p[0]) for p in root.iter(f"{SVG}pattern")}
    fills: dict[int, set[str]] = {}
    for group in root.iter(f"{SVG}g"):
        rects = list(group.iter(f"{SVG}rect"))
        coloured = [r for r in rects if {"pv-chart__bar", "pv-chart__swatch"} & set(classes(r))]
        if len(coloured) != 1 or coloured[0].get("width") in ("0", None):
            continue
        overlay = [r.get("fill") for r in rects if "pv-chart__pattern" in classes(r)]
        fills.setdefault(series_of(coloured[0]), set()).add(overlay[0] if overlay else "solid")
    assert sorted(fills) == [1, 2, 3, 4]
    assert all(len(cues) == 1 for cues in fills.values()), fills  # the same cue in the legend and in every bar
    cues = [next(iter(c)) for c in fills.values()]
    assert len(set(cues)) == 4
    drawn = [patterns[c[5:-1]] for c in cues if c != "solid"]
    assert len(set(drawn)) == len(drawn)
    legend = [e for e in root.iter(f"{SVG}rect") if "pv-chart__swatch" in classes(e)]
    assert [series_of(e) for e in legend] == [1, 2, 3, 4]
    assert texts(root, "pv-chart__legend") == [name for name, _ in LEADERS]


@pytest.mark.parametrize(
    "categories, series, message",
    [
        (["a", "b"], [("x", [1])], "1 values for 2 categories"),
        (["a"], [("x", [-1])], "≥ 0"),
        (["a"], [("x", [float("nan")])], "finite"),
        (["a"], [("x", ["3"])], "not a number"),
        (["a"], [], "at least one series"),
    ],
)
def test_invalid_data_raises(categories: list[str], series: list, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        bar_chart_svg("Feil", categories, series)


def test_all_zero_values_still_draw_an_axis() -> None:
    root = parse(bar_chart_svg("Tomt", ["a", "b"], [("x", [0, 0])]))
    assert [b.get("width") for b in bars(root)] == ["0", "0"]
    assert texts(root, "pv-chart__tick")


def test_distribution_counts_and_shares() -> None:
    root = parse(distribution_svg("Svar på spørsmål 13", ["Enig", "Uenig", "<Vet ikke>"], [6, 2, 0]))
    assert [float(b.get("data-value")) for b in bars(root)] == [6, 2, 0]
    assert math.isclose(float(bars(root)[0].get("width")), 3 * float(bars(root)[1].get("width")), abs_tol=0.05)
    assert texts(root, "pv-chart__value") == ["6 (75\u00a0%)", "2 (25\u00a0%)", "0 (0\u00a0%)"]
    assert texts(root, "pv-chart__category") == ["Enig", "Uenig", "<Vet ikke>"]
    assert "8 svar i alt" in root.find(f"{SVG}desc").text
    assert not texts(root, "pv-chart__legend")  # one series: no legend needed
    with pytest.raises(ValueError):
        distribution_svg("Feil", ["a"], [1, 2])
    with pytest.raises(ValueError):
        distribution_svg("Feil", ["a"], [1.5])


def test_format_number_is_norwegian() -> None:
    assert format_number(1234) == "1\u00a0234"
    assert format_number(12.5) == "12,5"
    assert format_number(4.0) == "4"
    assert format_number(50, "%") == "50\u00a0%"


class _Table(HTMLParser):
    """Every element as (path of tags, attributes, text)."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.cells: list[tuple[tuple[str, ...], dict[str, str | None], str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(tag)
        self.cells.append((tuple(self.stack), dict(attrs), ""))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        path, attrs, text = self.cells[-1]
        self.cells[-1] = (path, attrs, text + data)

    def find(self, *path: str) -> list[tuple[dict[str, str | None], str]]:
        return [(attrs, text) for p, attrs, text in self.cells if p[-len(path) :] == path]


def table_of(markup: str) -> _Table:
    parser = _Table()
    parser.feed(markup)
    parser.close()
    assert not parser.stack
    return parser


def test_data_table_is_accessible() -> None:
    header = ["Fylke", "Kommuner", "Statlig leder"]
    rows: list[list[str | int | float]] = [["Oslo", 15, 0], ["<script>x</script>", "26", 11.5]]
    markup = data_table_html("Tabell 1: <ledelse>", header, rows, ["Sum", 41, 11.5])
    assert "<script" not in markup and "style=" not in markup
    table = table_of(markup)
    assert table.find("table", "caption") == [({}, "Tabell 1: <ledelse>")]
    assert [(a.get("scope"), t) for a, t in table.find("thead", "tr", "th")] == [("col", h) for h in header]
    body_heads = table.find("tbody", "tr", "th")
    assert [(a.get("scope"), t) for a, t in body_heads] == [("row", "Oslo"), ("row", "<script>x</script>")]
    assert [t for _, t in table.find("tbody", "tr", "td")] == ["15", "0", "26", "11,5"]
    assert all(a.get("class") == "pv-num" for a, _ in table.find("tbody", "tr", "td"))
    assert [(a.get("scope"), t) for a, t in table.find("tfoot", "tr", "th")] == [("row", "Sum")]
    assert [t for _, t in table.find("tfoot", "tr", "td")] == ["41", "11,5"]
    assert table.find("table")[0][0] == {}  # no class: the theme styles it like other tables


def test_data_table_without_sum_row_and_with_text_columns() -> None:
    table = table_of(data_table_html("T", ["Navn", "Merknad", "Antall"], [["a", "fritt", 1], ["b", "", 2]]))
    assert table.find("tfoot") == []
    assert [a.get("class") for a, _ in table.find("thead", "tr", "th")] == [None, None, "pv-num"]
    with pytest.raises(ValueError, match="2 cells"):
        data_table_html("T", ["a", "b", "c"], [["x", 1]])
