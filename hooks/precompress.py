"""MkDocs hook: write .gz and .br copies beside the built files (see partnerskap.precompress)."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from partnerskap.precompress import precompress

log = logging.getLogger(f"mkdocs.hooks.{__name__}")


def on_post_build(config: MkDocsConfig) -> None:
    counts = precompress(Path(config.site_dir))
    log.info("Precompressed: %(compressed)d new, %(cached)d from the cache", counts)
