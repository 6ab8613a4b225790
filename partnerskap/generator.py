"""Render checklists as Markdown pages with a static HTML form, plus their JSON (no MkDocs).

The output is a mapping from paths below ``docs/`` to file contents. MkDocs hooks add
these as generated files; ``python -m partnerskap build`` writes them to a folder, so
any Markdown site generator can pick them up.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import logging
import re
from html import escape
from pathlib import Path

from . import model
from .compiled import definition, index_entry
from .docsindex import PageInfo, page_url, relative_url
from .project import CHECKLIST_URL_DIR, Project
from .validate import RAW_HTML

log = logging.getLogger(__name__)

NOTE_HINT = "Ikke skriv personopplysninger om enkeltpersoner i notatene."
OWNER_SIDES = (("stat", "Stat"), ("kommune", "Kommune"), ("begge", "Begge"))
"""Which owner is responsible for following up an item."""
FIELD_SUMMARY = {"note": "notat", "owner": "ansvar", "due": "frist"}
"""How the summary of an item's extra fields names each field («Notat, ansvar og frist»)."""


def _join_words(words: list[str]) -> str:
    """«notat», «ansvar», «frist» → «Notat, ansvar og frist»."""
    text = words[-1] if len(words) == 1 else ", ".join(words[:-1]) + " og " + words[-1]
    return text[:1].upper() + text[1:]


_MD_LINK_TARGET = re.compile(r"(\]\()(?!https?://|#|/)([^)\s]+\.md(?:#[^)\s]*)?)(\))")
_HREF_MD = re.compile(r'href="(?!https?://|#|/)([^"]+?\.md)(#[^"]*)?"')

_NORWEGIAN_MONTHS = (
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
)


def norwegian_date(iso: str) -> str:
    """``2026-11-24`` → ``24. november 2026``."""
    day = datetime.date.fromisoformat(iso)
    return f"{day.day}. {_NORWEGIAN_MONTHS[day.month - 1]} {day.year}"


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


def render_markdown(text: str, page_path: str) -> str:
    """Markdown to HTML for fragments that end up inside raw HTML (links made site-relative)."""
    import markdown

    html = markdown.markdown(text, extensions=["extra", "admonition", "sane_lists"], output_format="html")
    from_url = page_url(page_path)
    return _HREF_MD.sub(lambda m: f'href="{relative_url(from_url, page_url(m.group(1)))}{m.group(2) or ""}"', html)


def relink_markdown(text: str, page_path: str) -> str:
    """Make ``.md`` links written relative to ``docs/`` relative to the generated page."""
    prefix = "../" * page_path.count("/")
    return _MD_LINK_TARGET.sub(lambda m: f"{m.group(1)}{prefix}{m.group(2)}{m.group(3)}", text)


def section_heading(section: model.Section) -> str:
    """«2.1 Fysisk lokalisering …»: the source's number before the title, unless the title starts with it."""
    if section.number and not section.title.startswith(section.number):
        return f"{section.number} {section.title}"
    return section.title


class ChecklistPage:
    """Renders one checklist's page."""

    def __init__(self, checklist: model.Checklist, pages: dict[str, PageInfo]) -> None:
        self.checklist = without_raw_html(checklist)
        self.pages = pages
        self.path = f"{CHECKLIST_URL_DIR}/{checklist.id}.md"
        self.url = page_url(self.path)
        self.scales = checklist.all_scales()
        self.roles = checklist.all_roles()
        self.phases = {phase.id: phase.title for phase in checklist.phases}

    def render(self) -> str:
        c = self.checklist
        source = c.source
        edition = f", {source.edition}" if source.edition else ""
        audience = ", ".join(self.roles[r] for r in c.audience)
        revised = norwegian_date(c.changelog[0].date)
        out = [
            "---",
            f"title: {json.dumps(c.title, ensure_ascii=False)}",
            f"description: {meta_text(f'Sjekkliste: {c.title}. Bygger på {source.title} ({source.publisher}, {source.year_text()}).')}",
            "---",
            "",
            f"# {c.title}",
            "",
            '!!! info "Kilde"',
            f"    Bygger på *{source.title}*{edition} ({source.publisher}, {source.year_text()}). "
            f"Sjekklisteversjon {c.version}, sist revidert {revised}. For: {audience}.",
            "",
            relink_markdown(c.intro.strip(), self.path),
            "",
            f"Har dere svar fra flere deltakere, kontorer eller fylker? [Sammenstill svarfilene]({c.id}/sammenstill.md).",
            "",
            self._app_root(),
            "",
        ]
        numbers = model.item_numbers(c)
        for section in c.sections:
            out += [f"## {section_heading(section)} {{ #{section.id} }}", ""]
            out += [f'<p class="pv-progress" data-pv-section-progress="{section.id}" hidden></p>', ""]
            if section.guidance.strip():
                out += [relink_markdown(section.guidance.strip(), self.path), ""]
            if section.references:
                out += [self._references(section.references), ""]
            for item in section.items:
                out += [self._item(item, numbers[item.id]), ""]
        out += ["## Endringer i sjekklisten { #endringer }", ""]
        out += [f"- **{entry.version}** ({norwegian_date(entry.date)}): {entry.text}" for entry in c.changelog]
        out.append("")
        return "\n".join(out)

    def _app_root(self) -> str:
        c = self.checklist
        return (
            f'<div class="pv-app" id="pv-app" data-pv-checklist="{escape(c.id)}" data-pv-version="{escape(c.version)}" '
            f'data-pv-definition="../{escape(c.id)}.json">'
            '<noscript><p class="pv-noscript">Slå på JavaScript for å lagre svarene i nettleseren. '
            "Uten JavaScript kan du lese og skrive ut sjekklisten.</p></noscript>"
            "</div>"
        )

    def _item(self, item: model.Item, number: str) -> str:
        key = f"pv-{item.id}"
        attrs = {
            "class": "pv-item",
            "id": f"punkt-{item.id}",
            "data-pv-item": item.id,
            "data-pv-type": item.type,
            "data-pv-roles": " ".join(item.roles),
            "data-pv-phase": item.phase or "",
            "data-pv-hash": item.hash,
        }
        html = ["<fieldset " + " ".join(f'{k}="{escape(v)}"' for k, v in attrs.items()) + ">"]
        html.append(
            f'<legend class="pv-item__legend"><span class="pv-item__number">{number}</span> <span class="pv-item__text">{escape(item.text)}</span></legend>'
        )
        meta = []
        if item.roles:
            meta.append("Ansvar: " + ", ".join(escape(self.roles[r]) for r in item.roles))
        if item.phase:
            meta.append("Fase: " + escape(self.phases[item.phase]))
        if meta:
            html.append(f'<p class="pv-item__meta">{" · ".join(meta)}</p>')
        if item.guidance.strip():
            html.append(f'<div class="pv-item__guidance">{render_markdown(item.guidance, self.path)}</div>')
        html.append(self._answer(item, key))
        more = self._more(key)
        if more:
            html.append(more)
        if item.references:
            html.append(self._references(item.references))
        html.append("</fieldset>")
        return "\n".join(html)

    def _more(self, key: str) -> str:
        """The item's extra fields the checklist offers (``fields``): note, owner (side and name), due date."""
        fields = self.checklist.fields
        if not fields:
            return ""
        body = []
        if "note" in fields:
            body.append(
                f'<div class="pv-field"><label for="{key}-notat">Notat</label>'
                f'<textarea id="{key}-notat" name="{key}-notat" rows="3" data-pv-field="note" aria-describedby="{key}-notat-hint"></textarea>'
                f'<p class="pv-hint" id="{key}-notat-hint">{NOTE_HINT}</p></div>'
            )
        if "owner" in fields:
            body.append(
                '<fieldset class="pv-owner"><legend>Ansvarlig</legend><div class="pv-choices">'
                + "".join(
                    f'<label class="pv-choice"><input type="radio" name="{key}-ansvarlig" value="{value}" data-pv-field="owner"> {label}</label>'
                    for value, label in OWNER_SIDES
                )
                + f'</div><div class="pv-field"><label for="{key}-navn">Navn</label>'
                f'<input type="text" id="{key}-navn" name="{key}-navn" autocomplete="off" data-pv-field="owner_name"></div></fieldset>'
            )
        if "due" in fields:
            body.append(
                f'<div class="pv-field"><label for="{key}-frist">Frist</label>'
                f'<input type="date" id="{key}-frist" name="{key}-frist" data-pv-field="due"></div>'
            )
        summary = _join_words([FIELD_SUMMARY[name] for name in model.ITEM_FIELDS if name in fields])
        return (
            f'<details class="pv-item__more"><summary>{summary}</summary>'
            f'<div class="pv-item__more-body">{"".join(body)}</div></details>'
        )

    def _answer(self, item: model.Item, key: str) -> str:
        if item.type in ("status", "scale"):
            scale = self.scales[self.checklist.scale_name(item) or ""]
            radios = "".join(
                f'<label class="pv-choice"><input type="radio" name="{key}" value="{escape(o.value)}" data-pv-field="value"> {escape(o.label)}</label>'
                for o in scale.options
            )
            ends = ""
            if scale.numeric:
                first, last = scale.options[0].label, scale.options[-1].label
                ends = f'<p class="pv-hint pv-scale-ends">{escape(first)} = {escape(scale.min_label)}, {escape(last)} = {escape(scale.max_label)}</p>'
            return f'<div class="pv-item__answer pv-choices pv-choices--{"numeric" if scale.numeric else "words"}">{radios}</div>{ends}'
        if item.type == "choice":
            radios = "".join(
                f'<label class="pv-choice"><input type="radio" name="{key}" value="{escape(option)}" data-pv-field="value"> {escape(option)}</label>'
                for option in item.options
            )
            return f'<div class="pv-item__answer pv-choices pv-choices--words">{radios}</div>'
        if item.type == "number":
            bounds = "".join(
                f' {name}="{value}"' for name, value in (("min", item.min), ("max", item.max)) if value is not None
            )
            return (
                f'<div class="pv-item__answer pv-field"><label for="{key}-svar">Svar (heltall)</label>'
                f'<input type="number" id="{key}-svar" name="{key}" step="1" inputmode="numeric"{bounds} data-pv-field="value"></div>'
            )
        return (
            f'<div class="pv-item__answer pv-field"><label for="{key}-svar">Svar</label>'
            f'<textarea id="{key}-svar" name="{key}" rows="3" data-pv-field="value"></textarea></div>'
        )

    def _references(self, references: list[model.Reference]) -> str:
        parts = []
        for reference in references:
            if reference.kind == "page":
                path, _, anchor = reference.target.partition("#")
                page = self.pages[path]
                label = page.title + (f": {page.anchors[anchor]}" if anchor else "")
                href = relative_url(self.url, page_url(path)) + (f"#{anchor}" if anchor else "")
                parts.append(f'<a href="{escape(href)}">{escape(label)}</a>')
            elif reference.kind == "item":
                other_id, _, item_id = reference.target.partition("#")
                other_id = other_id or self.checklist.id
                href = relative_url(self.url, page_url(f"{CHECKLIST_URL_DIR}/{other_id}.md"))
                target = self.pages[f"{CHECKLIST_URL_DIR}/{other_id}.md"]
                anchor = f"punkt-{item_id}" if f"punkt-{item_id}" in target.anchors else item_id
                parts.append(
                    f'<a href="{escape(href)}#{escape(anchor)}">{escape(target.anchors.get(anchor, item_id))}</a>'
                )
            elif reference.kind == "url":
                parts.append(f'<a href="{escape(reference.target)}">{escape(reference.target)}</a>')
            elif reference.kind == "law":
                parts.append(f"Lov: {escape(reference.target)}")
            else:
                parts.append(f"Kilde: {escape(reference.target)}")
        return '<p class="pv-refs">Les mer: ' + "; ".join(parts) + "</p>"


def combine_page(checklist: model.Checklist) -> str:
    """The page that combines many respondents' answer files (``sjekklister/<id>/sammenstill.md``)."""
    checklist = without_raw_html(checklist)
    source = checklist.source
    return "\n".join(
        [
            "---",
            f"title: {json.dumps(f'Sammenstill svar: {checklist.title}', ensure_ascii=False)}",
            f"description: {meta_text(f'Sammenstill svarfiler fra flere deltakere, kontorer eller fylker for sjekklisten {checklist.title}.')}",
            "---",
            "",
            f"# Sammenstill svar: {checklist.title}",
            "",
            '!!! info "Kilde"',
            f"    Sjekklisten bygger på *{source.title}* ({source.publisher}, {source.year_text()}).",
            "",
            "Velg svarfiler (JSON) som deltakere, kontorer eller fylker har eksportert fra "
            f"[sjekklisten](../{checklist.id}.md). Siden viser hvordan svarene fordeler seg per punkt, "
            "gjennomsnitt, median og spredning på skalaene 1–6, hvor svarene spriker mest, og notatene "
            "side om side. Filene leses bare i denne nettleseren; ingenting lastes opp.",
            "",
            f'<div class="pv-combine" id="pv-combine" data-pv-checklist="{escape(checklist.id)}" data-pv-version="{escape(checklist.version)}" '
            f'data-pv-definition="../../{escape(checklist.id)}.json"><noscript><p class="pv-noscript">Sammenstillingen trenger JavaScript.</p></noscript></div>',
            "",
        ]
    )


def overview_page(project: Project) -> str:
    """The list of all checklists (``sjekklister/index.md``)."""
    lines = [
        "---",
        "title: Sjekklister",
        "description: Alle sjekklistene i Partnerskapsverktøyet, med kilde og versjon.",
        "---",
        "",
        "# Sjekklister",
        "",
        "Sjekklistene fylles ut i nettleseren. Svarene lagres bare i denne nettleseren, "
        "og du kan eksportere dem når du vil. Hver sjekkliste bygger på ett kildedokument; "
        "tabellen viser hvilket, hvem som ga det ut, og når.",
        "",
        "| Sjekkliste | Bygger på | Punkter | Versjon |",
        "|---|---|---|---|",
    ]
    for checklist in map(without_raw_html, project.checklists.values()):
        s = checklist.source
        lines.append(
            f"| [{checklist.title}]({checklist.id}.md) | *{s.title}* ({s.publisher}, {s.year_text()}) "
            f"| {len(checklist.items())} | {checklist.version} |"
        )
    lines += ["", "Definisjonene finnes også maskinlesbart: [oversikt i JSON](index.json)."]
    return "\n".join(lines) + "\n"


def generate(project: Project) -> dict[str, str]:
    """Everything generated from the checklists, by path below ``docs/``."""
    output: dict[str, str] = {f"{CHECKLIST_URL_DIR}/index.md": overview_page(project)}
    entries = []
    for checklist in project.checklists.values():
        output[f"{CHECKLIST_URL_DIR}/{checklist.id}.md"] = ChecklistPage(checklist, project.pages).render()
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
