"""MkDocs hook: validate checklists/*.yml and add the generated checklist pages and JSON.

A thin adapter over :mod:`partnerskap.generator`; any content error stops the build.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from partnerskap.errors import ContentErrors
from partnerskap.generator import START_CHECKLISTS_MARKER, generate, start_checklists
from partnerskap.project import load_project

log = logging.getLogger(f"mkdocs.hooks.{__name__}")

_start_checklists = ""
"""The start page's checklist list, made in ``on_files`` from the same definitions as the pages."""


def on_files(files: Files, config: MkDocsConfig) -> Files:
    root = Path(config.config_file_path).parent
    try:
        project = load_project(root / "checklists", Path(config.docs_dir), root)
    except ContentErrors as exc:
        raise PluginError(exc.report()) from None
    global _start_checklists
    _start_checklists = start_checklists(project)
    for path, content in generate(project, Path(config.config_file_path)).items():
        files.append(File.generated(config, path, content=content))
    log.info("Generated %d checklist pages", len(project.checklists))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The start page lists every checklist with its item count, from the definitions just loaded."""
    if page.file.src_uri != "index.md":
        return markdown
    if START_CHECKLISTS_MARKER not in markdown:
        raise PluginError(f"docs/index.md: the start page has lost its checklist list marker {START_CHECKLISTS_MARKER}")
    return markdown.replace(START_CHECKLISTS_MARKER, _start_checklists)
