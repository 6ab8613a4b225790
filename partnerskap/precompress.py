"""Precompressed copies (.gz, and .br where the brotli package is installed) beside the site's files.

A server with gzip_static/brotli_static (see server/nginx/) sends them as they are, so nothing is
compressed per request. Compressing Pyodide's wasm at brotli's best level takes ~20 s, so every
result is cached by the content's hash outside the site folder: a rebuild only reads the cache.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
from pathlib import Path

COMPRESSIBLE = {".html", ".js", ".mjs", ".css", ".json", ".svg", ".xml", ".txt", ".map", ".wasm", ".zip", ".whl"}
"""Suffixes worth compressing (Pyodide's stdlib zip is stored uncompressed, so it shrinks too)."""
MIN_SIZE = 1024
"""Smaller files gain less than a request's headers."""


def cache_dir() -> Path:
    """Where compressed copies are kept between builds (``PARTNERSKAP_CACHE`` or the user's cache folder)."""
    base = os.environ.get("PARTNERSKAP_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache", "partnerskap"
    )
    return Path(base) / "precompressed"


def _encoders() -> dict[str, object]:
    encoders: dict[str, object] = {".gz": lambda data: gzip.compress(data, compresslevel=9, mtime=0)}
    try:
        import brotli
    except ImportError:  # optional: gzip alone still serves every browser
        return encoders
    encoders[".br"] = lambda data: brotli.compress(data, quality=11)
    return encoders


def precompress(site_dir: Path, cache: Path | None = None) -> dict[str, int]:
    """Write ``<file>.gz`` (and ``.br``) beside each compressible file; return counts (written, from cache)."""
    cache = cache or cache_dir()
    cache.mkdir(parents=True, exist_ok=True)
    counts = {"compressed": 0, "cached": 0}
    for path in sorted(site_dir.rglob("*")):
        if path.suffix not in COMPRESSIBLE or not path.is_file() or path.stat().st_size < MIN_SIZE:
            continue
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        for suffix, encode in _encoders().items():
            cached = cache / f"{digest}{suffix}"
            if cached.is_file():
                counts["cached"] += 1
            else:
                tmp = cached.with_suffix(f"{suffix}.tmp{os.getpid()}")
                tmp.write_bytes(encode(data))  # type: ignore[operator]
                tmp.replace(cached)  # atomic: parallel builds never see half a file
                counts["compressed"] += 1
            shutil.copyfile(cached, path.with_name(path.name + suffix))
    return counts
