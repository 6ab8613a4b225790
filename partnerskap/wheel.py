"""Build the engine as a pure-Python wheel for Pyodide, with the standard library only.

Pyodide unpacks it into site-packages; the browser never needs pip or micropip.
"""

from __future__ import annotations

import base64
import hashlib
import zipfile
from pathlib import Path

from . import __version__

PACKAGE_DIR = Path(__file__).parent
RUNTIME_MODULES = ("__init__.py", "model.py", "engine/*.py")
"""What the browser imports: the model and the engine. An include list, so a new build-time module
is never shipped by accident (the Pyodide test imports every shipped module)."""

# Fixed timestamp so the same sources give a byte-identical wheel.
_EPOCH = (2020, 1, 1, 0, 0, 0)


def wheel_name() -> str:
    return f"partnerskap-{__version__}-py3-none-any.whl"


def _record_line(path: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{path},sha256={digest},{len(data)}"


def _write_wheel(target: Path, modules: list[tuple[str, bytes]], compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """Write a wheel of ``modules`` (path in the wheel, content) with its dist-info to ``target``."""
    dist_info = f"partnerskap-{__version__}.dist-info"
    entries = list(modules)
    entries.append(
        (f"{dist_info}/METADATA", f"Metadata-Version: 2.1\nName: partnerskap\nVersion: {__version__}\n".encode())
    )
    entries.append(
        (
            f"{dist_info}/WHEEL",
            b"Wheel-Version: 1.0\nGenerator: partnerskap.wheel\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        )
    )
    record = "\n".join(_record_line(path, data) for path, data in entries) + f"\n{dist_info}/RECORD,,\n"
    entries.append((f"{dist_info}/RECORD", record.encode()))
    with zipfile.ZipFile(target, "w", compression=compression) as wheel:
        for path, data in entries:
            info = zipfile.ZipInfo(path, date_time=_EPOCH)
            info.compress_type = compression
            wheel.writestr(info, data)
    return target


def build_wheel(out_dir: Path) -> Path:
    """Write the wheel (Python sources) into ``out_dir`` and return its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    modules = [
        (f"partnerskap/{source.relative_to(PACKAGE_DIR).as_posix()}", source.read_bytes())
        for source in sorted({path for pattern in RUNTIME_MODULES for path in PACKAGE_DIR.glob(pattern)})
    ]
    return _write_wheel(out_dir / wheel_name(), modules)


def build_compiled_wheel(out_dir: Path, compiled: dict[str, bytes]) -> Path:
    """Write the wheel the browser loads into ``out_dir``: every module as the ``.pyc`` in
    ``compiled`` (its path in the wheel, compiled inside Pyodide, see :mod:`partnerskap.stdlib`),
    without sources, so importing the engine compiles nothing."""
    out_dir.mkdir(parents=True, exist_ok=True)
    sources = {
        f"partnerskap/{source.relative_to(PACKAGE_DIR).as_posix()}"
        for pattern in RUNTIME_MODULES
        for source in PACKAGE_DIR.glob(pattern)
    }
    missing = sorted(path for path in sources if f"{path}c" not in compiled)
    if missing or len(compiled) != len(sources):
        raise ValueError(f"The compiled modules do not match the engine's sources (missing: {missing}).")
    # Stored, not deflated: the server's brotli then compresses across files (90 KB instead of 123 KB).
    return _write_wheel(out_dir / wheel_name(), sorted(compiled.items()), zipfile.ZIP_STORED)
