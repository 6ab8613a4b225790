"""The own-words measure: tokenisation, word hashes and the in-order match against the sources.

Standard library only. See scripts/own_words.py for the full definition.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
import sys
import unicodedata
from array import array
from collections.abc import Iterable
from pathlib import Path

MIN_WORDS = 12
THRESHOLD = 0.8
WINDOW_FACTOR = 1.5
HASH_PERSON = b"own-words-v1"

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
