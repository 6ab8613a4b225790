"""User text in Markdown exports: shown as written and readable as plain text.

Only what would change the rendering is escaped (CommonMark plus GitHub's tables and
strikethrough), so «1.0», «Nav-kontoret» and «(stat)» stay as typed, while a line of
``~~~`` or ``# …`` in a note can never open a fence or a heading and swallow what follows.
"""

from __future__ import annotations

import re

_LINE_BREAK = re.compile(r"\r\n?|\n")

# Inline: code spans, emphasis, strikethrough, links and images, raw HTML and autolinks,
# entities, and a backslash that would escape what follows it.
_INLINE = re.compile(
    r"[`*~\[]"  # code, emphasis, strikethrough, link/image openers
    r"|(?<![0-9A-Za-zÀ-ÿ])_|_(?![0-9A-Za-zÀ-ÿ])"  # «_» at a word's edge (inside words it is text)
    r"|<(?=[A-Za-z/!?])"  # raw HTML, comments, autolinks
    r"|&(?=#?[A-Za-z0-9]+;)"  # character references
    r"|\\(?=[!-/:-@\[-`{-~]|$)"  # a backslash before punctuation or at the end (a hard break)
)

# At the start of a line (after the indentation this module adds): blocks a line can open.
_BLOCK_START = re.compile(
    r"^(?:"
    r"#{1,6}(?=[ \t]|$)"  # ATX heading
    r"|>"  # block quote
    r"|[-+*](?=[ \t]|$)"  # bullet list item
    r"|`{3,}|~{3,}"  # code fence
    r"|=+[ \t]*$|-+[ \t]*$"  # setext underline (turns the line above into a heading)
    r"|(?:[-*_][ \t]*){3,}$"  # thematic break
    r")"
)
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=[ \t]|$)")
_DELIMITER_ROW = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_CLOSING_HASHES = re.compile(r"([ \t])(#+)[ \t]*$")


def _inline(text: str) -> str:
    return _INLINE.sub(lambda match: "\\" + match.group(), text)


def _line(text: str, at_start: bool) -> str:
    """One line of user text; ``at_start`` when it begins a Markdown line (block syntax applies there)."""
    line = _inline(text.lstrip(" \t"))  # leading spaces could make an indented code block
    if "|" in line and _DELIMITER_ROW.match(line):
        line = line.replace("|", "\\|")  # a delimiter row would turn the line above into a table
    if at_start:
        if _BLOCK_START.match(line):
            line = "\\" + line
        else:
            line = _ORDERED.sub(r"\1\\\2", line)
    return line


def text(value: object, indent: str = "", at_start: bool = False) -> str:
    """Text shown as written that stays in its block: lines joined by hard breaks.

    ``indent`` (two spaces in a list item) keeps each further line inside the item;
    ``at_start`` says the first line begins a Markdown line too (further lines always do).
    """
    lines = _LINE_BREAK.split(str(value))
    shown = [_line(line, at_start or index > 0) for index, line in enumerate(lines)]
    return ("  \n" + indent).join(shown)


def heading(value: object) -> str:
    """Text for a heading after its ``#`` marks: one line, and a trailing «#» kept as text."""
    line = _line(" ".join(str(value).split()), at_start=False)
    return _CLOSING_HASHES.sub(lambda m: m.group(1) + "\\" + m.group(2), line)


def cell(value: object) -> str:
    """Text for a table cell: escaped, pipes escaped, line breaks as ``<br>`` so the row stays one line."""
    lines = [_line(line, at_start=False).replace("|", "\\|") for line in _LINE_BREAK.split(str(value))]
    return "<br>".join(lines)


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    """A GitHub-style table as lines."""
    lines = ["| " + " | ".join(cell(c) for c in header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return lines
