"""Command line: ``python -m partnerskap check|build|new|schema|publisert|release``.

``check`` validates the checklists and the content contract (``--github`` adds annotations
and a job summary); ``build`` writes the generated pages and JSON to a folder without MkDocs;
``new`` creates a checklist; ``schema`` writes (or with ``--check`` verifies) the editors'
JSON Schema; ``publisert`` records the checklists as published; ``release`` packs ``site/``.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from .errors import ContentError, ContentErrors


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m partnerskap", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder holding checklists/ and docs/")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate the checklists and the content contract")
    check.add_argument("files", nargs="*", type=Path, help="report only errors in these files (all are loaded)")
    check.add_argument("--github", action="store_true", help="also print GitHub annotations and a job summary")
    build = commands.add_parser("build", help="write generated pages and JSON to a folder")
    build.add_argument("out", type=Path, help="output folder (it mirrors docs/)")
    new = commands.add_parser("new", help="create checklists/<id>.yml, ready to build")
    new.add_argument("id", help="the new checklist's id, e.g. ny-sjekkliste")
    new.add_argument("--title", default="", help="its title")
    schema = commands.add_parser("schema", help="write the JSON Schema editors' tools use")
    schema.add_argument("--check", action="store_true", help="only verify the shipped schema is current")
    commands.add_parser("publisert", help="record the checklists as published (run when publishing)")
    release = commands.add_parser("release", help="pack site/ and the server config (needs SITE_URL)")
    release.add_argument("--check-url", action="store_true", help="only verify SITE_URL is set")
    release.add_argument("--site", type=Path, default=Path("site"))
    release.add_argument("--out", type=Path, default=Path("dist"))
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    root: Path = args.root
    if args.command == "new":
        return _new(root, args.id, args.title)
    if args.command == "schema":
        return _schema(root, args.check)
    if args.command == "release":
        return _release(root, args)

    from .contract import REFRESH_COMMAND, check_contract, write_snapshots
    from .generator import generate, write_output
    from .project import load_project

    errors: list[ContentError] = []
    project = None
    try:
        project = load_project(root / "checklists", root / "docs", root)
    except ContentErrors as exc:
        errors = exc.errors
    if project is not None and args.command == "check":
        errors = check_contract(project, root)
    if args.command == "check":
        return _report(root, errors, args.files, args.github, project)
    if errors:
        print(ContentErrors(errors).report(), file=sys.stderr)
        return 1
    assert project is not None
    if args.command == "publisert":
        for path in write_snapshots(project, root):
            print(f"Skrev {path.relative_to(root)}")
        print(f"Commit filene. (Kommandoen er «{REFRESH_COMMAND}».)")
        return 0
    write_output(generate(project, root / "mkdocs.yml"), args.out)
    return 0


def _report(root: Path, errors: list[ContentError], files: list[Path], github: bool, project: object) -> int:
    from .annotations import annotation, summary, write_summary

    if files and errors:
        wanted = {f.resolve() for f in files}
        errors = [e for e in errors if (root / e.file).resolve() in wanted]
        if not errors:
            print("OK: ingen feil i de valgte filene (andre filer har feil).")
            return 0
    ok_text = ""
    if project is not None:
        checklists = project.checklists  # type: ignore[attr-defined]
        count = sum(len(c.items()) for c in checklists.values())
        ok_text = f"{len(checklists)} sjekklister, {count} punkter."
    if github:
        for error in errors:
            print(annotation(error))
        write_summary(summary(errors, ok_text))
    if errors:
        print(ContentErrors(errors).report(), file=sys.stderr)
        return 1
    print(f"OK: {ok_text}")
    return 0


def _new(root: Path, checklist_id: str, title: str) -> int:
    from .scaffold import ScaffoldError, new_checklist

    try:
        path = new_checklist(root / "checklists", checklist_id, title)
    except ScaffoldError as exc:
        print(f"Feil: {exc}", file=sys.stderr)
        return 2
    print(f"Opprettet {path.relative_to(root) if path.is_relative_to(root) else path}. Fyll inn teksten og bygg.")
    return 0


def _schema(root: Path, check: bool) -> int:
    from .yamlschema import SCHEMA_PATH, render

    path = root / SCHEMA_PATH
    text = render()
    if check:
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            print(f"OK: {SCHEMA_PATH} er oppdatert.")
            return 0
        print(f"{SCHEMA_PATH} er ikke oppdatert med modellen. Kjør «python -m partnerskap schema».", file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"Skrev {SCHEMA_PATH}")
    return 0


def _release(root: Path, args: argparse.Namespace) -> int:
    from .release import ReleaseError, make_release, require_site_url

    try:
        site_url = require_site_url()
        if args.check_url:
            print(f"OK: SITE_URL er {site_url}")
            return 0
        archive = make_release(root, root / args.site, root / args.out, site_url)
    except ReleaseError as exc:
        print(f"Feil: {exc}", file=sys.stderr)
        return 2
    print(f"Skrev {archive}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
