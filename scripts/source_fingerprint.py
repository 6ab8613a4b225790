#!/usr/bin/env python3
"""Write the fingerprint of the five source documents that the own-words check compares against.

Usage: python3 scripts/source_fingerprint.py [SEEDS_DIR] [--out FILE]
SEEDS_DIR defaults to ../shared/seeds relative to the repository root.

The fingerprint holds, per source, its file name, title, word count and the 32-bit BLAKE2b
hash of each word in order (tokenised as in scripts/own_words.py). It does not hold the text.
Standard library only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from own_words import FINGERPRINT, tool_root
from own_words_measure import HASH_PERSON, encode_hashes, hashes

# Footnote markers and HTML tags from the PDF extraction are not words of the text.
_SUP = re.compile(r"<sup>.*?</sup>", re.S)
_TAG = re.compile(r"</?[A-Za-z][^>]*>")


def source_text(raw: str) -> str:
    return _TAG.sub(" ", _SUP.sub(" ", raw))


def titles_from_readme(readme: Path) -> dict[str, str]:
    """File name -> document title, from the table in the seeds' README."""
    titles = {}
    if readme.exists():
        for line in readme.read_text(encoding="utf-8").splitlines():
            m = re.match(r"\|\s*`([^`]+)`\s*\|\s*\*([^*]+)\*", line)
            if m:
                titles[m.group(1)] = m.group(2).strip()
    return titles


def fingerprint(seeds: Path) -> dict:
    files = sorted(p for p in seeds.glob("*.txt"))
    if not files:
        raise SystemExit(f"No source texts (*.txt) in {seeds}.")
    titles = titles_from_readme(seeds / "README.md")
    sources = []
    for path in files:
        seq = hashes(source_text(path.read_text(encoding="utf-8")))
        sources.append(
            {
                "file": path.name,
                "title": titles.get(path.name, ""),
                "words": len(seq),
                "word_hashes": encode_hashes(seq),
            }
        )
    return {
        "format": 1,
        "about": "Word hashes of the source documents for the own-words check; written by "
        "scripts/source_fingerprint.py, read by scripts/own_words.py. Not the text itself.",
        "tokenisation": "Unicode NFKC, casefold, words = runs of letters and digits ([^\\W_]+); "
        "HTML tags and <sup> footnote markers removed first",
        "hash": f"BLAKE2b, digest_size=4, person={HASH_PERSON.decode()}, as little-endian uint32, base64",
        "sources": sources,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seeds", nargs="?", type=Path, default=tool_root().parent / "shared" / "seeds")
    parser.add_argument("--out", type=Path, default=tool_root() / FINGERPRINT)
    args = parser.parse_args(argv)
    data = fingerprint(args.seeds)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    total = sum(s["words"] for s in data["sources"])
    print(f"Wrote {args.out} ({len(data['sources'])} sources, {total} words, {args.out.stat().st_size} bytes).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
