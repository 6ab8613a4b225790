"""Inside Pyodide: import every module the engine wheel ships, then run the tests with real pytest."""

import importlib
import importlib.util
import json
import pathlib
import sys
import traceback


def shipped_modules() -> tuple[list[str], dict[str, str]]:
    """Every module of the installed wheel, and the ones that fail to import (the browser has nothing else)."""
    root = pathlib.Path(importlib.util.find_spec("partnerskap").origin).parent
    names = sorted(
        ".".join(("partnerskap", *p.relative_to(root).with_suffix("").parts)).removesuffix(".__init__")
        for p in root.rglob("*.py")
    )
    failed = {}
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - every failure is reported, whatever its kind
            failed[name] = traceback.format_exc(limit=3)
    return names, failed


class Outcomes:
    """A pytest plugin that records each test's outcome by node id."""

    def __init__(self) -> None:
        self.passed: list[str] = []
        self.failed: list[str] = []
        self.skipped: list[str] = []

    def pytest_runtest_logreport(self, report) -> None:
        if report.when == "call" and report.passed:
            self.passed.append(report.nodeid)
        elif report.failed:
            self.failed.append(f"{report.nodeid}\n{report.longreprtext}")
        elif report.skipped:
            self.skipped.append(report.nodeid)


def run(test_dir: str) -> str:
    import pytest

    modules, import_failures = shipped_modules()
    outcomes = Outcomes()
    sys.dont_write_bytecode = True
    code = pytest.main([test_dir, "-q", "-p", "no:cacheprovider", "--rootdir", test_dir], plugins=[outcomes])
    failed = outcomes.failed + [f"import {name}\n{trace}" for name, trace in import_failures.items()]
    return json.dumps(
        {
            "exit_code": int(code),
            "passed": outcomes.passed,
            "skipped": outcomes.skipped,
            "failed": failed,
            "modules": modules,
            "python": sys.version.split()[0],
            "platform": sys.platform,
            "pytest": pytest.__version__,
            "xlsxwriter": importlib.import_module("xlsxwriter").__version__,
        }
    )
