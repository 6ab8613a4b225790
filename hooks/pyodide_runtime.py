"""MkDocs hook: serve Pyodide and the engine wheel from the site itself (never from a CDN).

Copies the pinned runtime from ``node_modules/pyodide`` (installed by ``npm ci``) and
writes the engine wheel plus a manifest the browser reads to find it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from partnerskap.wheel import build_wheel

log = logging.getLogger(f"mkdocs.hooks.{__name__}")

RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
"""The core runtime: no micropip, no extra packages."""
RUNTIME_DIR = "assets/pyodide"
ENGINE_DIR = "assets/engine"


def on_post_build(config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).parent
    source = root / "node_modules" / "pyodide"
    missing = [name for name in RUNTIME_FILES if not (source / name).is_file()]
    if missing:
        raise PluginError(f"Pyodide mangler i {source} ({', '.join(missing)}). Kjør «npm ci» i prosjektmappen først.")
    site = Path(config.site_dir)
    version = json.loads((source / "package.json").read_text(encoding="utf-8"))["version"]
    # One folder per Pyodide version: a browser can never mix cached files of two versions.
    runtime = site / RUNTIME_DIR / version
    runtime.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        shutil.copy2(source / name, runtime / name)
    wheel = build_wheel(site / ENGINE_DIR)
    manifest = {
        "pyodide": version,
        "wheel": wheel.name,
        "sha256": hashlib.sha256(wheel.read_bytes()).hexdigest(),
    }
    (site / ENGINE_DIR / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    log.info("Pyodide %s and %s copied into the site", version, wheel.name)
