"""The «Kilde» box after a page's title becomes a compact <details> line (partnerskap.source_line)."""

from __future__ import annotations

import markdown

EXTENSIONS = ["abbr", "admonition", "partnerskap.abbr_first", "partnerskap.source_line"]
ABBREVIATIONS = "\n\n*[NAV]: Arbeids- og velferdsforvaltningen\n"


def render(text: str) -> str:
    return markdown.markdown(text + ABBREVIATIONS, extensions=EXTENSIONS)


def test_one_source_is_named_by_title_and_year_with_the_full_citation_inside() -> None:
    html = render(
        "# Side\n\n"
        '!!! info "Kilde"\n'
        "    Bygger på *Rapport om partnerskapet i NAV* (Arbeids- og velferdsdirektoratet, 2012). "
        "Sist revidert 30. november 2026.\n\n"
        "Tekst om NAV.\n"
    )
    assert "admonition" not in html
    summary = html[html.index("<summary>") : html.index("</summary>")]
    assert (
        'Kilde:</span> <cite>Rapport om partnerskapet i <abbr title="Arbeids- og velferdsforvaltningen">'
        "NAV</abbr></cite> (2012)" in summary
    )
    body = html[html.index('<div class="pv-source__body">') :]
    assert "(Arbeids- og velferdsdirektoratet, 2012)" in body and "Sist revidert 30. november 2026." in body
    # The summary is the abbreviation's first use: later ones (in the citation and text) are plain.
    assert html.count("<abbr") == 1


def test_abbreviations_in_the_hidden_citation_leave_the_explanation_to_the_text() -> None:
    html = render(
        '# Side\n\n!!! info "Kilde"\n    Bygger på:\n\n    - *A* (NAV, 2024)\n    - *B* (KS, 2019)\n\nTekst om NAV.\n'
    )
    body = html[html.index('<div class="pv-source__body">') : html.index("</details>")]
    assert "<abbr" not in body and "(NAV, 2024)" in body
    assert '<p>Tekst om <abbr title="Arbeids- og velferdsforvaltningen">NAV</abbr>.</p>' in html


def test_several_sources_are_counted_with_their_years() -> None:
    html = render(
        '!!! info "Kilde"\n'
        "    Bygger på:\n\n"
        "    - *A* (KS, 2024)\n"
        "    - *B*, versjon 3.0 (KS og direktoratet, 2019)\n"
        "    - *C* (NTL NAV, ca. 2012)\n\n"
        "    Sist revidert 30. november 2026.\n"
    )
    assert '<span class="pv-source__label">Kilde:</span> tre dokumenter (2012–2024)</span></summary>' in html


def test_other_info_boxes_stay_boxes() -> None:
    html = render('!!! info "Merk"\n    Dette er en vanlig boks.\n')
    assert 'class="admonition info"' in html and "pv-source" not in html
