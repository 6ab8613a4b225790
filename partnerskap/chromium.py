"""How the browser tests and the benchmark start Debian's Chromium: one list, so both measure the same browser."""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
"""Debian's Chromium (scripts/test installs it); Playwright's own browser download is not used."""

CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--lang=nb-NO",  # the browser's own UI (date fields, file pickers) in Norwegian, as for the site's users
)
