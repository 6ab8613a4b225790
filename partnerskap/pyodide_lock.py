"""The engine's own ``pyodide-lock.json``: the engine wheel and the pure-Python wheels it loads on demand.

Pyodide's own lock file lists 357 packages the site never loads (119 KB per first visit). This one
keeps Pyodide's ``info`` block (Pyodide refuses a lock file whose ABI differs from its own) and one
entry per wheel, with its sha256, so ``pyodide.loadPackage(name)`` checks the download's integrity
(the browser compares the hash through fetch's ``integrity`` option). The engine wheel depends on
nothing: the Worker loads XlsxWriter only when the engine asks for it (``api.ON_DEMAND_PACKAGES``),
so engine start and the bytes before it do not grow.

The on-demand wheels are PyPI's own files, pinned with their hashes in ``browser-wheels.txt`` and
downloaded by pip (which checks each hash) into a cache outside the site folder.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

from .precompress import cache_dir

PACKAGE = "partnerskap"
"""The name the browser passes to ``loadPackage``."""
LOCK_FILE = "pyodide-lock.json"
BROWSER_WHEELS = Path(__file__).parent / "browser-wheels.txt"
"""The pinned wheels (``name==version --hash=sha256:…``) the engine loads on demand in the browser."""


class WheelError(RuntimeError):
    """A pinned browser wheel could not be downloaded (or its hash did not match)."""


def pyodide_info(pyodide_dir: Path) -> dict[str, str]:
    """The ``info`` block (ABI, arch, platform, Python version) of the pinned Pyodide's lock file."""
    return json.loads((pyodide_dir / LOCK_FILE).read_text(encoding="utf-8"))["info"]


def pinned_wheels(pins: Path = BROWSER_WHEELS) -> dict[str, tuple[str, str]]:
    """``{name: (version, sha256)}`` of the pinned browser wheels."""
    pinned = {}
    for line in pins.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            requirement, hash_option = line.split()
            name, version = requirement.split("==")
            pinned[name.lower()] = (version, hash_option.removeprefix("--hash=sha256:"))
    return pinned


def browser_wheels(cache: Path | None = None, pins: Path = BROWSER_WHEELS) -> list[Path]:
    """The pinned wheels as files, downloaded by pip (hash-checked) on first use and cached."""
    cache = cache or cache_dir().parent / "browser-wheels"
    pinned = pinned_wheels(pins)

    def cached() -> list[Path | None]:
        found = []
        for name, (version, sha256) in pinned.items():
            wheel = next(iter(sorted(cache.glob(f"{name}-{version}-*.whl"))), None)
            found.append(wheel if wheel and hashlib.sha256(wheel.read_bytes()).hexdigest() == sha256 else None)
        return found

    wheels = cached() if cache.is_dir() else [None]
    if None in wheels:
        pip = [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--no-deps"]
        options = ["--only-binary=:all:", "--require-hashes", "-r", str(pins), "-d", str(cache)]
        run = subprocess.run([*pip, *options], capture_output=True, text=True, check=False)
        wheels = cached()
        if run.returncode != 0 or None in wheels:
            raise WheelError(
                f"Kunne ikke laste ned hjulene i {pins.name} med pip (nett og pakkeregister må være tilgjengelig):\n"
                f"{run.stderr[-2000:]}"
            )
    return wheels  # type: ignore[return-value]


def _entry(name: str, version: str, wheel_name: str, wheel_bytes: bytes, imports: list[str]) -> dict:
    return {
        "name": name,
        "version": version,
        "file_name": wheel_name,
        "install_dir": "site",
        "sha256": hashlib.sha256(wheel_bytes).hexdigest(),
        "package_type": "package",
        "imports": imports,
        "depends": [],
    }


def engine_lock(
    info: dict[str, str],
    wheel_name: str,
    wheel_bytes: bytes,
    version: str,
    on_demand: list[Path] | None = None,
) -> dict:
    """The lock file for the engine wheel and the ``on_demand`` wheels, which lie beside it
    (``file_name`` is relative to the lock file)."""
    packages = {PACKAGE: _entry(PACKAGE, version, wheel_name, wheel_bytes, [PACKAGE])}
    for wheel in on_demand or []:
        name, wheel_version = wheel.name.split("-")[:2]
        packages[name.lower()] = _entry(name.lower(), wheel_version, wheel.name, wheel.read_bytes(), [name.lower()])
    return {"info": info, "packages": packages}
