#!/usr/bin/env python3
"""Find site sentences that follow a source document nearly word for word.

Standard library only, so any checkout can run it with plain ``python3``; the sources
are read from the committed fingerprint (``tests/content/source_fingerprint.json``,
written by ``scripts/source_fingerprint.py``), never from the source texts.

The measure (the same text is the docstring of ``tests/content/test_own_words.py``):

- Tokenisation: Unicode NFKC, then casefold, then words are maximal runs of letters and
  digits (regex ``[^\\W_]+``). «NAV», «Nav» and «nav» are one word; «NAV-kontoret» is the two
  words «nav» «kontoret»; punctuation, Markdown and HTML syntax are not words.
- Each word is hashed (BLAKE2b, 4 bytes); the fingerprint holds each source's word hashes in
  order, so the text itself is not stored.
- A site sentence of n >= 12 words scores max over sources S and runs R of S with
  len(R) <= ceil(1.5 * n) of LCS(sentence, R) / n, where LCS is the longest common
  subsequence of words (words in the same order, gaps allowed on both sides).
- The sentence is a near-copy when the score is >= 0.8.

Exempt: text inside ``<q>…</q>``, Markdown block quotes of statute text (``>`` lines that start
with «§» or follow a line naming a law, regulation or section), short quoted terms (at most
SHORT_QUOTE_WORDS words in «…»), and the document titles listed in
``tests/content/own_words_titles.txt``. Their
words are removed before scoring; a sentence counts as exempted when it is a near-copy
with them and not without them.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import math
import re
import sys
import time
import unicodedata
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

MIN_WORDS = 12
THRESHOLD = 0.8
WINDOW_FACTOR = 1.5
# A term quoted in guillemets with at most this many words («dekker alle kommuner») is a short quoted
# term, exempt like a title; longer «…» quotations are checked (mark real quotations with <q>).
SHORT_QUOTE_WORDS = 6
FINGERPRINT = Path("tests/content/source_fingerprint.json")
TITLES = Path("tests/content/own_words_titles.txt")
HASH_PERSON = b"own-words-v1"
# YAML keys whose values are text a reader sees; ids, keys, references and options are not.
YAML_TEXT_KEYS = frozenset({"title", "intro", "guidance", "text", "description"})

_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """Split text into normalised words (NFKC, casefolded runs of letters and digits)."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def word_hash(word: str) -> int:
    """A word's 32-bit hash as stored in the fingerprint."""
    digest = hashlib.blake2b(word.encode("utf-8"), digest_size=4, person=HASH_PERSON).digest()
    return int.from_bytes(digest, "little")


def hashes(text: str) -> list[int]:
    return [word_hash(w) for w in words(text)]


def encode_hashes(values: Iterable[int]) -> str:
    packed = array("I", values)
    if sys.byteorder != "little":
        packed.byteswap()
    return base64.b64encode(packed.tobytes()).decode("ascii")


def decode_hashes(text: str) -> array:
    packed = array("I")
    packed.frombytes(base64.b64decode(text))
    if sys.byteorder != "little":
        packed.byteswap()
    return packed


# ---------------------------------------------------------------- the sources


class SourceIndex:
    """All sources' word hashes in one sequence, with a word -> positions index.

    Sources are separated by a gap longer than any window, so no run crosses two sources.
    """

    def __init__(self, fingerprint: dict) -> None:
        self.sources: list[dict] = []
        self.starts: list[int] = []
        self.positions: dict[int, list[int]] = {}
        self._seqs: list[array] = []
        offset = 0
        for source in fingerprint["sources"]:
            seq = decode_hashes(source["word_hashes"])
            if len(seq) != source["words"]:
                raise ValueError(f"Fingerprint for {source['file']} is damaged (word count differs).")
            self.sources.append(source)
            self._seqs.append(seq)
            self.starts.append(offset)
            for i, h in enumerate(seq):
                self.positions.setdefault(h, []).append(offset + i)
            offset += len(seq) + 1_000_000

    @classmethod
    def load(cls, path: Path) -> SourceIndex:
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def source_of(self, position: int) -> tuple[int, int]:
        """(source number, position inside it) of a global position."""
        for n in range(len(self.starts) - 1, -1, -1):
            if position >= self.starts[n]:
                return n, position - self.starts[n]
        raise ValueError(position)

    def score(self, sentence: list[int], threshold: float = THRESHOLD) -> tuple[float, int, int]:
        """Best LCS ratio of the sentence against any run of one source, with where it was found.

        Exact whenever the result is >= threshold; below it the value is the best found among
        the runs that could reach the threshold (0.0 when none could).
        Returns (score, source number, position of the run's start in that source).
        """
        n = len(sentence)
        if n == 0:
            return 0.0, -1, -1
        need = max(1, math.ceil(threshold * n - 1e-9))
        window = math.ceil(WINDOW_FACTOR * n)
        counts: dict[int, int] = {}
        for h in sentence:
            counts[h] = counts.get(h, 0) + 1
        hits: list[int] = []
        for h in counts:
            found = self.positions.get(h)
            if found:
                hits.extend(found)
        if len(hits) < need:
            return 0.0, -1, -1
        hits.sort()
        # A run with LCS >= need holds >= need hit positions and may start at its first match,
        # so only runs starting at a hit with `need` hits inside `window` can qualify.
        span = window - 1
        starts = [a for a, b in zip(hits, hits[need - 1 :], strict=False) if b - a <= span]
        if not starts:
            return 0.0, -1, -1
        masks: dict[int, int] = {}
        for i, h in enumerate(sentence):
            masks[h] = masks.get(h, 0) | (1 << i)
        full = (1 << n) - 1
        best, best_src, best_pos = 0, -1, -1
        for start in starts:
            src, pos = self.source_of(start)
            seq = self._seqs[src]
            run = seq[pos : pos + window]
            # Bit-parallel LCS (Allison–Dix / Hyyrö): zero bits of v count the LCS length.
            v = full
            for h in run:
                u = v & masks.get(h, 0)
                v = ((v + u) | (v - u)) & full
            lcs = n - v.bit_count()
            if lcs > best:
                best, best_src, best_pos = lcs, src, pos
                if best == n:
                    break
        return best / n, best_src, best_pos


# ---------------------------------------------------------------- site text


@dataclass
class Segment:
    """A stretch of site text (paragraph, list item, heading, table cell, YAML field)."""

    path: str
    lines: list[tuple[int, str]]  # (line number, text)
    quoted: bool = False  # a Markdown block quote
    group: int = 0  # list items of one list share a number above 0


@dataclass
class Sentence:
    path: str
    line: int
    text: str
    quoted: bool
    group: int = 0


_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^#{1,6}\s+")
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_ADMONITION = re.compile(r'^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+[\w-]+)*\s*(?:"(.*)")?\s*$')
_DEFINITION = re.compile(r"^\s*:\s{1,4}")
_ABBR = re.compile(r"^\*\[([^\]]+)\]:\s*")
_FOOTDEF = re.compile(r"^\[\^[^\]]+\]:\s*")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")


# A block quote is exempt only as statute text: it starts with «§», or the line introducing it names a
# law, a regulation or a section («NAV-loven § 14 lyder:»).
_STATUTE = re.compile(r"§|\b(lov|loven|lova|lovens|forskrift|forskriften|forskrifta)\b|\w+loven\b", re.I)


def _statute_quote_lines(lines: list[str]) -> set[int]:
    """Line numbers (1-based) of block quotes that are statute text."""
    statute: set[int] = set()
    i = 0
    while i < len(lines):
        if not lines[i].lstrip().startswith(">"):
            i += 1
            continue
        start = i
        while i < len(lines) and lines[i].lstrip().startswith(">"):
            i += 1
        before = next((ln for ln in reversed(lines[:start]) if ln.strip()), "")
        first = lines[start].lstrip().lstrip("> ").lstrip("*_")
        if _STATUTE.search(before) or first.startswith("§"):
            statute.update(range(start + 1, i + 1))
    return statute


def markdown_segments(path: str, text: str) -> Iterator[Segment]:
    """Split a Markdown page into segments of reader-visible text, with line numbers."""
    lines = text.split("\n")
    i = 0
    if lines and lines[0].strip() == "---":  # front matter: only the description is text
        i = 1
        while i < len(lines) and lines[i].strip() != "---":
            m = re.match(r"description:\s*(.*)", lines[i])
            if m:
                yield Segment(path, [(i + 1, m.group(1).strip("'\""))])
            i += 1
        i += 1
    statute_quote = _statute_quote_lines(lines)
    current: list[tuple[int, str]] = []
    quoted = False
    in_fence = False
    in_comment = False
    lists = 0  # lists seen so far; list items carry their list's number
    in_list = False
    group = 0

    def flush() -> Iterator[Segment]:
        nonlocal current
        if current:
            yield Segment(path, current, quoted, group)
        current = []

    for number, raw in enumerate(lines[i:], start=i + 1):
        if in_fence:
            if _FENCE.match(raw):
                in_fence = False
            continue
        if _FENCE.match(raw):
            yield from flush()
            in_fence = True
            continue
        if in_comment or "<!--" in raw:
            start = raw.find("<!--")
            end = raw.find("-->")
            if in_comment and end >= 0:
                in_comment = False
                raw = raw[end + 3 :]
            elif in_comment:
                continue
            elif end > start:
                raw = raw[:start] + raw[end + 3 :]
            else:
                in_comment = True
                raw = raw[:start]
        line = raw.strip()
        if not line or line.startswith("--8<--"):
            yield from flush()
            continue
        is_quote = line.startswith(">")
        if is_quote:
            line = line.lstrip("> ").strip()
            if not line:  # a blank line inside a block quote ends a paragraph
                yield from flush()
                continue
        is_quote = is_quote and number in statute_quote
        if is_quote != quoted:
            yield from flush()
            quoted = is_quote
        if not current and not raw[:1].isspace() and not _LIST.match(line):
            in_list = False
        if not current:
            group = 0
        m = _ADMONITION.match(line)
        if m:
            yield from flush()
            if m.group(1):
                yield Segment(path, [(number, m.group(1))])
            continue
        if line.startswith("|"):
            yield from flush()
            if not _TABLE_RULE.match(line):
                for cell in line.strip("|").split("|"):
                    if cell.strip():
                        yield Segment(path, [(number, cell)])
            continue
        if _HEADING.match(line):
            yield from flush()
            yield Segment(path, [(number, _HEADING.sub("", line))])
            continue
        for pattern in (_LIST, _DEFINITION, _ABBR, _FOOTDEF):
            if pattern.match(line):
                yield from flush()
                line = pattern.sub("", line, count=1)
                if pattern is _LIST:
                    if not in_list:
                        lists += 1
                        in_list = True
                    group = lists
                break
        current.append((number, line))
    yield from flush()


_BLOCK_INDICATOR = re.compile(r"^[|>][+-]?\d*\s*(#.*)?$")
_FLOW = re.compile(r"^\s*(?:-\s+)?(?:[A-Za-z_][\w-]*:\s*)?\{(.*)\}\s*$")
_FLOW_PAIR = re.compile(r"([A-Za-z_][\w-]*):\s*(\"[^\"]*\"|'[^']*'|[^,]*)")
_KEY = re.compile(r"^(\s*)(?:-\s+)?([A-Za-z_][\w-]*):(?:\s+(.*))?$")


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return json.loads(value) if "\\" in value else value[1:-1]
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return re.sub(r"\s+#.*$", "", value)


def yaml_segments(path: str, text: str) -> Iterator[Segment]:
    """Reader-visible text fields of a checklist YAML file, line-based (stdlib only).

    Handles the subset the checklists use: ``key: value`` (plain or quoted, possibly continued
    on more-indented lines) and block scalars (``|``, ``>``), also as the first key of a list item.
    """
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        flow = _FLOW.match(lines[i])
        if flow:  # a one-line flow mapping, e.g. a changelog entry {version: "1.0", text: …}
            for key, value in _FLOW_PAIR.findall(flow.group(1)):
                if key in YAML_TEXT_KEYS:
                    yield Segment(path, [(i + 1, _unquote(value.strip()))])
            i += 1
            continue
        m = _KEY.match(lines[i])
        if not m or lines[i].lstrip().startswith("#"):
            i += 1
            continue
        indent = len(m.group(1))
        key, value = m.group(2), (m.group(3) or "").strip()
        i += 1
        body: list[tuple[int, str]] = []
        if _BLOCK_INDICATOR.match(value):
            while i < len(lines) and (not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip()) > indent):
                body.append((i + 1, lines[i].strip()))
                i += 1
        elif value:
            body.append((i, value))
            # Continuation lines of a multi-line scalar are more indented and are not keys.
            while (
                i < len(lines)
                and lines[i].strip()
                and len(lines[i]) - len(lines[i].lstrip()) > indent
                and not _KEY.match(lines[i])
                and not lines[i].lstrip().startswith(("- ", "#"))
            ):
                body.append((i + 1, lines[i].strip()))
                i += 1
        if key not in YAML_TEXT_KEYS or not body:
            continue
        if not _BLOCK_INDICATOR.match(value):
            joined = " ".join(t for _, t in body)
            if joined[:1] in "\"'":
                body = [(body[0][0], _unquote(joined))]
            else:
                body = [(n, re.sub(r"\s+#.*$", "", t)) for n, t in body]
        # A block scalar is Markdown: split its paragraphs and list items like a page.
        block = "\n".join(t for _, t in body)
        offset = body[0][0] - 1
        for seg in markdown_segments(path, block):
            yield Segment(path, [(n + offset, t) for n, t in seg.lines], seg.quoted, seg.group)


_Q = re.compile(r"<q(?:\s[^>]*)?>(.*?)</q>", re.S)
_GUILLEMETS = re.compile(r"«([^«»]*)»")
_Q_OPEN = re.compile(r"<q(?:\s[^>]*)?>")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
_URL = re.compile(r"<?(?:https?://|www\.)[^\s)>]+>?")
_CODE = re.compile(r"`[^`]*`")
_ATTRS = re.compile(r"\{\s*[#.:][^}]*\}")
_FOOTREF = re.compile(r"\[\^[^\]]+\]")
QUOTE_OPEN, QUOTE_CLOSE = "\ue000", "\ue001"  # private-use marks for exempt <q> spans


def plain_text(markdown: str) -> str:
    """Markdown/HTML inline syntax removed; <q> spans kept between private-use marks."""
    text = _Q.sub(lambda m: f"{QUOTE_OPEN}{m.group(1)}{QUOTE_CLOSE}", markdown)
    text = _CODE.sub(" ", text)
    text = _IMAGE.sub(" ", text)
    text = _LINK.sub(r"\1", text)
    text = _URL.sub(" ", text)
    text = _ATTRS.sub(" ", text)
    text = _FOOTREF.sub(" ", text)
    text = _TAG.sub(" ", text)
    text = re.sub(r"\*{1,3}|`", "", text)
    return re.sub(r"\s+", " ", text).strip()


ABBREVIATIONS = frozenset(
    "jf jfr f.eks bl.a ca nr kap pkt dvs mv o.l m.m evt ev inkl t.o.m f.o.m mht vs s st.prp prop ot.prp "
    "ang iht pr tlf avd adm dir kl".split()
)
_SPLIT = re.compile(r"(?<=[.!?…])([\"»”’)\]*_]*)\s+(?=[«\"“(\[*_<]*[A-ZÆØÅ\d])")


def sentences(segment: Segment) -> Iterator[Sentence]:
    """Split a segment into sentences, each with the line it starts on."""
    starts: list[tuple[int, int]] = []  # (offset in joined text, line number)
    parts: list[str] = []
    offset = 0
    for number, text in segment.lines:
        starts.append((offset, number))
        parts.append(text)
        offset += len(text) + 1
    joined = " ".join(parts)

    def line_at(pos: int) -> int:
        number = starts[0][1]
        for off, n in starts:
            if off <= pos:
                number = n
        return number

    pieces: list[tuple[str, int]] = []
    begin = 0
    for m in _SPLIT.finditer(joined):
        before = joined[begin : m.start()]
        last = before.rsplit(" ", 1)[-1].rstrip(".").casefold().lstrip("(«*_")
        if last in ABBREVIATIONS:
            continue
        pieces.append((joined[begin : m.end(1)], line_at(begin)))
        begin = m.end()
    pieces.append((joined[begin:], line_at(begin)))
    # A <q> quotation may hold several sentences: close and reopen it at each split.
    inside = False
    for piece, line in pieces:
        text = ("<q>" if inside else "") + piece
        opened = [m.end() for m in _Q_OPEN.finditer(text)]
        closed = text.rfind("</q>")
        inside = bool(opened) and opened[-1] > closed
        yield from _make(segment, text + ("</q>" if inside else ""), line)


def _make(segment: Segment, raw: str, line: int) -> Iterator[Sentence]:
    text = raw.strip()
    if text:
        yield Sentence(segment.path, line, text, segment.quoted, segment.group)


# ---------------------------------------------------------------- checking


@dataclass
class Finding:
    path: str
    line: int
    score: float
    text: str
    source: str
    exempted: bool = False
    kind: str = "sentence"  # or "list" (a whole list, reported with --lists)


def load_titles(path: Path) -> list[list[int]]:
    """Hashed word sequences of the listed titles, longest first."""
    titles = []
    if path.exists():
        for raw in path.read_text(encoding="utf-8").splitlines():
            raw = raw.strip()
            if raw and not raw.startswith("#"):
                titles.append(hashes(raw))
    return sorted((t for t in titles if t), key=len, reverse=True)


def remove_titles(seq: list[int], titles: list[list[int]]) -> list[int]:
    for title in titles:
        k = len(title)
        i = 0
        while i + k <= len(seq):
            if seq[i : i + k] == title:
                del seq[i : i + k]
            else:
                i += 1
    return seq


def site_files(root: Path) -> list[Path]:
    """Pages, checklists and the abbreviation tooltips every page includes."""
    return (
        sorted((root / "docs").glob("*.md"))
        + sorted((root / "checklists").glob("*.yml"))
        + sorted((root / "includes").glob("*.md"))
    )


def file_sentences(root: Path, path: Path) -> Iterator[Sentence]:
    rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    text = path.read_text(encoding="utf-8")
    segments = yaml_segments(rel, text) if path.suffix in (".yml", ".yaml") else markdown_segments(rel, text)
    for segment in segments:
        yield from sentences(segment)


class Checker:
    def __init__(self, index: SourceIndex, titles: list[list[int]], threshold: float = THRESHOLD) -> None:
        self.index = index
        self.titles = titles
        self.threshold = threshold
        self.checked = 0

    def _words(self, sentence: Sentence) -> tuple[str, list[int], list[int]]:
        """Plain text, all its word hashes, and the hashes of its own words (exempt spans removed)."""
        plain = plain_text(sentence.text)
        everything = hashes(plain.replace(QUOTE_OPEN, " ").replace(QUOTE_CLOSE, " "))
        own_text = re.sub(f"{QUOTE_OPEN}.*?({QUOTE_CLOSE}|$)", " ", plain)
        own_text = _GUILLEMETS.sub(
            lambda m: " " if len(words(m.group(1))) <= SHORT_QUOTE_WORDS else m.group(0), own_text
        )
        own = [] if sentence.quoted else hashes(own_text)
        return (
            plain.replace(QUOTE_OPEN, "<q>").replace(QUOTE_CLOSE, "</q>"),
            everything,
            remove_titles(own, self.titles),
        )

    def _judge(self, where: Sentence, text: str, everything: list[int], own: list[int], kind: str) -> Finding | None:
        score, src, _ = self.index.score(everything, self.threshold)
        if score < self.threshold:
            return None
        if len(own) != len(everything):  # exempt words: judge the sentence's own words alone
            own_score, own_src = (self.index.score(own, self.threshold)[:2]) if len(own) >= MIN_WORDS else (0.0, -1)
            if own_score < self.threshold:
                source = self.index.sources[src]["file"]
                return Finding(where.path, where.line, score, text, source, exempted=True, kind=kind)
            score, src = own_score, own_src
        return Finding(where.path, where.line, score, text, self.index.sources[src]["file"], kind=kind)

    def check(self, sentence: Sentence) -> Finding | None:
        """A Finding for a near-copy (exempted or not), else None."""
        text, everything, own = self._words(sentence)
        if len(everything) < MIN_WORDS:
            return None
        self.checked += 1
        return self._judge(sentence, text, everything, own, "sentence")

    def check_list(self, items: list[Sentence]) -> Finding | None:
        """A list whose short items together follow a source list nearly word for word (editors' aid only).

        Lists of names, places and criteria legitimately keep the source's wording, so this is reported
        on request (--lists) and is not part of the content test.
        """
        parts = [self._words(item) for item in items]
        short = [p for p in parts if len(p[1]) < MIN_WORDS]
        everything = [h for p in short for h in p[1]]
        if len(short) < 3 or len(everything) < MIN_WORDS:
            return None
        own = [h for p in short for h in p[2]]
        return self._judge(items[0], " / ".join(p[0] for p in short), everything, own, "list")


def check_files(
    root: Path, files: Iterable[Path], threshold: float = THRESHOLD, lists: bool = False
) -> tuple[list[Finding], int]:
    """All near-copies (including exempted ones) in the files, and how many sentences were checked.

    With lists=True, also whole lists whose short items follow a source list (kind "list").
    """
    checker = Checker(SourceIndex.load(root_fingerprint()), load_titles(root_titles()), threshold)
    findings = []
    for path in files:
        groups: dict[int, list[Sentence]] = {}
        for sentence in file_sentences(root, path):
            found = checker.check(sentence)
            if found:
                findings.append(found)
            if sentence.group:
                groups.setdefault(sentence.group, []).append(sentence)
        if lists:
            findings.extend(f for f in map(checker.check_list, groups.values()) if f)
    return findings, checker.checked


def tool_root() -> Path:
    """The checkout this script lives in (its fingerprint and title list are used)."""
    return Path(__file__).resolve().parent.parent


def root_fingerprint() -> Path:
    return tool_root() / FINGERPRINT


def root_titles() -> Path:
    return tool_root() / TITLES


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=tool_root(), help="repository to scan (default: this one)")
    parser.add_argument("--threshold", type=float, default=THRESHOLD, help="report scores at or above this")
    parser.add_argument("--show-exempted", action="store_true", help="also list exempted sentences")
    parser.add_argument(
        "--lists", action="store_true", help="also report whole lists whose short items follow a source list (advice)"
    )
    parser.add_argument("files", nargs="*", type=Path, help="files to scan (default: docs/*.md, checklists/*.yml)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    files = [f.resolve() if f.is_absolute() else (Path.cwd() / f).resolve() for f in args.files] or site_files(root)
    began = time.perf_counter()
    findings, checked = check_files(root, files, args.threshold, args.lists)
    offenders = [f for f in findings if not f.exempted and f.kind == "sentence"]
    exempted = [f for f in findings if f.exempted and f.kind == "sentence"]
    shown = offenders + (exempted if args.show_exempted else [])
    shown += [f for f in findings if f.kind == "list" and (args.show_exempted or not f.exempted)]
    for f in shown:
        mark = (" (exempted)" if f.exempted else "") + (" (list)" if f.kind == "list" else "")
        print(f"{f.path}:{f.line}: {f.score:.2f} [{f.source[:3]}]{mark} {f.text}")
    took = time.perf_counter() - began
    print(
        f"{len(offenders)} near-copies (score >= {args.threshold:.2f}) among {checked} sentences of "
        f">= {MIN_WORDS} words in {len(files)} files; {len(exempted)} exempted as marked quotations or titles; "
        f"{took:.1f} s.",
        file=sys.stderr,
    )
    return 1 if offenders else 0


if __name__ == "__main__":
    sys.exit(main())
