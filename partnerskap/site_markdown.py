"""The site's Markdown set-up, read from the one place it is written: ``mkdocs.yml``.

The generator renders item guidance and scans page headings with exactly the extensions the site
builds its pages with, without importing MkDocs: only ``markdown_extensions`` is read, with the
three YAML tags that list uses (``!ENV``, ``!!python/name:``, ``!!python/object/apply:``).
"""

from __future__ import annotations

import importlib
import os
from functools import cache
from pathlib import Path
from typing import Any

import yaml


def _import(dotted: str) -> Any:
    module, _, name = dotted.rpartition(".")
    return getattr(importlib.import_module(module), name)


class _ConfigLoader(yaml.SafeLoader):
    """SafeLoader plus the tags mkdocs.yml uses; objects are created only for the named callables."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(loader.construct_scalar(node))
    *names, default = loader.construct_sequence(node)
    return next((os.environ[n] for n in names if n in os.environ), default)


def _python_name(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    return _import(suffix)


def _python_apply(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    spec = loader.construct_mapping(node, deep=True) if isinstance(node, yaml.MappingNode) else {}
    return _import(suffix)(*spec.get("args", ()), **spec.get("kwds", {}))


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", _python_name)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/object/apply:", _python_apply)


@cache
def site_extensions(config_file: Path) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """The extension names and their settings, as ``mkdocs.yml`` lists them."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    names: list[str] = []
    settings: dict[str, dict[str, Any]] = {}
    for entry in config.get("markdown_extensions") or []:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        settings[name] = dict(options or {})
    snippets = settings.get("pymdownx.snippets")
    if snippets is not None:
        # Snippet paths in mkdocs.yml are relative to the project folder, not to the working directory.
        snippets["base_path"] = [str(config_file.parent / p) for p in snippets.get("base_path", ["."])]
    return names, settings


DEFAULT_EXTENSIONS = ["extra", "admonition", "partnerskap.abbr_first"]
"""Used where there is no ``mkdocs.yml`` to read (the generator run on another site's folder)."""


def new_markdown(config_file: Path | None, explained: set[str] | None = None) -> Any:
    """A fresh ``markdown.Markdown`` set up like the site's pages (plus ``toc`` if the site lacks it).

    ``explained`` is the page's set of abbreviations explained so far, for ``partnerskap.abbr_first``
    (see there); without a readable ``config_file`` the :data:`DEFAULT_EXTENSIONS` are used.
    """
    import markdown

    if config_file is not None and config_file.is_file():
        names, site_settings = site_extensions(config_file)
    else:
        names, site_settings = DEFAULT_EXTENSIONS, {}
    settings = {name: dict(options) for name, options in site_settings.items()}  # the cached lists stay as read
    if "toc" not in names:
        names = [*names, "toc"]
    if explained is not None and "partnerskap.abbr_first" in names:
        settings.setdefault("partnerskap.abbr_first", {})["explained"] = explained
    return markdown.Markdown(extensions=names, extension_configs=settings, output_format="html")
