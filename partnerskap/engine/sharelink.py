"""Share links: a walk-through's answers carried in the URL fragment (never sent to a server).

``v1.`` + base64url (no padding) of the zlib-compressed (level 9), compact JSON answer
document. Decoding is defensive: the decompressed size is limited to what an answer
file may be, and the document is then validated exactly as an imported file.
"""

from __future__ import annotations

import base64
import binascii
import re
import zlib
from typing import Any

from . import texts, textsafety
from .answers import ImportProblem, parse_answer_file
from .definition import Definition
from .rules import MAX_IMPORT_BYTES

FORMAT_TAG = "v1."
"""Written first in every link fragment; bumped if the encoding ever changes."""
MAX_LINK_CHARS = 8000
"""Longest fragment made or accepted (browsers, chat tools and e-mail cope with this)."""

_BASE64URL = re.compile(r"^[A-Za-z0-9_-]*$")
_OTHER_TAG = re.compile(r"^v\d+\.")


def encode(doc: dict[str, Any]) -> str:
    """The fragment for an answer document; :class:`ImportProblem` if it would be longer than :data:`MAX_LINK_CHARS`."""
    raw = textsafety.dumps(doc, separators=(",", ":")).encode("utf-8")
    packed = zlib.compress(raw, 9)
    fragment = FORMAT_TAG + base64.urlsafe_b64encode(packed).rstrip(b"=").decode("ascii")
    if len(fragment) > MAX_LINK_CHARS:
        raise ImportProblem(
            texts.text(
                "link.too_large", length=texts.number_text(len(fragment)), limit=texts.number_text(MAX_LINK_CHARS)
            )
        )
    return fragment


def decode(fragment: str, definition: Definition) -> dict[str, Any]:
    """The validated answer document in a fragment (with or without the leading «#»), or :class:`ImportProblem`."""
    if not isinstance(fragment, str):
        raise ImportProblem(texts.text("link.empty"))
    fragment = fragment.strip()
    if fragment.startswith("#"):
        fragment = fragment[1:]
    if not fragment:
        raise ImportProblem(texts.text("link.empty"))
    if len(fragment) > MAX_LINK_CHARS:
        raise ImportProblem(
            texts.text(
                "link.too_long", length=texts.number_text(len(fragment)), limit=texts.number_text(MAX_LINK_CHARS)
            )
        )
    if not fragment.startswith(FORMAT_TAG):
        if _OTHER_TAG.match(fragment):
            raise ImportProblem(texts.text("link.newer_format"))
        raise ImportProblem(texts.text("link.not_a_link"))
    body = fragment[len(FORMAT_TAG) :]
    if not body or not _BASE64URL.match(body) or len(body) % 4 == 1:
        raise ImportProblem(texts.text("link.bad_characters"))
    try:
        packed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except (binascii.Error, ValueError):
        raise ImportProblem(texts.text("link.damaged")) from None
    inflater = zlib.decompressobj()
    try:
        raw = inflater.decompress(packed, MAX_IMPORT_BYTES + 1)
    except zlib.error:
        raise ImportProblem(texts.text("link.cannot_unpack")) from None
    if len(raw) > MAX_IMPORT_BYTES or inflater.unconsumed_tail:
        raise ImportProblem(texts.text("link.unpacks_too_large", limit=MAX_IMPORT_BYTES // 1024 // 1024))
    if not inflater.eof or inflater.unused_data:
        raise ImportProblem(texts.text("link.truncated"))
    try:
        return parse_answer_file(raw, definition)
    except ImportProblem as problem:
        raise ImportProblem(texts.text("link.refused", reason=_as_link(str(problem)))) from None


def _as_link(message: str) -> str:
    """An import message reworded for a link where it speaks of «filen»."""
    return re.sub(r"\bfilen\b", "lenken", re.sub(r"\bFilen\b", "Lenken", message))
