"""Rules a checklist must follow beyond its shape: ids, scales, roles, phases, references."""

from __future__ import annotations

import datetime
import difflib
import re

from . import model
from .docsindex import PageInfo
from .schema import Converter

_VERSION = re.compile(r"^\d+(\.\d+)*$")
_MD_LINK = re.compile(r"\]\(([^)\s]+\.md(?:#[^)\s]*)?)\)")
RAW_HTML = re.compile(r"<(?!https://[^\s<>]*>)(?=[A-Za-z!?/])")
"""Where raw HTML starts (a tag, closing tag, comment or declaration); an ``<https://…>`` autolink is Markdown."""


def _suggest(value: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    if close:
        return f"Mente du «{close[0]}»?"
    return f"Tillatte verdier: {', '.join(choices)}." if choices else ""


def check_checklist(checklist: model.Checklist, conv: Converter, expected_id: str) -> None:
    """Report every rule ``checklist`` breaks to ``conv``."""
    err = conv.error
    conv.current_item = None
    line = conv.line
    if not model.ID_PATTERN.match(checklist.id):
        err(
            line(checklist, "id"),
            f"Sjekkliste-id «{checklist.id}» er ugyldig.",
            "Bruk små bokstaver a–z, tall og bindestrek, f.eks. «partnerskapsavtale».",
        )
    elif checklist.id != expected_id:
        err(
            line(checklist, "id"),
            f"Sjekkliste-id «{checklist.id}» er ikke lik filnavnet «{expected_id}.yml».",
            f"Gi filen navnet «{checklist.id}.yml», eller sett id til «{expected_id}».",
        )
    if not _VERSION.match(checklist.version):
        err(
            line(checklist, "version"),
            f"Versjonen «{checklist.version}» er ugyldig.",
            'Skriv versjonen som tall med punktum, i anførselstegn, f.eks. "1.2".',
        )
    _check_changelog(checklist, conv)
    _check_raw_html(checklist, conv)
    if not 1900 <= checklist.source.year <= 2100:
        err(
            line(checklist.source, "year"),
            f"Årstallet {checklist.source.year} er ikke et gyldig år.",
            "Skriv året med fire sifre, f.eks. 2019.",
        )
    if checklist.source.url and not checklist.source.url.startswith("https://"):
        err(line(checklist.source, "url"), "Kildens adresse må begynne med https://.")
    roles = checklist.all_roles()
    for role_id in checklist.roles:
        if role_id in model.DEFAULT_ROLES or not model.ID_PATTERN.match(role_id):
            err(
                line(checklist, "roles"),
                f"Rollen «{role_id}» kan ikke defineres her.",
                "Bruk en ny id med små bokstaver og bindestrek som ikke er en standardrolle.",
            )
    for role_id in checklist.audience:
        if role_id not in roles:
            err(line(checklist, "audience"), f"Ukjent rolle «{role_id}» i «audience».", _suggest(role_id, list(roles)))
    _check_scales(checklist, conv)
    phase_ids = [phase.id for phase in checklist.phases]
    for phase in checklist.phases:
        if not model.ID_PATTERN.match(phase.id):
            err(line(phase, "id"), f"Fase-id «{phase.id}» er ugyldig.", "Bruk små bokstaver a–z, tall og bindestrek.")
        if phase_ids.count(phase.id) > 1:
            err(line(phase, "id"), f"Fase-id «{phase.id}» står flere ganger.", "Gi hver fase en egen id.")
            phase_ids.remove(phase.id)
    if not checklist.sections:
        err(
            line(checklist, "sections"),
            "Sjekklisten har ingen avsnitt.",
            "Legg til minst ett avsnitt under «sections».",
        )
    _check_fields(checklist, conv)
    seen: dict[str, int | None] = {}
    for section in checklist.sections:
        conv.current_item = section.id
        _check_id(section.id, "Avsnitts-id", line(section, "id"), seen, conv)
        if not section.items:
            err(
                line(section),
                f"Avsnittet «{section.title}» har ingen punkter.",
                "Legg til minst ett punkt under «items».",
            )
        for item in section.items:
            conv.current_item = item.id
            _check_id(item.id, "Punkt-id", line(item, "id"), seen, conv)
            _check_item(checklist, item, conv, roles, phase_ids)
    conv.current_item = None
    _check_numbers(checklist, conv)
    conv.current_item = None


def _check_fields(checklist: model.Checklist, conv: Converter) -> None:
    allowed = list(model.ITEM_FIELDS)
    for name in checklist.fields:
        if name not in allowed:
            conv.error(
                conv.line(checklist, "fields"),
                f"Ukjent felt «{name}» i «fields».",
                _suggest(name, allowed) or f"Tillatte verdier: {', '.join(allowed)}.",
            )
        elif checklist.fields.count(name) > 1:
            conv.error(
                conv.line(checklist, "fields"), f"«{name}» står flere ganger i «fields».", "Skriv hvert felt én gang."
            )


def _number_problem(number: str) -> str | None:
    if len(number) > model.NUMBER_MAX_LENGTH:
        return f"Nummeret «{number}» er lengre enn {model.NUMBER_MAX_LENGTH} tegn."
    if not model.NUMBER_PATTERN.match(number):
        return f"Nummeret «{number}» er ugyldig."
    return None


_NUMBER_FIX = (
    "Skriv kildens nummer med tall og bokstaver, skilt med punktum eller ett mellomrom, f.eks. «2.1» eller «7.1.5»."
)


def _check_numbers(checklist: model.Checklist, conv: Converter) -> None:
    """Source numbers are well formed, each item's number lies under its section's, and none repeats."""
    line = conv.line
    section_numbers: dict[str, str] = {}
    for section in checklist.sections:
        conv.current_item = section.id
        if not section.number:
            continue
        problem = _number_problem(section.number)
        if problem:
            conv.error(line(section, "number"), problem, _NUMBER_FIX)
        elif section.number in section_numbers:
            conv.error(
                line(section, "number"),
                f"Avsnittsnummeret «{section.number}» brukes også av avsnittet «{section_numbers[section.number]}».",
                "Gi hvert avsnitt kildens eget nummer.",
            )
        else:
            section_numbers[section.number] = section.id
    numbers = model.item_numbers(checklist)
    used: dict[str, str] = {}
    for section in checklist.sections:
        letters_needed = sum(1 for item in section.items if not item.number)
        if section.number and letters_needed > len(model.LETTERS):
            conv.current_item = section.id
            conv.error(
                line(section),
                f"Avsnittet «{section.title}» har {letters_needed} punkter uten eget nummer; "
                f"bokstavene rekker til {len(model.LETTERS)}.",
                "Del avsnittet, eller gi punktene egne numre med «number».",
            )
        for item in section.items:
            conv.current_item = item.id
            number = numbers[item.id]
            if item.number:
                problem = _number_problem(item.number)
                if problem:
                    conv.error(line(item, "number"), problem, _NUMBER_FIX)
                    continue
                if section.number and not (
                    item.number == section.number
                    or item.number.startswith((f"{section.number} ", f"{section.number}."))
                ):
                    conv.error(
                        line(item, "number"),
                        f"Punktnummeret «{item.number}» hører ikke under avsnittets nummer «{section.number}».",
                        f"Begynn nummeret med «{section.number}», "
                        f"f.eks. «{section.number} a» eller «{section.number}.1».",
                    )
            elif not number:
                conv.error(
                    line(item),
                    "Punktet har ikke noe nummer, men andre avsnitt eller punkter i sjekklisten har kildens numre.",
                    "Gi avsnittet et «number» (punktene får da a, b, c …), eller gi punktet sitt eget «number».",
                )
                continue
            if number in used:
                conv.error(
                    line(item, "number") if item.number else line(item),
                    f"Nummeret «{number}» brukes også av punktet «{used[number]}».",
                    "Gi hvert punkt et eget nummer; to punkter med samme nummer "
                    "blir forvekslet i møtet og i eksportene.",
                )
            else:
                used[number] = item.id


def _text_fields(checklist: model.Checklist) -> list[tuple[object, str, str, str | None, bool]]:
    """Every authored text: (object, YAML key, text, section or item id, whether it is Markdown)."""
    fields: list[tuple[object, str, str, str | None, bool]] = [
        (checklist, "title", checklist.title, None, True),
        (checklist, "intro", checklist.intro, None, True),
        (checklist.source, "title", checklist.source.title, None, True),
        (checklist.source, "publisher", checklist.source.publisher, None, True),
        (checklist.source, "edition", checklist.source.edition, None, True),
    ]
    fields += [(entry, "text", entry.text, None, True) for entry in checklist.changelog]
    fields += [(phase, "title", phase.title, None, False) for phase in checklist.phases]
    fields += [(checklist, "roles", label, None, False) for label in checklist.roles.values()]
    for scale in checklist.scales.values():
        fields += [(scale, key, getattr(scale, key), None, False) for key in ("title", "min_label", "max_label")]
        fields += [(option, "label", option.label, None, False) for option in scale.options]
    for section in checklist.sections:
        fields += [
            (section, "title", section.title, section.id, True),
            (section, "guidance", section.guidance, section.id, True),
        ]
        for item in section.items:
            fields += [(item, "text", item.text, item.id, False), (item, "guidance", item.guidance, item.id, True)]
            fields += [(item, "options", option, item.id, False) for option in item.options]
    return fields


def _check_raw_html(checklist: model.Checklist, conv: Converter) -> None:
    """One rule for every text field: Markdown without raw HTML (the generator escapes it as well)."""
    for owner, key, text, where, markdown in _text_fields(checklist):
        match = RAW_HTML.search(text) if isinstance(text, str) else None
        if match is None:
            continue
        at = conv.line(owner, key)
        if at is not None and text.endswith("\n"):  # a block scalar («|») starts on the line after its key
            at += 1 + text.count("\n", 0, match.start())
        shown = text[match.start() : match.start() + 30].split("\n")[0]
        fix = (
            "Skriv teksten som Markdown, for eksempel **fet** eller [lenke](side.md). "
            "Skal teksten vise tegnet «<», skriv «&lt;»."
            if markdown
            else "Skriv teksten uten HTML-koder; feltet vises som ren tekst."
        )
        conv.error(at, f"Rå HTML er ikke tillatt i «{key}» (fant «{shown}»).", fix, item=where)


def _check_id(value: str, what: str, at: int | None, seen: dict[str, int | None], conv: Converter) -> None:
    if not model.ID_PATTERN.match(value):
        conv.error(
            at,
            f"{what} «{value}» er ugyldig.",
            "Bruk små bokstaver a–z, tall og enkle bindestreker, f.eks. «mba-niva-1».",
        )
    elif value in seen:
        conv.error(
            at,
            f"{what} «{value}» er allerede brukt på linje {seen[value]}.",
            "Gi punktet en ny, unik id. Bruk aldri en id fra et fjernet punkt.",
        )
    else:
        seen[value] = at


def _check_changelog(checklist: model.Checklist, conv: Converter) -> None:
    line = conv.line
    if not checklist.changelog:
        conv.error(
            line(checklist, "changelog"),
            "Endringsloggen er tom.",
            f"Legg til en oppføring for versjon {checklist.version}.",
        )
        return
    if checklist.changelog[0].version != checklist.version:
        conv.error(
            line(checklist.changelog[0], "version"),
            f"Øverste oppføring i endringsloggen gjelder versjon {checklist.changelog[0].version}, "
            f"men sjekklisten har versjon {checklist.version}.",
            f"Legg til en oppføring for versjon {checklist.version} øverst i «changelog».",
        )
    versions: set[str] = set()
    for entry in checklist.changelog:
        if entry.version in versions:
            conv.error(
                line(entry, "version"),
                f"Versjon {entry.version} står to ganger i endringsloggen.",
                "Hver versjon skal ha én oppføring.",
            )
        versions.add(entry.version)
        try:
            datetime.date.fromisoformat(entry.date)
        except ValueError:
            conv.error(
                line(entry, "date"),
                f"Datoen «{entry.date}» er ugyldig.",
                "Skriv datoen som ÅÅÅÅ-MM-DD, f.eks. 2026-11-24.",
            )


def _check_scales(checklist: model.Checklist, conv: Converter) -> None:
    line = conv.line
    for name, scale in checklist.scales.items():
        if name in model.DEFAULT_SCALES:
            conv.error(
                line(checklist, "scales"),
                f"Skalaen «{name}» finnes allerede som standardskala.",
                "Bruk standardskalaen som den er, eller gi din skala et annet navn.",
            )
        values = [option.value for option in scale.options]
        if len(values) < 2:
            conv.error(line(scale, "options"), f"Skalaen «{name}» må ha minst to svaralternativer.")
        for option in scale.options:
            if values.count(option.value) > 1:
                conv.error(
                    line(option, "value"),
                    f"Verdien «{option.value}» står flere ganger i skalaen «{name}».",
                    "Gi hvert alternativ en egen verdi.",
                )
                values.remove(option.value)
        for value in [scale.not_applicable, *scale.done]:
            if value is not None and value not in values:
                conv.error(
                    line(scale), f"«{value}» er ikke et svaralternativ i skalaen «{name}».", _suggest(value, values)
                )
    scales = checklist.all_scales()
    if checklist.default_scale not in scales or scales[checklist.default_scale].numeric:
        statuses = [n for n, s in scales.items() if not s.numeric]
        conv.error(
            line(checklist, "default_scale"),
            f"«{checklist.default_scale}» kan ikke brukes som standardskala.",
            _suggest(checklist.default_scale, statuses),
        )


def _check_item(
    checklist: model.Checklist, item: model.Item, conv: Converter, roles: dict[str, str], phase_ids: list[str]
) -> None:
    err = conv.error
    line = conv.line
    if not item.text.strip():
        err(line(item, "text"), "Punktet mangler tekst.", "Skriv spørsmålet eller aktiviteten i «text».")
    if item.type not in model.ITEM_TYPES:
        err(line(item, "type"), f"Ukjent type «{item.type}».", _suggest(item.type, list(model.ITEM_TYPES)))
        return
    scales = checklist.all_scales()
    if item.scale is not None and item.type not in ("status", "scale"):
        err(
            line(item, "scale"),
            f"Punkter av typen «{item.type}» har ingen skala.",
            "Fjern «scale», eller bruk type «status» eller «scale».",
        )
    name = checklist.scale_name(item)
    if name is not None:
        if name not in scales:
            err(line(item, "scale"), f"Ukjent skala «{name}».", _suggest(name, list(scales)))
        elif scales[name].numeric != (item.type == "scale"):
            wanted = "numerisk (som skala6)" if item.type == "scale" else "med ord (som vurdering eller fremdrift)"
            err(
                line(item, "scale"),
                f"Type «{item.type}» trenger en skala {wanted}, men «{name}» er ikke det.",
                "Bytt skala eller type.",
            )
    if item.type == "choice":
        if len(item.options) < 2:
            err(
                line(item, "options"),
                "Et flervalgspunkt må ha minst to alternativer i «options».",
                "Legg til alternativene, ett per linje med «- ».",
            )
        elif len(set(item.options)) != len(item.options):
            err(line(item, "options"), "To alternativer i «options» er like.", "Gjør hvert alternativ unikt.")
    elif item.options:
        err(
            line(item, "options"),
            f"Punkter av typen «{item.type}» har ingen «options».",
            "Fjern «options», eller bruk type «choice».",
        )
    if item.type != "number" and (item.min is not None or item.max is not None):
        err(
            line(item, "min" if item.min is not None else "max"),
            "«min» og «max» gjelder bare type «number».",
            "Fjern dem, eller bruk type «number».",
        )
    if item.min is not None and item.max is not None and item.min > item.max:
        err(line(item, "min"), f"«min» ({item.min}) er større enn «max» ({item.max}).", "Bytt om verdiene.")
    for role_id in item.roles:
        if role_id not in roles:
            err(line(item, "roles"), f"Ukjent rolle «{role_id}».", _suggest(role_id, list(roles)))
    if item.phase is not None and item.phase not in phase_ids:
        fix = _suggest(item.phase, phase_ids) if phase_ids else "Definer fasene under «phases» øverst i filen."
        err(line(item, "phase"), f"Ukjent fase «{item.phase}».", fix)


def check_references(
    checklist: model.Checklist,
    conv: Converter,
    pages: dict[str, PageInfo],
    checklists: dict[str, model.Checklist],
) -> None:
    """Report references and Markdown links that point nowhere."""
    conv.current_item = None
    _check_markdown_links(checklist.intro, conv.line(checklist, "intro"), conv, pages)
    for section in checklist.sections:
        conv.current_item = section.id
        _check_markdown_links(section.guidance, conv.line(section, "guidance"), conv, pages)
        for reference in section.references:
            _check_reference(reference, checklist, conv, pages, checklists)
        for item in section.items:
            conv.current_item = item.id
            _check_markdown_links(item.guidance, conv.line(item, "guidance"), conv, pages)
            for reference in item.references:
                _check_reference(reference, checklist, conv, pages, checklists)
    conv.current_item = None


def check_page_target(target: str, pages: dict[str, PageInfo]) -> tuple[str, str] | None:
    """Return (message, fix) if ``page.md#anchor`` does not resolve, else ``None``."""
    path, _, anchor = target.partition("#")
    if path not in pages:
        return f"Siden «{path}» finnes ikke i docs/.", _suggest(path, list(pages))
    if anchor and anchor not in pages[path].anchors:
        return (
            f"Siden «{path}» har ingen overskrift med ankeret «#{anchor}».",
            _suggest(anchor, list(pages[path].anchors))
            or "Legg til « { #" + anchor + " }» etter overskriften på siden.",
        )
    return None


def _check_markdown_links(text: str, at: int | None, conv: Converter, pages: dict[str, PageInfo]) -> None:
    for match in _MD_LINK.finditer(text):
        target = match.group(1)
        at_link: int | None = at
        if at is not None and text.endswith("\n"):
            # A block scalar («|»): its text starts on the line after the key.
            at_link = at + 1 + text.count("\n", 0, match.start())
        if target.startswith(("http://", "https://")):
            continue
        if target.startswith(("./", "../", "/")):
            conv.error(
                at_link,
                f"Lenken «{target}» skal skrives fra docs/-mappen, uten «./», «../» eller «/».",
                f"Skriv «{target.lstrip('./')}».",
            )
            continue
        problem = check_page_target(target, pages)
        if problem:
            conv.error(at_link, f"Lenken til «{target}»: {problem[0]}", problem[1])


def _check_reference(
    reference: model.Reference,
    checklist: model.Checklist,
    conv: Converter,
    pages: dict[str, PageInfo],
    checklists: dict[str, model.Checklist],
) -> None:
    at = conv.line(reference)
    if reference.kind == "page":
        problem = check_page_target(reference.target, pages)
        if problem:
            conv.error(at, problem[0], problem[1])
    elif reference.kind == "item":
        other_id, sep, item_id = reference.target.partition("#")
        if not sep or not item_id:
            conv.error(
                at,
                f"Henvisningen «{reference.target}» mangler punkt-id.",
                "Skriv «sjekkliste-id#punkt-id», eller «#punkt-id» for et punkt i samme sjekkliste.",
            )
            return
        other = checklists.get(other_id or checklist.id)
        if other is None:
            conv.error(at, f"Sjekklisten «{other_id}» finnes ikke.", _suggest(other_id, list(checklists)))
            return
        ids = [i.id for i in other.items()] + [s.id for s in other.sections]
        if item_id not in ids:
            conv.error(at, f"Sjekklisten «{other.id}» har ikke noe punkt «{item_id}».", _suggest(item_id, ids))
    elif reference.kind == "url" and not reference.target.startswith("https://"):
        conv.error(at, f"Adressen «{reference.target}» må begynne med https://.")
