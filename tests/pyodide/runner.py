"""A pytest stand-in for Pyodide: enough of pytest (raises, parametrize, tmp_path) for the engine tests."""

import importlib
import inspect
import json
import os
import sys
import tempfile
import traceback
import types


class _Raises:
    def __init__(self, expected, match=None):
        self.expected, self.match, self.value = expected, match, None

    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb):
        if kind is None:
            raise AssertionError(f"DID NOT RAISE {self.expected}")
        if not issubclass(kind, self.expected):
            return False
        if self.match is not None:
            import re

            assert re.search(self.match, str(value)), f"{self.match!r} not in {value!r}"
        self.value = value
        return True


def _parametrize(names, values, ids=None):
    def mark(function):
        function.__dict__.setdefault("_params", []).append((names, values))
        return function

    return mark


pytest = types.ModuleType("pytest")
pytest.raises = _Raises
pytest.mark = types.SimpleNamespace(parametrize=_parametrize)
sys.modules["pytest"] = pytest


def _calls(function):
    params = function.__dict__.get("_params")
    if not params:
        yield {}
        return
    names, values = params[0]
    names = [n.strip() for n in names.split(",")] if isinstance(names, str) else list(names)
    for value in values:
        yield dict(zip(names, value if len(names) > 1 else (value,), strict=False))


def run_all(directory):
    sys.path.insert(0, directory)
    passed, failed = 0, []
    for name in sorted(os.listdir(directory)):
        if not (name.startswith("test_") and name.endswith(".py")):
            continue
        module = importlib.import_module(name[:-3])
        for attr, function in sorted(vars(module).items()):
            if not (attr.startswith("test_") and callable(function)):
                continue
            for kwargs in _calls(function):
                if "tmp_path" in inspect.signature(function).parameters:
                    from pathlib import Path

                    kwargs["tmp_path"] = Path(tempfile.mkdtemp())
                try:
                    function(**kwargs)
                    passed += 1
                except Exception:
                    failed.append(f"{name}::{attr}{kwargs or ''}\n{traceback.format_exc()}")
    return json.dumps({"passed": passed, "failed": failed, "python": sys.version.split()[0], "platform": sys.platform})
