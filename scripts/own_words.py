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
import math
import re
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from own_words_measure import (  # noqa: F401  (re-exported for the tests and scripts/source_fingerprint.py)
    HASH_PERSON,
    MIN_WORDS,
    THRESHOLD,
    WINDOW_FACTOR,
    SourceIndex,
    decode_hashes,
    encode_hashes,
    hashes,
    word_hash,
    words,
)
from own_words_text import (  # noqa: F401
    QUOTE_CLOSE,
    QUOTE_OPEN,
    YAML_TEXT_KEYS,
    Sentence,
    file_sentences,
    markdown_segments,
    plain_text,
    site_files,
    yaml_segments,
)

# A term quoted in guillemets with at most this many words («dekker alle kommuner») is a short quoted
# term, exempt like a title; longer «…» quotations are checked (mark real quotations with <q>).
SHORT_QUOTE_WORDS = 6
FINGERPRINT = Path("tests/content/source_fingerprint.json")
TITLES = Path("tests/content/own_words_titles.txt")
_GUILLEMETS = re.compile(r"«([^«»]*)»")


@dataclass
class Finding:
    path: str
    line: int
    score: float
    text: str
    source: str
    exempted: bool = False
    kind: str = "sentence"  # or "list" / "pair" (advice, reported with --advice)
    judged: list[int] = field(default_factory=list)  # word hashes that were scored
    position: int = -1  # start of the best run in the source


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
        score, src, pos = self.index.score(everything, self.threshold)
        if score < self.threshold:
            return None
        judged, exempted = everything, False
        if len(own) != len(everything):  # exempt words: judge the sentence's own words alone
            own_found = self.index.score(own, self.threshold) if len(own) >= MIN_WORDS else (0.0, -1, -1)
            if own_found[0] < self.threshold:
                exempted = True
            else:
                (score, src, pos), judged = own_found, own
        source = self.index.sources[src]["file"]
        return Finding(where.path, where.line, score, text, source, exempted, kind, judged, pos)

    def check(self, sentence: Sentence) -> Finding | None:
        """A Finding for a near-copy (exempted or not), else None."""
        text, everything, own = self._words(sentence)
        if len(everything) < MIN_WORDS:
            return None
        self.checked += 1
        return self._judge(sentence, text, everything, own, "sentence")

    def check_group(self, items: list[Sentence], kind: str) -> Finding | None:
        """Short sentences that together follow a source nearly word for word (editors' advice only).

        kind "list": the short items of one list (at least three); kind "pair": two adjacent short
        sentences of one paragraph. Lists of names, places and criteria legitimately keep the source's
        wording, so this is reported on request (--advice) and is not part of the content test.
        """
        parts = [self._words(item) for item in items]
        short = [p for p in parts if len(p[1]) < MIN_WORDS]
        everything = [h for p in short for h in p[1]]
        if len(short) < (3 if kind == "list" else 2) or len(everything) < MIN_WORDS:
            return None
        own = [h for p in short for h in p[2]]
        return self._judge(items[0], " / ".join(p[0] for p in short), everything, own, kind)


def check_files(
    root: Path, files: Iterable[Path], threshold: float = THRESHOLD, advice: bool = False
) -> tuple[list[Finding], int]:
    """All near-copies (including exempted ones) in the files, and how many sentences were checked.

    With advice=True, also lists whose short items follow a source list (kind "list") and two adjacent
    short sentences of one paragraph that together follow a source sentence (kind "pair").
    """
    checker = Checker(SourceIndex.load(root_fingerprint()), load_titles(root_titles()), threshold)
    findings = []
    for path in files:
        groups: dict[int, list[Sentence]] = {}
        previous: Sentence | None = None
        for sentence in file_sentences(root, path):
            found = checker.check(sentence)
            if found:
                findings.append(found)
            if sentence.group:
                groups.setdefault(sentence.group, []).append(sentence)
            if advice and previous and previous.segment == sentence.segment:
                pair = checker.check_group([previous, sentence], "pair")
                if pair:
                    findings.append(pair)
            previous = sentence
        if advice:
            findings.extend(f for f in (checker.check_group(g, "list") for g in groups.values()) if f)
    return findings, checker.checked


def tool_root() -> Path:
    """The checkout this script lives in (its fingerprint and title list are used)."""
    return Path(__file__).resolve().parent.parent


def root_fingerprint() -> Path:
    return tool_root() / FINGERPRINT


def root_titles() -> Path:
    return tool_root() / TITLES


def explain(finding: Finding, seeds: Path) -> str:
    """The source run a finding follows, its matched words in capitals (needs the source texts)."""
    from source_fingerprint import source_text  # here: that module imports this one

    path = seeds / finding.source
    if not path.exists():
        return f"(no {path})"
    window = math.ceil(WINDOW_FACTOR * len(finding.judged))
    run = words(source_text(path.read_text(encoding="utf-8")))[finding.position : finding.position + window]
    ours, theirs = finding.judged, [word_hash(w) for w in run]
    # Longest common subsequence table, then one alignment read off it.
    table = [[0] * (len(theirs) + 1) for _ in range(len(ours) + 1)]
    for i in range(len(ours) - 1, -1, -1):
        for j in range(len(theirs) - 1, -1, -1):
            same = ours[i] == theirs[j]
            table[i][j] = table[i + 1][j + 1] + 1 if same else max(table[i + 1][j], table[i][j + 1])
    matched: set[int] = set()
    i = j = 0
    while i < len(ours) and j < len(theirs):
        if ours[i] == theirs[j]:
            matched.add(j)
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    if not matched:
        return "(the source text differs from the fingerprint: run scripts/source_fingerprint.py)"
    shown = range(min(matched), max(matched) + 1)
    return " ".join(run[k].upper() if k in matched else run[k] for k in shown)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=tool_root(), help="repository to scan (default: this one)")
    parser.add_argument("--threshold", type=float, default=THRESHOLD, help="report scores at or above this")
    parser.add_argument("--show-exempted", action="store_true", help="also list exempted sentences")
    parser.add_argument(
        "--advice",
        "--lists",
        action="store_true",
        help="also report lists, and pairs of short sentences, that together follow a source (not in the test)",
    )
    parser.add_argument(
        "--seeds", type=Path, help="source texts (e.g. /work/shared/seeds): show each finding's source run"
    )
    parser.add_argument(
        "files",
        nargs="*",
        type=Path,
        help="files to scan, relative to --root (default: docs/*.md, checklists/*.yml, includes/*.md)",
    )
    args = parser.parse_args(argv)
    root = args.root.resolve()
    files = [(root / f).resolve() for f in args.files] or site_files(root)  # relative to --root
    began = time.perf_counter()
    findings, checked = check_files(root, files, args.threshold, args.advice)
    offenders = [f for f in findings if not f.exempted and f.kind == "sentence"]
    exempted = [f for f in findings if f.exempted and f.kind == "sentence"]
    shown = offenders + (exempted if args.show_exempted else [])
    shown += [f for f in findings if f.kind != "sentence" and (args.show_exempted or not f.exempted)]
    for f in shown:
        mark = (" (exempted)" if f.exempted else "") + (f" ({f.kind})" if f.kind != "sentence" else "")
        print(f"{f.path}:{f.line}: {f.score:.2f} [{f.source[:3]}]{mark} {f.text}")
        if args.seeds:
            print(f"    source: {explain(f, args.seeds)}")
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
