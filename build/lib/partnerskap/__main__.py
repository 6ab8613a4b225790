"""Command line: ``python -m partnerskap check|build``.

``check`` validates checklist files; ``build`` writes the generated checklist pages
and JSON to a folder without MkDocs (for another site generator, or to inspect).
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from .errors import ContentErrors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m partnerskap", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder holding checklists/ and docs/")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate the checklists")
    check.add_argument("files", nargs="*", type=Path, help="report only errors in these files (all are loaded)")
    build = commands.add_parser("build", help="write generated pages and JSON to a folder")
    build.add_argument("out", type=Path, help="output folder (it mirrors docs/)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    from .generator import generate, write_output
    from .project import load_project

    root: Path = args.root
    try:
        project = load_project(root / "checklists", root / "docs", root)
    except ContentErrors as exc:
        if args.command == "check" and args.files:
            wanted = {f.resolve() for f in args.files}
            exc = ContentErrors([e for e in exc.errors if (root / e.file).resolve() in wanted])
            if not exc.errors:
                print("OK: ingen feil i de valgte filene (andre filer har feil).")
                return 0
        print(exc.report(), file=sys.stderr)
        return 1
    if args.command == "check":
        count = sum(len(c.items()) for c in project.checklists.values())
        print(f"OK: {len(project.checklists)} sjekklister, {count} punkter.")
        return 0
    write_output(generate(project), args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
