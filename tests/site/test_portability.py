"""The generator command writes the same checklist pages and JSON as the MkDocs build, with no MkDocs involved.

So moving to ProperDocs or Zensical (which ignore MkDocs hooks) after Material's end of life
is a matter of configuration: run the command, then build the Markdown with the new tool.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

RUN_WITHOUT_MKDOCS = """
import sys
from partnerskap.__main__ import main
code = main(["--root", sys.argv[1], "build", sys.argv[2]])
leaked = sorted(name for name in sys.modules if name == "mkdocs" or name.startswith(("mkdocs.", "material")))
print(code, leaked)
"""


@pytest.mark.slow
def test_command_output_matches_the_site_without_importing_mkdocs(built_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "generated"
    command = [sys.executable, "-c", RUN_WITHOUT_MKDOCS, str(ROOT), str(out)]
    run = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert run.stdout.strip() == "0 []", run.stdout + run.stderr
    generated = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    index = json.loads((out / "sjekklister" / "index.json").read_text(encoding="utf-8"))
    assert "sjekklister/index.md" in generated and len(index) == len(list((ROOT / "checklists").glob("*.yml")))
    for entry in index:
        # The JSON is byte for byte what the site publishes.
        assert (out / entry["definition"]).read_bytes() == (built_site / entry["definition"]).read_bytes()
        # The page carries the same form: same items in the same order, same hashes.
        markdown = (out / "sjekklister" / f"{entry['id']}.md").read_text(encoding="utf-8")
        html = (built_site / entry["url"] / "index.html").read_text(encoding="utf-8")
        pattern = re.compile(r'data-pv-item="([^"]+)"[^>]*data-pv-hash="([0-9a-f]+)"')
        assert pattern.findall(markdown) == pattern.findall(html) != []
    assert (out / "sjekklister" / "index.json").read_bytes() == (built_site / "sjekklister" / "index.json").read_bytes()
