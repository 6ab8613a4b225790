"""axe-core (the pinned npm package, injected from disk: no network) with the WCAG 2.0, 2.1 and 2.2 A and
AA rules and axe's best practices, in the page's current state and in both colour schemes."""

from __future__ import annotations

from pathlib import Path

from a11y import SCHEMES, set_scheme, wait_for_calm
from browser_helpers import wait_until_settled
from playwright.sync_api import Page

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

RUN = """async ([tags, scope]) => {
  const context = scope === 'focus'
    ? (document.activeElement.matches('.pv-visually-hidden, .md-option') ? document.activeElement.parentElement
       : document.activeElement.parentElement || document)
    : document;
  const result = await axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
  return result.violations.map(v => `${v.id} (${v.impact}): ${v.help} — ${
    v.nodes.slice(0, 3)
      .map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').split('\\n')[1]?.trim())
      .join(' | ')}`);
}"""


def _inject(page: Page) -> None:
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol: an injected <script> would be refused by the site's CSP.
        page.evaluate("() => {" + AXE.read_text(encoding="utf-8") + "\n}")


def axe_violations(page: Page, scope: str = "page") -> list[str]:
    """Run axe on the whole page (or, with scope="focus", around the focused control) once transitions
    have finished; return one readable line per violation."""
    _inject(page)
    # Engine idle and nothing fading: a button fading in (Material's back-to-top after a scroll)
    # has a contrast only mid-way.
    wait_until_settled(page)
    wait_for_calm(page)
    return page.evaluate(RUN, [WCAG_TAGS, scope])


def axe_in_both_schemes(page: Page, scope: str = "page") -> dict[str, list[str]]:
    """Violations in the light and the dark palette, switched in place (no reload); ends in light."""
    found = {}
    for scheme in ("dark", "light"):
        set_scheme(page, scheme)
        violations = axe_violations(page, scope)
        if violations:
            found[scheme] = violations
    return found


__all__ = ["SCHEMES", "WCAG_TAGS", "axe_in_both_schemes", "axe_violations"]


def report(problems: dict) -> str:
    """One line per state, scheme and violation, for a readable failure."""
    return "\n".join(
        f"{state} [{scheme}] {line}"
        for state, by_scheme in problems.items()
        for scheme, lines in by_scheme.items()
        for line in lines
    )
