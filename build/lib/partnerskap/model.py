"""The checklist model: what a checklist YAML file holds, as typed dataclasses.

Field names are the YAML keys. Fields marked ``derived`` in their metadata are
computed when a checklist is compiled and may not be written in YAML.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""Ids are lowercase ASCII words joined by single hyphens (they appear in URLs and storage keys)."""

ITEM_TYPES = ("status", "scale", "text", "number", "choice")
"""Answer types an item can have."""

REFERENCE_KINDS = ("page", "item", "law", "source", "url")
"""Kinds of reference an item or section can carry."""

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
    """Heading."""
    items: list[Item]
    """The section's items, in order."""
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

    def items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items]


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
        min_label="Svært lite fornøyd / svært uenig",
        max_label="Svært fornøyd / svært enig",
    ),
}
"""Scales every checklist can use."""

DEFAULT_ROLES: dict[str, str] = {
    "fylkesdirektor": "Fylkesdirektør (stat)",
    "kommunedirektor": "Kommunedirektør (kommune)",
    "nav-leder": "NAV-leder",
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
    return digest[:16]
