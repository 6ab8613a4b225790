"""The content contract with saved answers: compare checklists with what was last published.

Saved answers find their item by id and notice rewording by the item's hash. So, against the
snapshot of the last published definition (``checklists/publisert/<id>.json``):

- an item id, once retired, is never used again (``checklists/publisert/fjernede-punkter.yml``);
- an item that disappears must be listed there (retiring is a decision, not an accident);
- any change of wording, type, options, or of the set of items, comes with a higher version
  (and so, by the validator's rule, a changelog line for it).

Refresh the snapshots when publishing: ``python -m partnerskap publisert``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from . import model
from .errors import ContentError
from .project import Project
from .yamlsource import load_yaml

SNAPSHOT_DIR = Path("checklists") / "publisert"
RETIRED_FILE = SNAPSHOT_DIR / "fjernede-punkter.yml"
REFRESH_COMMAND = "python -m partnerskap publisert"


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def snapshot(checklist: model.Checklist) -> dict[str, Any]:
    """What the contract compares: the version and each item's hash, by id."""
    return {"id": checklist.id, "version": checklist.version, "items": {i.id: i.hash for i in checklist.items()}}


def write_snapshots(project: Project, root: Path) -> list[Path]:
    """Record every checklist as published (run at release, then commit the files)."""
    folder = root / SNAPSHOT_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for checklist in project.checklists.values():
        path = folder / f"{checklist.id}.json"
        path.write_text(json.dumps(snapshot(checklist), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written


def load_retired(root: Path) -> tuple[dict[str, list[str]], list[ContentError]]:
    """Retired item ids by checklist id, from the committed list."""
    path = root / RETIRED_FILE
    if not path.is_file():
        return {}, []
    from .errors import ContentErrors

    try:
        raw = load_yaml(path, RETIRED_FILE.as_posix())
    except ContentErrors as exc:
        return {}, exc.errors
    raw = raw or {}
    if not isinstance(raw, dict) or not all(
        isinstance(ids, list) and all(isinstance(i, str) for i in ids) for ids in raw.values()
    ):
        return {}, [
            ContentError(
                RETIRED_FILE.as_posix(),
                None,
                "Listen over fjernede punkter har feil form.",
                "Skriv sjekkliste-id-en, kolon, og under den én fjernet punkt-id per linje med «- ».",
            )
        ]
    return {str(k): list(v) for k, v in raw.items()}, []


def check_contract(project: Project, root: Path) -> list[ContentError]:
    """Every breach of the contract, each at the line of the item or version concerned."""
    retired, errors = load_retired(root)
    for checklist_id, checklist in project.checklists.items():
        file = project.files[checklist_id]
        lines = _item_lines(root / file)
        for item in checklist.items():
            if item.id in retired.get(checklist_id, []):
                errors.append(
                    ContentError(
                        file,
                        lines.get((item.id, "id")),
                        f"Id-en «{item.id}» tilhørte et punkt som er fjernet, og kan ikke brukes igjen.",
                        "Gi punktet en ny id. Gamle svar med denne id-en er arkivert hos brukerne.",
                        item.id,
                    )
                )
        published = _load_snapshot(root, checklist_id)
        if published is None:
            continue  # never published: nothing to keep compatible with yet
        errors += _compare(checklist, published, retired.get(checklist_id, []), file, lines)
    return errors


def _compare(
    checklist: model.Checklist,
    published: dict[str, Any],
    retired: list[str],
    file: str,
    lines: dict[tuple[str, str], int],
) -> list[ContentError]:
    errors: list[ContentError] = []
    current = snapshot(checklist)["items"]
    old_items: dict[str, str] = published.get("items", {})
    old_version = str(published.get("version", "0"))
    bumped = version_key(checklist.version) > version_key(old_version)
    version_line = lines.get(("", "version"))
    if version_key(checklist.version) < version_key(old_version):
        errors.append(
            ContentError(
                file,
                version_line,
                f"Versjonen {checklist.version} er lavere enn den publiserte versjonen {old_version}.",
                "Versjonen kan bare gå opp.",
            )
        )
    retired_file = RETIRED_FILE.as_posix()
    for item_id in old_items:
        if item_id not in current and item_id not in retired:
            errors.append(
                ContentError(
                    file,
                    None,
                    f"Punktet «{item_id}» fra versjon {old_version} er fjernet, men står ikke i {retired_file}.",
                    f"Legg «{item_id}» under «{checklist.id}» i {retired_file}, eller sett punktet tilbake.",
                    item_id,
                )
            )
    if bumped:
        return errors
    for item_id, digest in current.items():
        if item_id in old_items and old_items[item_id] != digest:
            errors.append(
                ContentError(
                    file,
                    lines.get((item_id, "text")),
                    f"Teksten eller svaralternativene er endret siden versjon {old_version} ble publisert, "
                    "men versjonen er den samme.",
                    "Øk «version» (f.eks. fra "
                    f"{old_version} til {_next(old_version)}) og skriv hva som er endret øverst i «changelog».",
                    item_id,
                )
            )
    added = [i for i in current if i not in old_items]
    removed = [i for i in old_items if i not in current]
    if added or removed:
        what = ", ".join(f"«{i}»" for i in added + removed)
        errors.append(
            ContentError(
                file,
                version_line,
                f"Punkter er lagt til eller fjernet ({what}) siden versjon {old_version}, men versjonen er den samme.",
                f"Øk «version» til {_next(old_version)} og skriv hva som er endret øverst i «changelog».",
            )
        )
    return errors


def _next(version: str) -> str:
    parts = version_key(version)
    if len(parts) == 1:
        return f"{parts[0]}.1"
    return ".".join(str(p) for p in (*parts[:-1], parts[-1] + 1))


def _load_snapshot(root: Path, checklist_id: str) -> dict[str, Any] | None:
    path = root / SNAPSHOT_DIR / f"{checklist_id}.json"
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else None


def _item_lines(path: Path) -> dict[tuple[str, str], int]:
    """Line of each item's ``id`` and ``text`` key, and of the checklist's ``version`` (key ``("", …)``)."""
    raw = load_yaml(path)
    found: dict[tuple[str, str], int] = {}
    if not isinstance(raw, dict):
        return found
    if "version" in raw and hasattr(raw, "line_of"):
        found[("", "version")] = raw.line_of("version")
    for section in raw.get("sections") or []:
        for item in (section.get("items") or []) if isinstance(section, dict) else []:
            if isinstance(item, dict) and isinstance(item.get("id"), str) and hasattr(item, "line_of"):
                for key in ("id", "text"):
                    found[(item["id"], key)] = item.line_of(key)
    return found
