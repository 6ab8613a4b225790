"""MkDocs hook: serve Pyodide and the engine wheel from the site itself (never from a CDN).

Registers the pinned runtime from ``node_modules/pyodide`` (installed by ``npm ci``), the engine
wheel, a lock file declaring only that wheel (with its sha256, checked by Pyodide on load) and a
manifest the browser reads to find the runtime as MkDocs files, so MkDocs copies them (and
``mkdocs serve`` serves them) like any other file of the site.
"""

from __future__ import annotations

import hashlib
import json
import logging
import tempfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from partnerskap import __version__
from partnerskap.pyodide_lock import LOCK_FILE, engine_lock, pyodide_info
from partnerskap.wheel import build_wheel

log = logging.getLogger(f"mkdocs.hooks.{__name__}")

RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
"""The core runtime: no micropip, no extra packages, and not Pyodide's 357-package lock file."""
RUNTIME_DIR = "assets/pyodide"
ENGINE_DIR = "assets/engine"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    source = Path(config.config_file_path).parent / "node_modules" / "pyodide"
    missing = [name for name in (*RUNTIME_FILES, LOCK_FILE) if not (source / name).is_file()]
    if missing:
        raise PluginError(f"Pyodide mangler i {source} ({', '.join(missing)}). Kjør «npm ci» i prosjektmappen først.")
    version = json.loads((source / "package.json").read_text(encoding="utf-8"))["version"]
    # One folder per Pyodide version: a browser can never mix cached files of two versions.
    for name in RUNTIME_FILES:
        files.append(File.generated(config, f"{RUNTIME_DIR}/{version}/{name}", abs_src_path=str(source / name)))
    with tempfile.TemporaryDirectory() as tmp:
        wheel = build_wheel(Path(tmp))
        wheel_name, wheel_bytes = wheel.name, wheel.read_bytes()
    manifest = {"pyodide": version, "wheel": wheel_name, "sha256": hashlib.sha256(wheel_bytes).hexdigest()}
    files.append(File.generated(config, f"{ENGINE_DIR}/{wheel_name}", content=wheel_bytes))
    lock = engine_lock(pyodide_info(source), wheel_name, wheel_bytes, __version__)
    files.append(File.generated(config, f"{ENGINE_DIR}/{LOCK_FILE}", content=json.dumps(lock, indent=1) + "\n"))
    files.append(File.generated(config, f"{ENGINE_DIR}/manifest.json", content=json.dumps(manifest, indent=1) + "\n"))
    log.info("Pyodide %s and %s added to the site", version, wheel_name)
    return files
