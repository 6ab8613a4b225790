"""MkDocs hook: list every checklist page under «Sjekklister» in the configured navigation.

So adding a checklist is adding one YAML file: mkdocs.yml need not be edited. The pages are added
to ``nav`` in ``on_config``, and MkDocs builds the tree, the page order and the previous/next
links itself.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from partnerskap.engine.rules import CHECKLIST_URL_DIR

SECTION_TITLE = "Sjekklister"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    section = next((entry for entry in config.nav or [] if isinstance(entry, dict) and SECTION_TITLE in entry), None)
    if section is None:
        return config
    children = section[SECTION_TITLE]
    listed = {child if isinstance(child, str) else next(iter(child.values())) for child in children}
    checklists = Path(config.config_file_path).parent / "checklists"
    for source in sorted(checklists.glob("*.yml")):
        # The checklist page only; its combine page (sjekklister/<id>/sammenstill.md) is linked from it.
        page = f"{CHECKLIST_URL_DIR}/{source.stem}.md"
        if page not in listed:
            children.append(page)
    return config
