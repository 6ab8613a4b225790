"""Share links: answers in the URL fragment, decoded as defensively as an imported file (CPython and Pyodide)."""

from __future__ import annotations

import base64
import json
import random
import zlib

import pytest
from samples import answers, definition, definition_data, document, walkthrough

from partnerskap.engine import api
from partnerskap.engine.answers import ImportProblem
from partnerskap.engine.rules import MAX_IMPORT_BYTES
from partnerskap.engine.sharelink import MAX_LINK_CHARS, decode, encode


def pack(raw: bytes) -> str:
    return "v1." + base64.urlsafe_b64encode(zlib.compress(raw, 9)).rstrip(b"=").decode("ascii")


def test_round_trip_gives_back_the_document() -> None:
    doc = document()
    fragment = encode(doc)
    assert fragment.startswith("v1.") and "=" not in fragment and len(fragment) <= MAX_LINK_CHARS
    assert set(fragment[3:]) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert decode(fragment, definition()) == doc
    assert decode("#" + fragment, definition()) == doc


def test_api_round_trip_has_the_shape_of_an_import() -> None:
    api.load_definition(definition_data("1.1"))
    shared = api.share_encode("eksempel", walkthrough(), answers(), {})
    assert shared["length"] == len(shared["fragment"])
    opened = api.share_decode("eksempel", shared["fragment"])
    assert set(opened) == {"walkthrough", "record", "answers", "archived", "report"}
    assert opened["answers"] == answers() and opened["walkthrough"] == walkthrough() and not opened["report"]["changed"]


def test_too_large_answers_are_refused_with_a_message() -> None:
    rng = random.Random(7)
    doc = document()
    for item_id in ("forste", "skala", "fritekst"):
        doc["answers"][item_id]["note"] = "".join(rng.choice("abcdefghijklmnopqrstuvwxyzæøå ") for _ in range(15_000))
    with pytest.raises(ImportProblem) as caught:
        encode(doc)
    message = str(caught.value)
    assert message.startswith("Svarene er for store til å deles som lenke (")
    assert message.endswith("tegn; grensen er 8\u00a0000). Bruk eksport til fil i stedet.")
    api.load_definition(definition_data("1.1"))
    response = json.loads(
        api.handle(
            json.dumps(
                {
                    "method": "share_encode",
                    "args": {
                        "checklist": "eksempel",
                        "walkthrough": walkthrough(),
                        "answers": doc["answers"],
                        "archived": {},
                    },
                }
            )
        )
    )
    assert response["ok"] is False and "Bruk eksport til fil i stedet" in response["message"]


def tampered() -> str:
    fragment = encode(document())
    middle = len(fragment) // 2
    return fragment[:middle] + ("A" if fragment[middle] != "A" else "B") + fragment[middle + 1 :]


def truncated_link() -> str:
    """A link cut short by about 30 characters, at a whole base64 quantum (other cuts are bad characters)."""
    link = encode(document())
    body = link[3:]
    return link[:3] + body[: ((len(body) - 30) // 4) * 4]


BAD_LINKS = [
    ("empty", "", "ingen svar"),
    ("hash-only", "#", "ingen svar"),
    ("no-tag", "hei-og-hopp", "ikke en delingslenke"),
    ("newer-format", "v2.abcdef", "nyere versjon"),
    ("bad-characters", "v1.abc+/def==", "ugyldige tegn"),
    ("impossible-length", "v1.abcde", "ugyldige tegn"),
    (
        "not-zlib",
        "v1." + base64.urlsafe_b64encode(b"dette er ikke komprimert").rstrip(b"=").decode(),
        "kan ikke pakkes ut",
    ),
    ("truncated", truncated_link(), "avkortet"),
    ("trailing-data", encode(document()) + base64.urlsafe_b64encode(b"\x00\x00\x00").decode(), "skadet"),
    ("too-long", "v1." + "A" * MAX_LINK_CHARS, "for lang"),
    ("bomb", pack(b" " * (MAX_IMPORT_BYTES * 2)), "mer enn en svarfil"),
    ("not-json", pack(b"ikke json"), "ikke gyldig JSON"),
    ("not-utf8", pack(b"\xff\xfe{}"), "UTF-8"),
    (
        "other-checklist",
        encode({**document(), "checklist": {**document()["checklist"], "id": "partnerskapsavtale"}}),
        "gjelder sjekklisten «partnerskapsavtale»",
    ),
]


@pytest.mark.parametrize("fragment,message", [case[1:] for case in BAD_LINKS], ids=[case[0] for case in BAD_LINKS])
def test_bad_links_are_refused_with_a_clear_message(fragment, message) -> None:
    with pytest.raises(ImportProblem) as caught:
        decode(fragment, definition())
    assert message in str(caught.value)


def test_tampered_link_is_refused() -> None:
    with pytest.raises(ImportProblem, match=r"[Ll]enken"):
        decode(tampered(), definition())


def test_bomb_fits_in_a_link_but_is_not_inflated_beyond_the_limit() -> None:
    bomb = pack(b" " * (MAX_IMPORT_BYTES * 2))
    assert len(bomb) < MAX_LINK_CHARS


HOSTILE = [
    ("script-in-note", ["answers", "forste", "note"], "<script>alert(1)</script>"),
    ("img-onerror-name", ["walkthrough", "name"], '<img src=x onerror="alert(1)">'),
    ("javascript-url", ["answers", "forste", "owner_name"], "javascript:alert(1)"),
    ("script-in-participants", ["walkthrough", "participants"], "<svg onload=alert(1)>"),
    ("unknown-field", ["answers", "forste", "onclick"], "x"),
]


@pytest.mark.parametrize("path,value", [case[1:] for case in HOSTILE], ids=[case[0] for case in HOSTILE])
def test_hostile_content_is_refused_as_on_import(path, value) -> None:
    doc = document()
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(ImportProblem) as caught:
        decode(encode(doc), definition())
    message = str(caught.value)
    assert message.startswith("Svarene i lenken kan ikke åpnes.")
    assert "skript eller aktivt HTML-innhold" in message or "ukjente felter" in message
