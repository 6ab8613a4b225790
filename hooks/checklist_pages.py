"""MkDocs hook: validate checklists/*.yml and add the generated checklist pages and JSON.

A thin adapter over :mod:`partnerskap.generator`; any content error stops the build.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from partnerskap.errors import ContentErrors
from partnerskap.generator import generate
from partnerskap.project import load_project

log = logging.getLogger(f"mkdocs.hooks.{__name__}")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    root = Path(config.config_file_path).parent
    try:
        project = load_project(root / "checklists", Path(config.docs_dir), root)
    except ContentErrors as exc:
        raise PluginError(exc.report()) from None
    for path, content in generate(project, Path(config.config_file_path)).items():
        files.append(File.generated(config, path, content=content))
    log.info("Generated %d checklist pages", len(project.checklists))
    return files
