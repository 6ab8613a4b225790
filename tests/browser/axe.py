"""axe-core (the pinned npm package, injected from disk: no network) with the WCAG 2.0/2.1 A and AA rules."""

from __future__ import annotations

from pathlib import Path

from conftest import wait_until_settled
from playwright.sync_api import Page

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page: Page) -> list[str]:
    """Run axe on the whole page once it has settled; return one readable line per violation."""
    # A button fading in (Material's back-to-top after a scroll) has a contrast only mid-way.
    wait_until_settled(page)
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol: an injected <script> would be refused by the site's CSP.
        page.evaluate("() => {" + AXE.read_text(encoding="utf-8") + "\n}")
    return page.evaluate(
        """async (tags) => (await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }))
             .violations.map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)""",
        WCAG_TAGS,
    )
