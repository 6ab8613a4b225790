"""The ```diagram fence: a chart, the full table and a caption; clear errors that stop the build."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import markdown
import pytest

from partnerskap.diagram_fence import DiagramError, format_diagram, render_diagram

ROOT = Path(__file__).resolve().parents[2]
SVG = "{http://www.w3.org/2000/svg}"

BLOCK = """\
title: Ledelse i tre fylker
caption: Kilde: NTL NAV.
series: Statlig leder, Kommunal leder
stacked: true
sum: last

Fylke,Kommuner,Statlig leder,Kommunal leder,Merknad
Oslo,15,0,0,delt ledelse
Troms,25,22,2,
"Møre og Romsdal",36,24,1,"5 kontor mangler, se teksten"
Sum,76,46,3,
"""


def render(source: str = BLOCK) -> ET.Element:
    return ET.fromstring(format_diagram(source, "diagram", "diagram", {}, None))


def bars(root: ET.Element) -> list[ET.Element]:
    return [e for e in root.iter(f"{SVG}rect") if "pv-chart__bar" in e.get("class", "").split()]


def test_a_valid_block_renders_figure_with_chart_table_and_caption() -> None:
    figure = render()
    assert figure.tag == "figure" and figure.get("class") == "pv-chart"
    assert [child.tag for child in figure] == ["div", "table", "figcaption"]
    svg = figure[0][0]
    assert svg.tag == f"{SVG}svg" and svg.get("role") == "img"
    assert svg.find(f"{SVG}title").text == "Ledelse i tre fylker"
    assert svg.find(f"{SVG}desc").text.endswith("Alle tallene står i tabellen under diagrammet.")
    assert figure.find("figcaption").text == "Kilde: NTL NAV."
    table = figure.find("table")
    assert table.find("caption").text == "Ledelse i tre fylker"
    assert [th.text for th in table.findall("thead/tr/th")] == [
        "Fylke",
        "Kommuner",
        "Statlig leder",
        "Kommunal leder",
        "Merknad",
    ]
    assert [th.text for th in table.findall("tbody/tr/th")] == ["Oslo", "Troms", "Møre og Romsdal"]
    assert [td.text for td in table.findall("tbody/tr")[2].findall("td")] == [
        "36",
        "24",
        "1",
        "5 kontor mangler, se teksten",
    ]


def test_only_the_chosen_series_are_drawn_and_the_sum_row_never() -> None:
    figure = render()
    found = bars(figure)
    assert len(found) == 3 * 2  # three counties × two series; not the sum row, not «Kommuner»
    assert [float(b.get("data-value")) for b in found] == [0, 0, 22, 2, 24, 1]
    assert "76" not in [b.get("data-value") for b in found]
    categories = [
        "".join(t.itertext()) for t in figure.iter(f"{SVG}text") if "pv-chart__category" in t.get("class", "")
    ]
    assert categories == ["Oslo", "Troms", "Møre og Romsdal"]
    table = figure.find("table")
    assert [c.text for c in table.find("tfoot/tr")] == ["Sum", "76", "46", "3", None]
    assert table.find("tfoot/tr/th").get("scope") == "row"


def test_without_series_every_numeric_column_is_drawn() -> None:
    source = 'title: T\n\nNavn,A,Tekst,B\nx,1,hei,"2,5"\ny,3,,4\n'
    figure = render(source)
    names = ["".join(t.itertext()) for t in figure.iter(f"{SVG}text") if "pv-chart__legend" in t.get("class", "")]
    assert names == ["A", "B"]
    assert [float(b.get("data-value")) for b in bars(figure)] == [1, 2.5, 3, 4]
    assert figure.find("figcaption").text == "T"  # the title when there is no caption


def test_fence_id_goes_on_the_figure() -> None:
    html = format_diagram(BLOCK, "diagram", "diagram", {}, None, id_value="tabell-1-diagram")
    assert html.startswith('<figure class="pv-chart" id="tabell-1-diagram">')


@pytest.mark.parametrize(
    "source, message",
    [
        ("title: T\nFylke,A\nx,1\n", "tomme linjen"),
        ("caption: C\n\nFylke,A\nx,1\n", "ingen tittel"),
        ("title: T\ntitel: U\n\nFylke,A\nx,1\n", "Ukjent innstilling «titel».*mente du «title»"),
        ("title: T\ntitle: U\n\nFylke,A\nx,1\n", "to ganger"),
        ("title: T\njust a line\n\nFylke,A\nx,1\n", "ikke en innstilling"),
        ("title: T\nseries: Statlig\n\nFylke,Statlig leder\nx,1\n", "«Statlig».*mente du «Statlig leder»"),
        ("title: T\n\nFylke,A\nx,1,2\n", "Rad 2.*3 celler.*overskriftsraden har 2"),
        ("title: T\nseries: A\n\nFylke,A\nx,mange\n", "«mange» \\(rad 2, kolonne «A»\\)"),
        ("title: T\nseries: A\n\nFylke,A\nx,-1\n", "ikke et tall ≥ 0"),
        ("title: T\nstacked: kanskje\n\nFylke,A\nx,1\n", "stacked: true"),
        ("title: T\nsum: first\n\nFylke,A\nx,1\n", "sum: last"),
        ("title: T\nsum: last\n\nFylke,A\nSum,1\n", "bare sumraden"),
        ("title: T\n\nFylke,A\n", "ingen data"),
        ("title: T\n\nFylke,A\nx,tekst\n", "Ingen kolonne har bare tall"),
    ],
)
def test_a_malformed_block_raises_a_helpful_value_error(source: str, message: str) -> None:
    with pytest.raises(ValueError, match=message) as caught:
        render_diagram(source)
    assert isinstance(caught.value, DiagramError)
    assert "Slik retter du det:" in str(caught.value)
    if source.startswith("title: T"):
        assert "«T»" in str(caught.value)  # the message names the block


def md() -> markdown.Markdown:
    return markdown.Markdown(
        extensions=["pymdownx.superfences"],
        extension_configs={
            "pymdownx.superfences": {
                "custom_fences": [{"name": "diagram", "class": "diagram", "format": format_diagram}]
            }
        },
    )


def test_superfences_renders_the_block_as_raw_html() -> None:
    html = md().convert(f"Før.\n\n```diagram\n{BLOCK}```\n\nEtter.\n")
    assert '<figure class="pv-chart">' in html and "<svg" in html and "<tfoot>" in html
    assert "<pre" not in html and "<code" not in html


def test_a_malformed_block_stops_the_markdown_build() -> None:
    """Superfences swallows ordinary formatter errors (the block would show as code); ours gets through."""
    with pytest.raises(ValueError, match="Ukjent innstilling"):
        md().convert("```diagram\ntitle: T\ntype: bar\n\nA,B\nx,1\n```\n")


def test_the_pages_table_1_block_charts_every_county() -> None:
    page = (ROOT / "docs" / "tillitsvalgtes-perspektiv.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```diagram\n(.*?)^```$", page, re.DOTALL | re.MULTILINE)
    assert len(blocks) == 1
    figure = ET.fromstring(render_diagram(blocks[0]))
    found = bars(figure)
    assert len(found) == 16 * 4
    assert sum(float(b.get("data-value")) for b in found) == 247 + 73 + 29 + 21
    table = figure.find("table")
    assert len(table.findall("tbody/tr")) == 16
    assert [c.text for c in table.find("tfoot/tr")] == ["Sum", "374", "368", "247", "73", "29", "21", "94"]
    assert len(table.findall("thead/tr/th")) == 8
