"""Load and validate every checklist of a project against its guidance pages."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from . import model
from .docsindex import PageInfo, scan_docs
from .engine.rules import CHECKLIST_URL_DIR
from .errors import ContentError, ContentErrors
from .schema import Converter
from .validate import check_checklist, check_references

log = logging.getLogger(__name__)


@dataclass
class Project:
    """All checklists of a site, validated, with the pages they can link to."""

    checklists: dict[str, model.Checklist]
    """Checklists by id, in file-name order."""
    files: dict[str, str]
    """Display path of each checklist's YAML file, by checklist id."""
    pages: dict[str, PageInfo]
    """Guidance pages and generated checklist pages, by path below ``docs/``."""


def generated_page_info(checklist: model.Checklist) -> PageInfo:
    """Link targets a checklist's generated page offers: its sections and items."""
    anchors = {section.id: section.title for section in checklist.sections}
    anchors.update({f"punkt-{item.id}": item.text for item in checklist.items()})
    return PageInfo(path=f"{CHECKLIST_URL_DIR}/{checklist.id}.md", title=checklist.title, anchors=anchors)


def load_project(checklists_dir: Path, docs_dir: Path, root: Path | None = None) -> Project:
    """Load, convert and validate all ``*.yml`` files; raise :class:`ContentErrors` listing every problem."""
    from .yamlsource import load_yaml

    root = root or checklists_dir.parent
    errors: list[ContentError] = []
    checklists: dict[str, model.Checklist] = {}
    files: dict[str, str] = {}
    converters: dict[str, Converter] = {}
    paths = sorted([*checklists_dir.glob("*.yml"), *checklists_dir.glob("*.yaml")])
    for path in paths:
        name = _display(path, root)
        try:
            raw = load_yaml(path, name)
        except ContentErrors as exc:
            errors += exc.errors
            continue
        conv = Converter(name)
        checklist = conv.build(model.Checklist, raw, getattr(raw, "line", 1), "sjekklisten")
        if checklist is not None:
            check_checklist(checklist, conv, path.stem)
            if checklist.id in checklists:
                conv.error(
                    conv.line(checklist, "id"),
                    f"Sjekkliste-id «{checklist.id}» brukes også i {files[checklist.id]}.",
                    "Gi hver sjekkliste en egen id (lik filnavnet).",
                )
            else:
                checklists[checklist.id] = checklist
                files[checklist.id] = name
                converters[checklist.id] = conv
        errors += conv.errors
    if not paths:
        errors.append(
            ContentError(
                _display(checklists_dir, root),
                None,
                "Fant ingen sjekklister (*.yml).",
                "Legg minst én sjekkliste i mappen.",
            )
        )
    pages = scan_docs(docs_dir, root / "mkdocs.yml") if docs_dir.is_dir() else {}
    for checklist in checklists.values():
        info = generated_page_info(checklist)
        pages[info.path] = info
    pages.setdefault(f"{CHECKLIST_URL_DIR}/index.md", PageInfo(f"{CHECKLIST_URL_DIR}/index.md", "Sjekklister"))
    for checklist_id, checklist in checklists.items():
        conv = converters[checklist_id]
        before = len(conv.errors)
        check_references(checklist, conv, pages, checklists)
        errors += conv.errors[before:]
    if errors:
        raise ContentErrors(errors)
    for checklist in checklists.values():
        _derive_hashes(checklist)
    log.debug("Loaded %d checklists", len(checklists))
    return Project(checklists=checklists, files=files, pages=pages)


def _derive_hashes(checklist: model.Checklist) -> None:

    scales = checklist.all_scales()
    for item in checklist.items():
        name = checklist.scale_name(item)
        item.hash = model.item_hash(item, scales.get(name) if name else None)


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
