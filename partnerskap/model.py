"""The checklist model: what a checklist YAML file holds, as typed dataclasses.

Field names are the YAML keys. Fields marked ``derived`` in their metadata are
computed when a checklist is compiled and may not be written in YAML.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from .engine import rules

ID_PATTERN = re.compile(rules.ID_PATTERN)
"""Ids are lowercase ASCII words joined by single hyphens (they appear in URLs and storage keys)."""

ITEM_TYPES = ("status", "scale", "text", "number", "choice")
"""Answer types an item can have."""

REFERENCE_KINDS = ("page", "item", "law", "source", "url")
"""Kinds of reference an item or section can carry."""

ITEM_FIELDS = ("note", "owner", "due")
"""Extra fields an item can offer besides its answer: a note, who follows up (side and name), a due date."""

NUMBER_PATTERN = re.compile(r"^[0-9A-Za-zÆØÅæøå]+(?:[ .][0-9A-Za-zÆØÅæøå]+)*$")
"""Source numbers: letters and digits joined by single dots or spaces, e.g. «2.1», «7.1.5 b», «Fase 1»."""

NUMBER_MAX_LENGTH = 16
"""Longest source number; it is shown before every item text, in the page and in every export."""

DERIVED = {"derived": True}


@dataclass
class ScaleOption:
    """One answer on a response scale."""

    value: str
    """Stored value; stable, never reworded (ids rules apply)."""
    label: str
    """Text shown to the user, e.g. «Delvis»."""


@dataclass
class Scale:
    """A named response scale (data, not code)."""

    title: str
    """Name of the scale shown to users, e.g. «Vurdering»."""
    options: list[ScaleOption]
    """Answers in display order."""
    not_applicable: str | None = None
    """Value meaning «Ikke aktuelt»: counts as answered but not as done."""
    done: list[str] = field(default_factory=list)
    """Values meaning the item is completed (e.g. «Ferdig»), for progress of activities."""
    numeric: bool = False
    """True for 1–6 style scales: options are shown as their numbers, with end labels."""
    min_label: str = ""
    """Meaning of the lowest value on a numeric scale."""
    max_label: str = ""
    """Meaning of the highest value on a numeric scale."""


@dataclass
class Phase:
    """A phase of the process a checklist follows."""

    id: str
    """Phase id, referred to by items."""
    title: str
    """Phase name shown to users."""


@dataclass
class Source:
    """The document a checklist or page is built from."""

    title: str
    """Title of the document."""
    publisher: str
    """Who published it."""
    year: int
    """Year of publication."""
    edition: str = ""
    """Edition or revision, e.g. «versjon 3.0» or «revidert februar 2024»."""
    url: str = ""
    """Where the document can be found (https only)."""
    approximate_year: bool = False
    """True when the document is undated and ``year`` is an estimate; the year is then shown as «ca. 2012»."""

    def year_text(self) -> str:
        """The year as shown to users: «2019», or «ca. 2012» for an estimated year."""
        return f"ca. {self.year}" if self.approximate_year else str(self.year)


@dataclass
class ChangelogEntry:
    """One published version of a checklist."""

    version: str
    """The version this entry describes."""
    date: str
    """Publication date, ISO format (YYYY-MM-DD)."""
    text: str
    """What changed, for users."""


@dataclass
class Reference:
    """A pointer from an item or section to further reading."""

    kind: str
    """One of :data:`REFERENCE_KINDS`."""
    target: str
    """Page path with optional anchor, ``checklist#item``, law text, source place or URL."""


@dataclass
class Item:
    """One question or activity."""

    id: str
    """Stable id, unique within the checklist and never reused for another item."""
    text: str
    """The question or activity, one sentence; it is the item's legend."""
    number: str = ""
    """The source's own number for this item, where the source numbers it (survey question «9»,
    host-municipality checklist point «7.1.3», a split criterion «9 a»). Leave it out to number the item
    under its section's ``number``: «2.1 a», «2.1 b» … in order. Unlike the id, the number may change
    between versions; answers are stored by id."""
    guidance: str = ""
    """Guidance in Markdown."""
    type: str = "status"
    """Answer type, one of :data:`ITEM_TYPES`."""
    scale: str | None = None
    """Named scale for ``status`` and ``scale`` items; defaults from the checklist."""
    options: list[str] = field(default_factory=list)
    """Answer options of a ``choice`` item."""
    min: int | None = None
    """Lowest allowed value of a ``number`` item."""
    max: int | None = None
    """Highest allowed value of a ``number`` item."""
    roles: list[str] = field(default_factory=list)
    """Role ids of who is responsible."""
    phase: str | None = None
    """Phase id the item belongs to."""
    references: list[Reference] = field(default_factory=list)
    """Further reading: guidance pages, laws, the source document, other items."""
    hash: str = field(default="", metadata=DERIVED)
    """Hash of the wording (text, type, scale and options); answers record it to detect rewording."""


@dataclass
class Section:
    """A group of items under a heading."""

    id: str
    """Section id, unique within the checklist (shares the namespace with item ids)."""
    title: str
    """Heading, without the number (the page puts ``number`` in front)."""
    items: list[Item]
    """The section's items, in order."""
    number: str = ""
    """The source's own number for the part this section follows, e.g. agreement clause «2.1» or
    host-municipality checklist chapter «5.1». Items without their own ``number`` are numbered under it
    with letters: «2.1 a», «2.1 b» … A checklist that gives numbers must give every item one this way,
    so that «punkt 2.1 b» means one thing in the meeting, on the page and in every export."""
    guidance: str = ""
    """What the section covers, in Markdown."""
    references: list[Reference] = field(default_factory=list)
    """Further reading for the whole section."""


@dataclass
class Checklist:
    """A checklist, as authored in ``checklists/<id>.yml``."""

    id: str
    """Fixed id, equal to the file name; URLs and other tools depend on it."""
    title: str
    """Title."""
    version: str
    """Content version, e.g. ``"1.2"``; answers record it."""
    changelog: list[ChangelogEntry]
    """Published versions, newest first; the first matches ``version``."""
    source: Source
    """The source document the checklist is built from."""
    audience: list[str]
    """Role ids of who the checklist is for."""
    intro: str
    """Introduction in Markdown."""
    sections: list[Section]
    """Sections in order."""
    default_scale: str = "vurdering"
    """Scale for ``status`` items that name none."""
    scales: dict[str, Scale] = field(default_factory=dict)
    """Extra named scales, added to the defaults."""
    roles: dict[str, str] = field(default_factory=dict)
    """Extra roles (id: label), added to the defaults."""
    phases: list[Phase] = field(default_factory=list)
    """Phases in order, if the checklist follows a process."""
    fields: list[str] = field(default_factory=lambda: list(ITEM_FIELDS))
    """Extra fields every item offers, from :data:`ITEM_FIELDS`. A questionnaire sets ``[note]``: its
    questions are answered, not followed up, so they get no owner side, owner name or due date."""

    def items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items]

    def all_scales(self) -> dict[str, Scale]:
        """The default scales plus the checklist's own (which may replace a default)."""
        return {**DEFAULT_SCALES, **self.scales}

    def all_roles(self) -> dict[str, str]:
        """The default roles plus the checklist's own, by id."""
        return {**DEFAULT_ROLES, **self.roles}

    def scale_name(self, item: Item) -> str | None:
        """The scale ``item`` is answered on, after defaults (None for text, number and choice)."""
        if item.type == "status":
            return item.scale or self.default_scale
        if item.type == "scale":
            return item.scale or "skala6"
        return None

    def uses_source_numbers(self) -> bool:
        """True when any section or item gives a source number (then every item must have one)."""
        return any(section.number or any(item.number for item in section.items) for section in self.sections)


LETTERS = "abcdefghijklmnopqrstuvwxyz"


def item_numbers(checklist: Checklist) -> dict[str, str]:
    """Item id → the number shown for it on the page, in the JSON and in every export.

    An item's own ``number`` wins; otherwise items are lettered under their section's ``number``
    (a, b, c … counting only the section's items without a number of their own). A checklist that
    gives no numbers at all is numbered by position, «section.item». Items left without a number
    (a numbered checklist whose section has none) get «», which validation reports.
    """
    numbered = checklist.uses_source_numbers()
    result: dict[str, str] = {}
    for section_index, section in enumerate(checklist.sections, start=1):
        letters = iter(LETTERS)
        for item_index, item in enumerate(section.items, start=1):
            if item.number:
                result[item.id] = item.number
            elif not numbered:
                result[item.id] = f"{section_index}.{item_index}"
            elif section.number:
                result[item.id] = f"{section.number} {next(letters, '?')}"
            else:
                result[item.id] = ""
    return result


DEFAULT_SCALES: dict[str, Scale] = {
    "vurdering": Scale(
        title="Vurdering",
        options=[
            ScaleOption("ja", "Ja"),
            ScaleOption("delvis", "Delvis"),
            ScaleOption("nei", "Nei"),
            ScaleOption("ikke-aktuelt", "Ikke aktuelt"),
        ],
        not_applicable="ikke-aktuelt",
        done=["ja"],
    ),
    "fremdrift": Scale(
        title="Fremdrift",
        options=[
            ScaleOption("ikke-startet", "Ikke startet"),
            ScaleOption("pagar", "Pågår"),
            ScaleOption("ferdig", "Ferdig"),
            ScaleOption("ikke-aktuelt", "Ikke aktuelt"),
        ],
        not_applicable="ikke-aktuelt",
        done=["ferdig"],
    ),
    "skala6": Scale(
        title="Skala 1–6",
        options=[ScaleOption(str(n), str(n)) for n in range(1, 7)],
        numeric=True,
        min_label="Svært lite fornøyd",
        max_label="Svært fornøyd",
    ),
}
"""Scales every checklist can use."""

DEFAULT_ROLES: dict[str, str] = {
    "fylkesdirektor": "Fylkesdirektør (stat)",
    "kommunedirektor": "Kommunedirektør (kommune)",
    "nav-leder": "Nav-leder",
    "prosjektleder": "Prosjektleder",
    "styringsgruppe": "Styringsgruppe",
    "partnerskapet": "Partnerskapet (stat og kommune)",
    "kommunestyret": "Kommunestyret",
    "tillitsvalgte": "Tillitsvalgte",
    "verneombud": "Verneombud",
    "ansatte": "Ansatte",
    "brukerrepresentanter": "Brukerrepresentanter",
}
"""Roles every checklist can use."""


def item_hash(item: Item, scale: Scale | None) -> str:
    """Hash of what a respondent answered to: wording, type and possible answers."""
    parts = [item.text.strip(), item.type]
    if scale is not None:
        parts += [option.value for option in scale.options]
    parts += item.options
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[: rules.ITEM_HASH_LENGTH]
