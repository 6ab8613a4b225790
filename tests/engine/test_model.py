"""The model and defaults import with the standard library only (runs under CPython and Pyodide)."""

from __future__ import annotations

import sys

from partnerskap import model


def test_engine_imports_without_third_party_packages() -> None:
    import partnerskap.model  # noqa: F401

    assert "yaml" not in sys.modules or sys.platform != "emscripten"
    assert "markdown" not in sys.modules or sys.platform != "emscripten"


def test_default_scales() -> None:
    labels = {name: [o.label for o in scale.options] for name, scale in model.DEFAULT_SCALES.items()}
    assert labels["vurdering"] == ["Ja", "Delvis", "Nei", "Ikke aktuelt"]
    assert labels["fremdrift"] == ["Ikke startet", "Pågår", "Ferdig", "Ikke aktuelt"]
    assert labels["skala6"] == ["1", "2", "3", "4", "5", "6"]
    assert model.DEFAULT_SCALES["skala6"].min_label.startswith("Svært lite fornøyd")


def test_item_hash_depends_on_wording() -> None:
    scale = model.DEFAULT_SCALES["vurdering"]
    a = model.item_hash(model.Item(id="a", text="Er partene enige?"), scale)
    b = model.item_hash(model.Item(id="b", text="Er partene enige?"), scale)
    c = model.item_hash(model.Item(id="a", text="Er partene uenige?"), scale)
    assert a == b != c
