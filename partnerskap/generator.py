"""Render checklists as Markdown pages with a static HTML form, plus their JSON (no MkDocs).

The output is a mapping from paths below ``docs/`` to file contents. MkDocs hooks add
these as generated files; ``python -m partnerskap build`` writes them to a folder, so
any Markdown site generator can pick them up.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import re
from functools import cache
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from . import model
from .compiled import definition, index_entry
from .docsindex import PageInfo, page_url, relative_url
from .engine.labels import owner_options
from .engine.rules import CHECKLIST_URL_DIR, definition_path
from .engine.texts import date_text
from .project import Project
from .validate import RAW_HTML

if TYPE_CHECKING:  # Jinja2 and MarkupSafe are imported where used (see the package docstring)
    import jinja2
    from markupsafe import Markup

log = logging.getLogger(__name__)

NOTE_HINT = "Ikke skriv personopplysninger om enkeltpersoner i notatene."
"""Which owner is responsible for following up an item."""
FIELD_SUMMARY = {"note": "notat", "owner": "ansvar", "due": "frist"}
"""How the summary of an item's extra fields names each field («Notat, ansvar og frist»)."""


def _join_words(words: list[str]) -> str:
    """«notat», «ansvar», «frist» → «Notat, ansvar og frist»."""
    text = words[-1] if len(words) == 1 else ", ".join(words[:-1]) + " og " + words[-1]
    return text[:1].upper() + text[1:]


_MD_LINK_TARGET = re.compile(r"(\]\()(?!https?://|#|/)([^)\s]+\.md(?:#[^)\s]*)?)(\))")
_HREF_MD = re.compile(r'href="(?!https?://|#|/)([^"]+?\.md)(#[^"]*)?"')


def no_raw_html(text: str) -> str:
    """Markdown with any raw HTML shown as text. The validator refuses raw HTML; this is defence in depth."""
    return RAW_HTML.sub("&lt;", text)


def without_raw_html(checklist: model.Checklist) -> model.Checklist:
    """A copy of ``checklist`` whose Markdown fields (those the page renders as Markdown) hold no raw HTML.

    Plain-text fields (item text, options, labels) need nothing: they are always HTML-escaped.
    """
    replace = dataclasses.replace
    source = checklist.source
    return replace(
        checklist,
        title=no_raw_html(checklist.title),
        intro=no_raw_html(checklist.intro),
        source=replace(
            source,
            title=no_raw_html(source.title),
            publisher=no_raw_html(source.publisher),
            edition=no_raw_html(source.edition),
        ),
        changelog=[replace(entry, text=no_raw_html(entry.text)) for entry in checklist.changelog],
        sections=[
            replace(
                section,
                title=no_raw_html(section.title),
                guidance=no_raw_html(section.guidance),
                items=[replace(item, guidance=no_raw_html(item.guidance)) for item in section.items],
            )
            for section in checklist.sections
        ],
    )


def meta_text(text: str) -> str:
    """Front-matter text that MkDocs' theme puts into an HTML attribute unescaped (``<meta name="description">``)."""
    return json.dumps(escape(text, quote=True), ensure_ascii=False)


def _json_string(text: str) -> str:
    """A front-matter string: JSON strings are YAML strings, quotes and colons included."""
    return json.dumps(text, ensure_ascii=False)


def site_relative_links(html: str, page_path: str) -> str:
    """Make ``.md`` links (written relative to ``docs/``) in rendered HTML relative to the page at ``page_path``."""
    from_url = page_url(page_path)
    return _HREF_MD.sub(lambda m: f'href="{relative_url(from_url, page_url(m.group(1)))}{m.group(2) or ""}"', html)


class PageMarkdown:
    """Renders one page's item guidance with the site's Markdown set-up (``mkdocs.yml``, or a default).

    The guidance ends up inside raw HTML, which the site's Markdown leaves alone, so the generator
    renders it. One instance per page, fed in page order: ``notice`` the page's own Markdown text,
    ``render`` each guidance block. The explained abbreviations are shared across both, so a term
    gets its ``<abbr>`` at its first use on the page only (``partnerskap.abbr_first``). A term used
    first in a guidance block and later in a section's own Markdown is explained in both places:
    MkDocs renders that Markdown and does not look inside the raw HTML.
    """

    def __init__(self, page_path: str, config_file: Path | None = None) -> None:
        from .site_markdown import new_markdown

        self.page_path = page_path
        self.explained: set[str] = set()
        self.markdown = new_markdown(config_file, explained=self.explained)

    def notice(self, text: str) -> None:
        """Count the abbreviations in Markdown that the page shows before the next guidance block."""
        self._convert(text)

    def render(self, text: str) -> Markup:
        """Guidance (Markdown without raw HTML) as HTML, its ``.md`` links made site-relative."""
        from markupsafe import Markup

        return Markup(site_relative_links(self._convert(text), self.page_path))

    def _convert(self, text: str) -> str:
        self.markdown.reset()  # footnotes and link references belong to one block; ``explained`` stays
        return str(self.markdown.convert(text))


def relink_markdown(text: str, page_path: str) -> str:
    """Make ``.md`` links written relative to ``docs/`` relative to the generated page."""
    prefix = "../" * page_path.count("/")
    return _MD_LINK_TARGET.sub(lambda m: f"{m.group(1)}{prefix}{m.group(2)}{m.group(3)}", text)


def section_heading(section: model.Section) -> str:
    """«2.1 Fysisk lokalisering …»: the source's number before the title, unless the title starts with it."""
    if section.number and not section.title.startswith(section.number):
        return f"{section.number} {section.title}"
    return section.title


def _page_template(name: str) -> jinja2.Template:
    return _templates().get_template(name)


@cache
def _templates() -> jinja2.Environment:
    """The page templates (``partnerskap/templates``): HTML autoescaped, Markdown (``.md.j2``) not."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("partnerskap", "templates"),
        autoescape=jinja2.select_autoescape(["html"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(json_string=_json_string, meta_text=meta_text, norwegian_date=date_text)
    env.globals.update(
        definition_path=definition_path,
        note_hint=NOTE_HINT,
        owner_sides=[(o["value"], o["label"]) for o in owner_options()],
    )
    return env


@dataclasses.dataclass
class ItemView:
    """What ``form.html`` needs to draw one item."""

    item: model.Item
    number: str
    meta: list[str]
    guidance: Markup | None
    scale: model.Scale | None
    fields: list[str]
    fields_summary: str
    references: list[dict[str, str]]


@dataclasses.dataclass
class SectionView:
    """What ``checklist.md.j2`` needs to write one section."""

    id: str
    heading: str
    guidance: str
    references: list[dict[str, str]]
    items: list[ItemView]


class ChecklistPage:
    """Renders one checklist's page (``templates/checklist.md.j2``)."""

    def __init__(self, checklist: model.Checklist, pages: dict[str, PageInfo], config_file: Path | None = None) -> None:
        self.checklist = without_raw_html(checklist)
        self.pages = pages
        self.path = f"{CHECKLIST_URL_DIR}/{checklist.id}.md"
        self.url = page_url(self.path)
        self.scales = checklist.all_scales()
        self.roles = checklist.all_roles()
        self.phases = {phase.id: phase.title for phase in checklist.phases}
        self.config_file = config_file

    def render(self) -> str:
        c = self.checklist
        source = c.source
        markdown = PageMarkdown(self.path, self.config_file)
        intro = relink_markdown(c.intro.strip(), self.path)
        audience = ", ".join(self.roles[r] for r in c.audience)
        # What the page shows before its first section, for the abbreviations it explains there.
        markdown.notice(f"# {c.title}\n\n{source.title} {source.edition} {source.publisher} {audience}\n\n{intro}")
        numbers = model.item_numbers(c)
        sections = []
        for section in c.sections:
            guidance = relink_markdown(section.guidance.strip(), self.path)
            markdown.notice(f"## {section_heading(section)}\n\n{guidance}")
            items = [self._item(item, numbers[item.id], markdown) for item in section.items]
            references = self._references(section.references)
            sections.append(SectionView(section.id, section_heading(section), guidance, references, items))
        description = f"Sjekkliste: {c.title}. Bygger på {source.title} ({source.publisher}, {source.year_text()})."
        return _page_template("checklist.md.j2").render(
            checklist=c,
            source=source,
            description=description,
            revised=date_text(c.changelog[0].date),
            audience=audience,
            intro=intro,
            sections=sections,
        )

    def _item(self, item: model.Item, number: str, markdown: PageMarkdown) -> ItemView:
        meta = []
        if item.roles:
            meta.append("Ansvar: " + ", ".join(self.roles[r] for r in item.roles))
        if item.phase:
            meta.append("Fase: " + self.phases[item.phase])
        fields = [name for name in model.ITEM_FIELDS if name in self.checklist.fields]
        return ItemView(
            item=item,
            number=number,
            meta=meta,
            guidance=markdown.render(item.guidance) if item.guidance.strip() else None,
            scale=self.scales[self.checklist.scale_name(item) or ""] if item.type in ("status", "scale") else None,
            fields=fields,
            fields_summary=_join_words([FIELD_SUMMARY[name] for name in fields]) if fields else "",
            references=self._references(item.references),
        )

    def _references(self, references: list[model.Reference]) -> list[dict[str, str]]:
        """Each reference as a link (``href`` and ``label``) or a plain text (``label``, no ``href``)."""
        links = []
        for reference in references:
            if reference.kind == "page":
                path, _, anchor = reference.target.partition("#")
                page = self.pages[path]
                label = page.title + (f": {page.anchors[anchor]}" if anchor else "")
                href = relative_url(self.url, page_url(path)) + (f"#{anchor}" if anchor else "")
                links.append({"href": href, "label": label})
            elif reference.kind == "item":
                other_id, _, item_id = reference.target.partition("#")
                other_id = other_id or self.checklist.id
                href = relative_url(self.url, page_url(f"{CHECKLIST_URL_DIR}/{other_id}.md"))
                target = self.pages[f"{CHECKLIST_URL_DIR}/{other_id}.md"]
                anchor = f"punkt-{item_id}" if f"punkt-{item_id}" in target.anchors else item_id
                links.append({"href": f"{href}#{anchor}", "label": target.anchors.get(anchor, item_id)})
            elif reference.kind == "url":
                links.append({"href": reference.target, "label": reference.target})
            elif reference.kind == "law":
                links.append({"href": "", "label": f"Lov: {reference.target}"})
            else:
                links.append({"href": "", "label": f"Kilde: {reference.target}"})
        return links


def numeric_scale_ranges(checklist: model.Checklist) -> list[str]:
    """The numeric scales the checklist's items are answered on, as ranges («1–6»), in order, once each."""
    scales = checklist.all_scales()
    ranges: list[str] = []
    for item in checklist.items():
        scale = scales.get(checklist.scale_name(item) or "")
        if scale is not None and scale.numeric and scale.options:
            shown = f"{scale.options[0].label}–{scale.options[-1].label}"
            if shown not in ranges:
                ranges.append(shown)
    return ranges


def combine_page(checklist: model.Checklist) -> str:
    """The page that combines many respondents' answer files (``sjekklister/<id>/sammenstill.md``).

    It promises only what the checklist has: spread on a 1–6 scale where items are answered on
    one, a table of numbers where there are number items.
    """
    checklist = without_raw_html(checklist)
    return _page_template("combine.md.j2").render(
        checklist=checklist,
        source=checklist.source,
        scale_ranges=numeric_scale_ranges(checklist),
        has_numbers=any(item.type == "number" for item in checklist.items()),
    )


def overview_page(project: Project) -> str:
    """The list of all checklists (``sjekklister/index.md``)."""
    checklists = [without_raw_html(checklist) for checklist in project.checklists.values()]
    return _page_template("overview.md.j2").render(checklists=checklists)


START_CHECKLISTS_MARKER = "<!-- sjekklister: generert fra checklists/*.yml -->"
"""Where ``docs/index.md`` wants :func:`start_checklists`: every checklist, its item count and audience."""


def _count_items(count: int) -> str:
    return f"{count} punkt" if count == 1 else f"{count} punkter"


def start_checklists(project: Project) -> str:
    """The start page's «Start en gjennomgang» list, from the definitions so the counts stay true."""
    entries = []
    for checklist in project.checklists.values():
        checklist = without_raw_html(checklist)
        roles = checklist.all_roles()
        entries.append(
            {
                "id": checklist.id,
                "title": checklist.title,
                "count": _count_items(len(checklist.items())),
                # Written as on the checklist's own page («For: …»).
                "audience": ", ".join(roles[r] for r in checklist.audience),
            }
        )
    return _page_template("start_checklists.md.j2").render(entries=entries)


def generate(project: Project, config_file: Path | None = None) -> dict[str, str]:
    """Everything generated from the checklists, by path below ``docs/``.

    ``config_file`` is the site's ``mkdocs.yml``, read (without MkDocs) for its Markdown extensions.
    """
    output: dict[str, str] = {f"{CHECKLIST_URL_DIR}/index.md": overview_page(project)}
    entries = []
    for checklist in project.checklists.values():
        output[f"{CHECKLIST_URL_DIR}/{checklist.id}.md"] = ChecklistPage(checklist, project.pages, config_file).render()
        output[f"{CHECKLIST_URL_DIR}/{checklist.id}.json"] = _json(definition(checklist))
        output[f"{CHECKLIST_URL_DIR}/{checklist.id}/sammenstill.md"] = combine_page(checklist)
        entries.append(index_entry(checklist))
    output[f"{CHECKLIST_URL_DIR}/index.json"] = _json(entries)
    return output


def write_output(files: dict[str, str], out_dir: Path) -> None:
    for rel, content in files.items():
        target = out_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    log.info("Wrote %d files to %s", len(files), out_dir)


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
