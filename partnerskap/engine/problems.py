"""The two kinds of failure the engine reports: the user's (shown as is) and its own (logged).

A :class:`UserError` carries a Norwegian message meant for the person using the page:
a refused file, an answer outside what an item allows. Anything else raised inside the
engine is a programming error: :func:`partnerskap.engine.api.handle` logs its traceback
and shows a generic message with a way to report it.
"""

from __future__ import annotations

from .texts import text


class UserError(Exception):
    """A problem the user can act on; ``str(error)`` is a complete Norwegian sentence."""


INTERNAL_MESSAGE = text("engine.internal")
"""Shown for a programming error (never the exception's own text)."""
