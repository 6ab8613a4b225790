"""A minimal ``pyodide-lock.json`` that declares the engine wheel only.

Pyodide's own lock file lists 357 packages the site never loads (119 KB per first visit). This one
keeps Pyodide's ``info`` block (Pyodide refuses a lock file whose ABI differs from its own) and one
entry, with the wheel's sha256, so ``pyodide.loadPackage("partnerskap")`` checks the download's
integrity (the browser compares the hash through fetch's ``integrity`` option).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

PACKAGE = "partnerskap"
"""The name the browser passes to ``loadPackage``."""
LOCK_FILE = "pyodide-lock.json"


def pyodide_info(pyodide_dir: Path) -> dict[str, str]:
    """The ``info`` block (ABI, arch, platform, Python version) of the pinned Pyodide's lock file."""
    return json.loads((pyodide_dir / LOCK_FILE).read_text(encoding="utf-8"))["info"]


def engine_lock(info: dict[str, str], wheel_name: str, wheel_bytes: bytes, version: str) -> dict:
    """The lock file for the engine wheel, which lies beside it (``file_name`` is relative to the lock file)."""
    return {
        "info": info,
        "packages": {
            PACKAGE: {
                "name": PACKAGE,
                "version": version,
                "file_name": wheel_name,
                "install_dir": "site",
                "sha256": hashlib.sha256(wheel_bytes).hexdigest(),
                "package_type": "package",
                "imports": [PACKAGE],
                "depends": [],
            }
        },
    }
