"""A trimmed, precompiled ``python_stdlib.zip``: only the modules the engine imports, as ``.pyc``.

Pyodide's stock zip holds 559 source files (9.6 MB); the engine imports about 160 of them, and
compiling them on every page load costs more than loading them. At build time this runs the
engine under the pinned npm Pyodide in Node, the way the browser loads it (with the wheels it
loads on demand, XlsxWriter), calls every API method (:mod:`partnerskap.engine_exercise`, every
export included) over the site's checklists, records ``sys.modules`` and
compiles exactly those modules inside that Pyodide (unchecked hash-based pyc, so the magic number
is Pyodide's own and the absent source is never consulted), and the engine's own modules alike
(the browser's engine wheel then holds no sources: importing it compiles nothing). Offline and
reproducible; the result is cached by the hash of everything it depends on, outside the site folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path
from typing import Any, NamedTuple

from .precompress import cache_dir

HERE = Path(__file__).parent
SCRIPT = HERE / "pyodide_stdlib.mjs"
EXERCISE = HERE / "engine_exercise.py"
ALWAYS_KEPT = (
    "traceback",  # formats any error that reaches JavaScript
    "linecache",
    "tokenize",
    "encodings.utf_8_sig",  # CSV exports
    "encodings.ascii",
    "encodings.latin_1",
)
"""Modules kept even if the recording run happens not to import them."""
STDLIB = "python_stdlib.zip"
OPTIMIZE = 2
"""Compile without docstrings and asserts: 15 % fewer bytes to send. The engine's own modules too:
its asserts only narrow types, and it reads no docstrings."""


class StdlibError(RuntimeError):
    """The engine could not be run under Node to find its modules."""


def _run(config: dict[str, Any], work: Path) -> dict[str, Any]:
    node = shutil.which("node")
    if node is None:
        raise StdlibError("Node.js mangler: installer Node og kjør «npm ci» i prosjektmappen.")
    (work / "config.json").write_text(json.dumps(config), encoding="utf-8")
    run = subprocess.run(
        [node, str(SCRIPT), str(work / "config.json")], capture_output=True, text=True, timeout=600, check=False
    )
    if run.returncode != 0 or not run.stdout.strip():
        raise StdlibError(f"Motoren kunne ikke kjøres under Pyodide i Node:\n{run.stderr[-3000:]}")
    return json.loads(run.stdout.strip().splitlines()[-1])


def _config(
    work: Path,
    pyodide_dir: Path,
    stdlib: Path,
    wheels: list[Path],
    lock: dict[str, Any],
    definitions: list[dict[str, Any]],
    build: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The Node script's configuration (see pyodide_stdlib.mjs), with the engine folder and definitions in ``work``."""
    engine = work / "engine"
    engine.mkdir()
    for wheel in wheels:
        shutil.copyfile(wheel, engine / wheel.name)
    (engine / "pyodide-lock.json").write_text(json.dumps(lock), encoding="utf-8")
    (work / "definitions.json").write_text(json.dumps(definitions), encoding="utf-8")
    config = {
        "pyodide": str(pyodide_dir.resolve()),
        "stdlib": str(stdlib.resolve()),
        "engine": str(engine),
        "exercise": str(EXERCISE),
        "definitions": str(work / "definitions.json"),
    }
    return config | ({"build": build} if build else {})


def exercise_engine(
    pyodide_dir: Path, stdlib: Path, wheels: list[Path], lock: dict[str, Any], definitions: list[dict[str, Any]]
) -> dict[str, Any]:
    """Call every engine method under Pyodide booted with ``stdlib``: ``{called, files}`` (raises on failure).

    ``wheels``: the engine wheel and every wheel ``lock`` declares; all are loaded before the run.
    """
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        return _run(_config(work, pyodide_dir, stdlib, wheels, lock, definitions), work)


class Precompiled(NamedTuple):
    """What the build compiles inside Pyodide for the browser."""

    stdlib: bytes
    """The trimmed ``python_stdlib.zip``: only the modules the engine imports, as ``.pyc``."""
    engine: dict[str, bytes]
    """The engine's own modules compiled alike: their path in the wheel (``partnerskap/….pyc``) to content."""


def _read_engine(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def precompiled(
    pyodide_dir: Path,
    wheels: list[Path],
    lock: dict[str, Any],
    definitions: list[dict[str, Any]],
    cache: Path | None = None,
) -> Precompiled:
    """The trimmed stdlib and the compiled engine modules, from the cache when nothing they depend on changed."""
    stock = pyodide_dir / "python_stdlib.zip"
    key = hashlib.sha256()
    for part in (stock.read_bytes(), *(w.read_bytes() for w in wheels), SCRIPT.read_bytes(), EXERCISE.read_bytes()):
        key.update(hashlib.sha256(part).digest())
    key.update(json.dumps([lock, definitions, ALWAYS_KEPT, OPTIMIZE], sort_keys=True).encode())
    cache = cache or cache_dir().parent / "stdlib"
    cached = cache / f"{key.hexdigest()}.zip"
    cached_engine = cache / f"{key.hexdigest()}.engine.zip"
    if cached.is_file() and cached_engine.is_file():
        return Precompiled(cached.read_bytes(), _read_engine(cached_engine))
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        out, engine_out = work / "python_stdlib.zip", work / "engine.zip"
        build = {"keep": list(ALWAYS_KEPT), "optimize": OPTIMIZE, "out": str(out), "engine_out": str(engine_out)}
        _run(_config(work, pyodide_dir, stock, wheels, lock, definitions, build), work)
        # Atomic: parallel builds never see half a file (the engine's first: the stdlib marks it done).
        for source, target in ((engine_out, cached_engine), (out, cached)):
            tmp_file = target.with_suffix(f".tmp{os.getpid()}")
            shutil.copyfile(source, tmp_file)
            tmp_file.replace(target)
    return Precompiled(cached.read_bytes(), _read_engine(cached_engine))
