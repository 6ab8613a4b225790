"""One rule for authored text: Markdown without raw HTML, refused by the validator and escaped by the generator."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import jinja2
import markdown
import pytest
import yaml
from helpers import VALID_CHECKLIST, make_project

from partnerskap.errors import ContentErrors
from partnerskap.generator import generate
from partnerskap.project import load_project

REFRESH = '<meta http-equiv="refresh" content="5;url=https://example.org">'
SCRIPT = '<script src="/assets/x.js"></script>'

# (field, text in VALID_CHECKLIST, replacement, fragment of the line the error must name)
FIELDS = [
    ("title", "title: Eksempel\n", f"title: 'Eksempel {SCRIPT}'\n", "title: 'Eksempel"),
    ("intro", "  Les [siden]", f"  Les {REFRESH} [siden]", "  Les <meta"),
    ("source-title", "  title: Veileder", f"  title: 'Veileder {SCRIPT}'", "  title: 'Veileder"),
    ("publisher", "  publisher: KS", "  publisher: KS <!-- skjult -->", "publisher: KS <!--"),
    ("changelog", "    text: Omformulert.", f"    text: 'Omformulert {SCRIPT}'", "    text: 'Omformulert"),
    ("section-title", '    title: "2.0 Andre del"', '    title: "2.0 Andre <b>del</b>"', '"2.0 Andre <b>'),
    ("section-guidance", "    guidance: Om delen.", f"    guidance: 'Om delen. {REFRESH}'", "guidance: 'Om delen."),
    ("item-guidance", "        guidance: Se [", f"        guidance: '{SCRIPT}' # Se [", "guidance: '<script"),
    ("item-text", "text: Velg ett.", "text: Velg <i>ett</i>.", "text: Velg <i>"),
    ("option", "options: [Enig, Uenig]", "options: [Enig, </b>Uenig]", "options: [Enig, </b>"),
    ("phase", "    title: Initiativfasen", "    title: Initiativ<br>fasen", "Initiativ<br>"),
]


@pytest.mark.parametrize("field,old,new,line_fragment", FIELDS, ids=[f[0] for f in FIELDS])
def test_raw_html_is_refused_in_every_text_field(tmp_path: Path, field: str, old: str, new: str, line_fragment: str):
    assert old in VALID_CHECKLIST
    broken = VALID_CHECKLIST.replace(old, new, 1)
    make_project(tmp_path, {"eksempel.yml": broken})
    with pytest.raises(ContentErrors) as caught:
        load_project(tmp_path / "checklists", tmp_path / "docs", tmp_path)
    errors = [e for e in caught.value.errors if "Rå HTML er ikke tillatt" in e.message]
    assert len(errors) == 1, [str(e) for e in caught.value.errors]
    error = errors[0]
    assert error.file == "checklists/eksempel.yml"
    assert error.line == broken[: broken.index(line_fragment)].count("\n") + 1, str(error)
    assert error.fix and ("Markdown" in error.fix or "ren tekst" in error.fix)


def test_markdown_that_only_looks_like_html_is_allowed(tmp_path: Path) -> None:
    text = VALID_CHECKLIST.replace("Om delen.", "'Om delen: 3 < 4, &lt;b&gt; og <https://www.ks.no>.'")
    make_project(tmp_path, {"eksempel.yml": text})
    load_project(tmp_path / "checklists", tmp_path / "docs", tmp_path)


class TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[dict[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.append(dict(attrs))


def test_generator_escapes_raw_html_that_got_past_the_validator(tmp_path: Path) -> None:
    make_project(tmp_path, {"eksempel.yml": VALID_CHECKLIST})
    project = load_project(tmp_path / "checklists", tmp_path / "docs", tmp_path)
    checklist = project.checklists["eksempel"]
    hostile = f"Tekst {SCRIPT} {REFRESH} <img src=x onerror=alert(1)>"
    checklist.title = checklist.source.title = checklist.source.publisher = hostile
    checklist.intro = hostile
    checklist.changelog[0].text = hostile
    for section in checklist.sections:
        section.title = section.guidance = hostile
        for item in section.items:
            item.guidance = hostile
    output = generate(project)
    for path in ("sjekklister/eksempel.md", "sjekklister/eksempel/sammenstill.md", "sjekklister/index.md"):
        page = output[path]
        body = page.split("---", 2)[2]
        html = markdown.markdown(body, extensions=["extra", "admonition", "attr_list", "md_in_html"])
        collector = TagCollector()
        collector.feed(html)
        assert not {"script", "meta", "img"} & set(collector.tags), (path, collector.tags)
        assert "Tekst" in html


def test_a_quote_in_the_title_keeps_the_meta_description_whole(tmp_path: Path) -> None:
    text = VALID_CHECKLIST.replace("title: Eksempel\n", "title: 'Avtale om \"samarbeid\" & mer'\n", 1)
    make_project(tmp_path, {"eksempel.yml": text})
    output = generate(load_project(tmp_path / "checklists", tmp_path / "docs", tmp_path))
    for path in ("sjekklister/eksempel.md", "sjekklister/eksempel/sammenstill.md"):
        meta = yaml.safe_load(output[path].split("---", 2)[1])
        # What Material's base.html does with it: MkDocs' Jinja environment does not autoescape.
        head = jinja2.Environment().from_string('<meta name="description" content="{{ description }}">')
        collector = TagCollector()
        collector.feed(head.render(description=meta["description"]))
        assert collector.tags == ["meta"]
        assert set(collector.attrs[0]) == {"name", "content"}
        assert 'Avtale om "samarbeid" & mer' in (collector.attrs[0]["content"] or "")
