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


WARM_UP = """
import sys
from partnerskap.engine import api
api.warm_up()
print("partnerskap.engine.exports" in sys.modules, "partnerskap.engine.combine" in sys.modules)
api.warm_up(combine=True)
print("partnerskap.engine.combine" in sys.modules)
"""


def test_warm_up_loads_the_export_code_and_on_request_the_combine_code() -> None:
    # What the checklist page (exports) and the combine page (combine too) load while idle.
    run = subprocess.run([sys.executable, "-c", WARM_UP], capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["True", "False", "True"]
