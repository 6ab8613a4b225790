"""The site says things in its own words: no sentence follows a source nearly word for word.

The measure (implemented in scripts/own_words.py, which is also the command-line check):

- Text checked: every docs/*.md page (front-matter description, headings, paragraphs, list
  items, table cells, admonition titles and bodies; fenced code and HTML comments skipped) and
  the reader-visible fields of checklists/*.yml (title, intro, guidance, text, description;
  never ids, keys, references, roles or answer options). Markdown and HTML syntax is removed
  (link targets, URLs, attribute lists, tags, emphasis marks). The abbreviation tooltips in
  includes/*.md are checked too.
- Sentences: a text is split after ``.``, ``!``, ``?`` or ``…`` (and any closing quote,
  bracket or emphasis mark) followed by whitespace and a capital letter or digit, except after
  common abbreviations (jf., f.eks., bl.a., ca., nr., …). Each heading, list item, table cell
  and YAML field is its own text, so sentences never run across them.
- Tokenisation: Unicode NFKC, casefold, words are maximal runs of letters and digits
  (``[^\\W_]+``). «NAV», «Nav» and «nav» are the same word; «NAV-kontoret» is «nav» «kontoret».
- Order measure: for a sentence of n words, score = max over the five sources S and every
  run R of consecutive words of S with len(R) <= ceil(1.5 n) of LCS(sentence, R) / n, where LCS
  is the longest common subsequence of words (same order, gaps allowed on both sides).
- Threshold: a sentence with n >= 12 words is a near-copy when score >= 0.8.
- The sources are compared through tests/content/source_fingerprint.json: each source's word
  hashes in order (BLAKE2b, 4 bytes), written from ../shared/seeds by
  scripts/source_fingerprint.py. The source text is not in the repository.
- Exempt: words inside ``<q>…</q>``, Markdown block quotes of statute text (``>`` lines that
  start with «§» or follow a line naming a law, regulation or section, e.g. «NAV-loven § 14
  lyder:»), short quoted terms (at most six words in «…», e.g. «dekker alle kommuner») and the
  titles listed in tests/content/own_words_titles.txt are removed before scoring; longer «…»
  quotations are checked like any text. A sentence
  is counted as exempted when it is a near-copy with those words and not without them.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


own_words = _load("own_words")

# Real source sentences, lightly edited the way a near-copy usually is: a word or two changed,
# a word dropped or added, case and hyphenation changed («NAV kontor» → «Nav-kontor»).
PLANTED = {
    # 000: «Det vil være hensiktsmessig å utpeke en prosjektleder for etablering av nytt NAV-kontor
    # tidlig i prosessen etter kommunestyrevedtak om samarbeid, og dette bør gjøres i samarbeid
    # mellom alle eiere.»
    "000": "Det vil være lurt å utpeke en prosjektleder for etablering av nytt Nav-kontor tidlig i prosessen "
    "etter kommunestyrevedtak om samarbeid, og dette bør skje i samarbeid mellom alle eierne.",
    # 001: «Loven angir ingen ytre rammer for hvilke tjenester som skal inn i NAV-kontoret.»
    "001": "Loven gir ingen ytre rammer for hvilke tjenester som skal legges inn i Nav-kontoret.",
    # 002: «Kunnskap og kompetanse om felles NAV-tjenester er en forutsetning for å oppnå
    # likeverdighet og utviklingsmuligheter i partnerskapet.»
    "002": "Kunnskap og kompetanse om felles Nav-tjenester er en forutsetning for likeverdighet og "
    "utviklingsmuligheter i partnerskapet.",
    # 003: «Samarbeidet varierer fra å ha felles leder til å ha felles NAV kontor for flere kommuner
    # etter vertskapskommunemodellen.»
    "003": "Samarbeidet varierer fra felles leder til å ha et felles Nav-kontor for flere kommuner etter "
    "vertskommunemodellen.",
    # 004: «De opplever at det er dedikerte folk på begge sider som ønsker å løse utfordringene, og
    # som vil hverandre vel.»
    "004": "DE OPPLEVER at det er engasjerte folk på begge sider som vil løse utfordringene, og som vil hverandre vel.",
}

# The same facts in the site's own words.
PARAPHRASED = {
    "000": "Alle eierne bør sammen peke ut en prosjektleder for det nye kontoret så snart kommunestyrene "
    "har vedtatt samarbeidet.",
    "001": "Det er ikke loven som avgjør hvor mange tjenester kommunen legger til kontoret; her står partene fritt.",
    "002": "Partnerskapet blir bare likeverdig og kan bare utvikle seg når begge parter vet nok om "
    "tjenestene kontoret gir sammen.",
    "003": "Noen kommuner deler bare lederen, andre har gått lenger og driver ett kontor for flere "
    "kommuner med en av dem som vertskommune.",
    "004": "Både på statlig og kommunal side møter de mennesker som brenner for å finne løsninger og "
    "ønsker samarbeidet det beste.",
}


@pytest.fixture(scope="module")
def index():
    return own_words.SourceIndex.load(ROOT / own_words.FINGERPRINT)


def scan(tmp_path: Path, name: str, text: str) -> list:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    findings, _ = own_words.check_files(tmp_path, [path])
    return findings


@pytest.mark.parametrize("source", sorted(PLANTED))
def test_planted_near_copy_is_caught_in_its_source(index, source):
    sentence = own_words.hashes(PLANTED[source])
    assert len(sentence) >= own_words.MIN_WORDS
    score, found, _ = index.score(sentence)
    assert score >= own_words.THRESHOLD, f"{score:.2f}: {PLANTED[source]}"
    assert index.sources[found]["file"].startswith(source)


@pytest.mark.parametrize("source", sorted(PARAPHRASED))
def test_paraphrase_passes(index, source):
    sentence = own_words.hashes(PARAPHRASED[source])
    assert len(sentence) >= own_words.MIN_WORDS
    score, _, _ = index.score(sentence)
    assert score < own_words.THRESHOLD, f"{score:.2f}: {PARAPHRASED[source]}"


def test_planted_copies_are_found_in_pages_and_checklists_with_their_lines(tmp_path):
    page = "# Side\n\nInnledning her.\n\n- " + PLANTED["004"] + "\n\nFørst en setning. " + PLANTED["002"] + "\n"
    found = scan(tmp_path, "docs/side.md", page)
    assert [(f.line, f.source[:3], f.exempted) for f in found] == [(5, "004", False), (7, "002", False)]
    checklist = (
        "id: x\ntitle: Tittel\nsections:\n  - id: a\n    title: A\n    guidance: |\n      Kort innledning.\n"
        f"      {PLANTED['000'][:60]}\n      {PLANTED['000'][60:]}\n    items:\n"
        f'      - id: {PLANTED["001"].replace(" ", "-")[:40]}\n        text: "{PLANTED["003"]}"\n'
    )
    found = scan(tmp_path, "checklists/x.yml", checklist)
    assert [(f.line, f.source[:3]) for f in found] == [(8, "000"), (12, "003")]


def test_marked_quotations_and_listed_titles_are_exempted(tmp_path):
    page = (
        f"Loven sier: <q>{PLANTED['001']}</q>\n\n"
        f"Kommuneloven § 20-2 lyder:\n\n> {PLANTED['000']}\n\n"
        "Veilederen heter *Sjekkliste for gode prosesser ved vertskommunesamarbeid om NAV-kontor* og er fra 2024.\n\n"
        f"Altså: «{PLANTED['003']}»\n\n"
        "Brukeren skal ha en reell stemme i sin egen sak og kunne stole på prinsippet "
        "«ingen beslutning om meg uten meg».\n"
    )
    found = scan(tmp_path, "docs/side.md", page)
    assert [(f.line, f.exempted) for f in found] == [(1, True), (5, True), (9, False), (11, True)]


def test_a_quotation_of_several_sentences_is_exempt_throughout(tmp_path):
    page = f'Rapporten sier: <q cite="#kilde">{PLANTED["004"]} {PLANTED["002"]}</q> Slik var det i 2012.\n'
    found = scan(tmp_path, "docs/side.md", page)
    assert [(f.line, f.exempted) for f in found] == [(1, True), (1, True)]


def test_a_block_quote_that_is_not_statute_text_is_checked(tmp_path):
    page = f"Prosjektgruppen skrev dette:\n\n> {PLANTED['002']}\n"
    found = scan(tmp_path, "docs/side.md", page)
    assert [(f.line, f.exempted) for f in found] == [(3, False)]


def test_ids_references_and_options_are_not_checked():
    text = (
        'id: x\nsections:\n  - id: a\n    references:\n      - source: "' + PLANTED["001"] + '"\n'
        "    items:\n      - id: b\n        options:\n          - " + PLANTED["002"] + "\n"
    )
    assert list(own_words.yaml_segments("x.yml", text)) == []


@pytest.mark.parametrize("path", sorted((ROOT / "checklists").glob("*.yml")), ids=lambda p: p.name)
def test_yaml_reader_sees_the_same_text_as_pyyaml(path):
    """The stdlib-only YAML reader (so the CLI runs anywhere) must agree with PyYAML on every text field."""
    wanted: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in own_words.YAML_TEXT_KEYS and isinstance(value, str):
                    wanted.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    text = path.read_text(encoding="utf-8")

    def text_of(segments) -> list[str]:
        return [own_words.plain_text(line) for seg in segments for _, line in seg.lines]

    # Field values are Markdown; the Markdown reader is the same on both sides, so this compares the YAML layer.
    expected = [line for value in wanted for line in text_of(own_words.markdown_segments(path.name, value))]
    assert text_of(own_words.yaml_segments(path.name, text)) == expected


def test_tokenisation_folds_nav_and_splits_compounds_at_hyphens():
    assert own_words.words("NAV-kontoret, Nav-leder og nav") == ["nav", "kontoret", "nav", "leder", "og", "nav"]
    assert own_words.words("ﬁre § 14 «fjerde» ledd") == ["fire", "14", "fjerde", "ledd"]


def test_fingerprint_holds_no_source_text():
    raw = (ROOT / own_words.FINGERPRINT).read_text(encoding="utf-8").casefold()
    for phrase in ("dedikerte folk", "utviklingsmuligheter", "vertskapskommunemodellen", "kommunestyrevedtak"):
        assert phrase not in raw
    assert (ROOT / own_words.FINGERPRINT).stat().st_size < 400_000


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not here (an editor's clone or CI)")
def test_fingerprint_is_up_to_date_with_the_seeds():
    fingerprint = _load("source_fingerprint")
    committed = json.loads((ROOT / own_words.FINGERPRINT).read_text(encoding="utf-8"))
    assert fingerprint.fingerprint(SEEDS) == committed, "run: python3 scripts/source_fingerprint.py"


def test_no_site_sentence_follows_a_source_nearly_word_for_word(capsys):
    findings, checked = own_words.check_files(ROOT, own_words.site_files(ROOT))
    offenders = [f for f in findings if not f.exempted]
    exempted = [f for f in findings if f.exempted]
    with capsys.disabled():
        print(
            f"\nown words: {checked} sentences of >= {own_words.MIN_WORDS} words checked, "
            f"{len(exempted)} exempted as marked quotations or titles, {len(offenders)} near-copies"
        )
    assert checked > 500  # the extraction found the site's text
    listing = "\n".join(f"{f.path}:{f.line}: {f.score:.2f} [{f.source[:3]}] {f.text}" for f in offenders)
    assert not offenders, f"{len(offenders)} sentences follow a source nearly word for word:\n{listing}"


def test_advice_mode_reports_a_transcribed_list(tmp_path):
    words = PLANTED["000"].rstrip(".").split()
    items = [" ".join(words[i : i + 10]) for i in range(0, len(words), 10)]
    page = "Slik gjør dere det:\n\n" + "".join(f"- {item}\n" for item in items)
    path = tmp_path / "docs" / "liste.md"
    path.parent.mkdir(parents=True)
    path.write_text(page, encoding="utf-8")
    assert own_words.check_files(tmp_path, [path])[0] == []  # no item is a 12-word sentence
    found, _ = own_words.check_files(tmp_path, [path], advice=True)
    assert [(f.kind, f.line, f.source[:3]) for f in found] == [("list", 3, "000")]


CITATION_KEYS = frozenset({"page", "source", "law", "url"})


@pytest.mark.parametrize("path", sorted((ROOT / "checklists").glob("*.yml")), ids=lambda p: p.name)
def test_no_prose_hides_in_a_yaml_field_the_check_skips(path):
    """A sentence-length value under any other key (ids, options, a new field …) would escape the check.

    Citations (a reference's page, source, law or url) are pointers, not prose, and are not checked.
    """
    unchecked: list[str] = []

    def walk(node, key=None):
        if isinstance(node, dict):
            for k, value in node.items():
                walk(value, k)
        elif isinstance(node, list):
            for value in node:
                walk(value, key)
        elif isinstance(node, str) and key not in own_words.YAML_TEXT_KEYS | CITATION_KEYS:
            if len(own_words.words(node)) >= own_words.MIN_WORDS:
                unchecked.append(f"{key}: {node}")

    walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert not unchecked, "add the key to YAML_TEXT_KEYS in scripts/own_words.py:\n" + "\n".join(unchecked)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not here (an editor's clone or CI)")
def test_explain_shows_the_source_run_with_the_matched_words(tmp_path):
    (found,) = scan(tmp_path, "docs/side.md", PLANTED["004"] + "\n")
    assert own_words.explain(found, SEEDS) == (
        "DE OPPLEVER AT DET ER dedikerte FOLK PÅ BEGGE SIDER SOM ønsker å LØSE UTFORDRINGENE OG SOM VIL HVERANDRE VEL"
    )


def test_advice_mode_reports_a_copied_sentence_split_in_two(tmp_path):
    words = PLANTED["000"].rstrip(".").split()
    page = "Først noe annet her. " + " ".join(words[:10]) + ". " + " ".join(words[10:20]).capitalize() + ".\n"
    path = tmp_path / "docs" / "delt.md"
    path.parent.mkdir(parents=True)
    path.write_text(page, encoding="utf-8")
    assert own_words.check_files(tmp_path, [path])[0] == []  # both halves are under 12 words
    found, _ = own_words.check_files(tmp_path, [path], advice=True)
    assert [(f.kind, f.line, f.source[:3]) for f in found] == [("pair", 1, "000")]
