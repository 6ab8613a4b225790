"""Abbreviations are explained at their first use on a page only."""

from __future__ import annotations

import markdown

TEXT = """Møtet i KS tok opp MBA.

- KS og Nav, igjen KS.
- MBA på nytt, *KS* i kursiv.

*[KS]: Kommunesektorens organisasjon
*[MBA]: Medbestemmelsesapparatet
"""


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["abbr", "partnerskap.abbr_first"])


def test_only_the_first_occurrence_of_each_term_is_wrapped() -> None:
    html = render(TEXT)
    assert html.count("<abbr") == 2
    assert html.index('<abbr title="Kommunesektorens organisasjon">KS</abbr>') < html.index("KS og Nav")
    # Every later occurrence keeps its text, also inside other inline elements.
    assert html.count("KS") == 4 and html.count("MBA") == 2
    assert "<em>KS</em>" in html


def test_without_the_extension_every_occurrence_is_wrapped() -> None:
    assert markdown.markdown(TEXT, extensions=["abbr"]).count("<abbr") == 6


def test_first_means_first_in_reading_order_also_inside_emphasis() -> None:
    html = render("Bygger på *Rapport fra KS* (KS, 2019).\n\n*[KS]: Kommunesektorens organisasjon\n")
    assert '<em>Rapport fra <abbr title="Kommunesektorens organisasjon">KS</abbr></em> (KS, 2019)' in html


def test_a_shared_set_carries_first_use_across_conversions() -> None:
    explained: set[str] = set()
    md = markdown.Markdown(
        extensions=["abbr", "partnerskap.abbr_first"],
        extension_configs={"partnerskap.abbr_first": {"explained": explained}},
    )
    definitions = "\n\n*[KS]: Kommunesektorens organisasjon\n"
    assert "<abbr" in md.convert("Møtet i KS." + definitions)
    md.reset()
    assert md.convert("KS igjen." + definitions) == "<p>KS igjen.</p>"
    assert explained == {"KS"}
