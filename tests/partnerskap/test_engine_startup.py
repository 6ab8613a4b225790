"""What the browser imports at start-up stays small: exports and friends load on first use."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
import partnerskap.engine.api
heavy = {
    *("zipfile", "csv", "zlib", "statistics", "yaml", "markdown", "mkdocs"),
    *("partnerskap.engine.exports", "partnerskap.engine.combine"),
    *("xlsxwriter", "partnerskap.engine.xlsx"),  # loaded on demand in the browser
}
print(sorted(heavy & set(sys.modules)))
"""


def test_engine_api_imports_only_what_start_up_needs() -> None:
    run = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"
