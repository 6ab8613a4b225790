"""The model and defaults import with the standard library only (runs under CPython and Pyodide)."""

from __future__ import annotations

import sys

from partnerskap import model


def test_engine_imports_without_third_party_packages() -> None:
    """A fresh interpreter that imports the model and the whole engine loads no third-party module."""
    probe = (
        "import sys, pkgutil, importlib, partnerskap.model, partnerskap.engine as e\n"
        "for m in pkgutil.iter_modules(e.__path__): importlib.import_module('partnerskap.engine.' + m.name)\n"
        "print(sorted({n.split('.')[0] for n in sys.modules} & {'yaml', 'markdown', 'jinja2', 'mkdocs', 'pymdownx'}))"
    )
    if sys.platform == "emscripten":  # no subprocess there, and none of those packages exist to import
        exec(probe, {})
        return
    import subprocess

    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


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
