"""The real MkDocs build: generated checklist pages and JSON, Pyodide served from the site, nothing from elsewhere."""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
import zipfile
from pathlib import Path

import pytest
import xlsxwriter
from helpers import VALID_CHECKLIST

from partnerskap import __version__
from partnerskap.pyodide_lock import pinned_wheels
from partnerskap.wheel import build_wheel

ROOT = Path(__file__).resolve().parents[2]
CHECKLIST_IDS = sorted(p.stem for p in (ROOT / "checklists").glob("*.yml"))


@pytest.mark.slow
def test_checklist_pages_and_json_exist(built_site: Path) -> None:
    index = json.loads((built_site / "sjekklister" / "index.json").read_text(encoding="utf-8"))
    assert sorted(entry["id"] for entry in index) == CHECKLIST_IDS
    for entry in index:
        page = (built_site / entry["url"] / "index.html").read_text(encoding="utf-8")
        assert 'class="pv-item"' in page and "<legend" in page
        definition = json.loads((built_site / entry["definition"]).read_text(encoding="utf-8"))
        assert definition["id"] == entry["id"] and definition["version"] == entry["version"]
    overview = (built_site / "sjekklister" / "index.html").read_text(encoding="utf-8")
    for checklist_id in CHECKLIST_IDS:
        assert f'href="{checklist_id}/"' in overview


@pytest.mark.slow
def test_checklists_are_in_the_navigation(built_site: Path) -> None:
    start = (built_site / "index.html").read_text(encoding="utf-8")
    for checklist_id in CHECKLIST_IDS:
        assert f'href="sjekklister/{checklist_id}/"' in start


@pytest.mark.slow
def test_pyodide_and_engine_are_served_by_the_site(built_site: Path) -> None:
    version = json.loads((ROOT / "package.json").read_text())["devDependencies"]["pyodide"]
    runtime = built_site / "assets" / "pyodide" / version
    manifest = json.loads((built_site / "assets" / "engine" / "manifest.json").read_text())
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", manifest["stdlib"]):
        assert (runtime / name).is_file(), name
    # Neither the 357-package lock file nor the 559-module stdlib is shipped.
    assert sorted(path.name for path in runtime.iterdir() if not path.name.endswith((".gz", ".br"))) == sorted(
        ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", manifest["stdlib"]]
    )
    wheel = built_site / "assets" / "engine" / manifest["wheel"]
    lock = json.loads((built_site / "assets" / "engine" / "pyodide-lock.json").read_text())
    stock = json.loads((ROOT / "node_modules" / "pyodide" / "pyodide-lock.json").read_text())
    assert lock["info"] == stock["info"]
    assert lock["packages"] == {
        "partnerskap": {
            "name": "partnerskap",
            "version": __version__,
            "file_name": manifest["wheel"],
            "install_dir": "site",
            "sha256": hashlib.sha256(wheel.read_bytes()).hexdigest(),
            "package_type": "package",
            "imports": ["partnerskap"],
            "depends": [],
        },
        # Loaded on demand (the first Excel export, or the idle warm-up): PyPI's own file, byte for byte.
        "xlsxwriter": {
            "name": "xlsxwriter",
            "version": xlsxwriter.__version__,
            "file_name": f"xlsxwriter-{xlsxwriter.__version__}-py3-none-any.whl",
            "install_dir": "site",
            "sha256": pinned_wheels()["xlsxwriter"][1],
            "package_type": "package",
            "imports": ["xlsxwriter"],
            "depends": [],
        },
    }
    shipped = built_site / "assets" / "engine" / lock["packages"]["xlsxwriter"]["file_name"]
    assert hashlib.sha256(shipped.read_bytes()).hexdigest() == lock["packages"]["xlsxwriter"]["sha256"]
    assert manifest["pyodide"] == json.loads((ROOT / "package.json").read_text())["devDependencies"]["pyodide"]


@pytest.mark.slow
def test_the_browser_engine_wheel_holds_compiled_modules_only(built_site: Path) -> None:
    """Importing the engine in the browser compiles nothing: every module of the source wheel is
    there as a .pyc (compiled by the pinned Pyodide), and no source is."""
    manifest = json.loads((built_site / "assets" / "engine" / "manifest.json").read_text())
    with zipfile.ZipFile(built_site / "assets" / "engine" / manifest["wheel"]) as wheel:
        names = wheel.namelist()
        magic = {wheel.read(name)[:4] for name in names if name.endswith(".pyc")}
    with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(build_wheel(Path(tmp))) as source:
        sources = [name for name in source.namelist() if name.endswith(".py")]
    modules = [name for name in names if not name.startswith("partnerskap-")]
    assert sources and sorted(modules) == sorted(f"{name}c" for name in sources)
    # One magic number: Pyodide's own (the site's CPython may be another version).
    assert len(magic) == 1


@pytest.mark.slow
def test_engine_worker_and_service_worker_name_the_same_engine_cache(built_site: Path) -> None:
    """On a first visit the engine worker keeps its downloads in the cache the service worker
    serves them from on the next visit: both take its name from the same build value."""
    manifest = json.loads((built_site / "assets" / "engine" / "manifest.json").read_text())
    first_line = (built_site / "sw.js").read_text(encoding="utf-8").splitlines()[0]
    release = json.loads(first_line.removeprefix("const RELEASE = ").removesuffix(";"))
    assert manifest["cache"] == release["engineCache"] == f"engine:{release['id']}"
    assert "assets/engine/manifest.json" in release["engine"]


@pytest.mark.slow
def test_checklist_pages_start_the_engine_from_the_head(built_site: Path) -> None:
    """The engine starts from the head of a checklist page (before the page is parsed), with its
    two imports preloaded; other pages start nothing."""
    start = 'src="../../assets/javascripts/checklist/engine-start.js"'
    page = (built_site / "sjekklister" / "partnerskapsavtale" / "index.html").read_text(encoding="utf-8")
    head = page.split("</head>")[0]
    assert f'<script type="module" async {start}></script>' in head
    for name in ("engine-client.js", "offline.js"):
        assert f'<link rel="modulepreload" href="../../assets/javascripts/checklist/{name}">' in head
    others = [built_site / "om-partnerskapet" / "index.html", built_site / "index.html"]
    others.append(built_site / "sjekklister" / "partnerskapsavtale" / "sammenstill" / "index.html")
    for other in others:
        assert "engine-start.js" not in other.read_text(encoding="utf-8"), other


@pytest.mark.slow
def test_site_language_and_search(built_site: Path) -> None:
    page = (built_site / "om-partnerskapet" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nb"' in page
    config = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    assert config["lang"] == ["no"]


EXTERNAL = re.compile(r"""(?:src|href)=["'](?:https?:)?//(?!127\.0\.0\.1)[^"']+["']""")


@pytest.mark.slow
def test_no_page_loads_from_another_origin(built_site: Path) -> None:
    """Scripts, styles, fonts and images come from the site itself (plain links to other sites are fine)."""
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|iframe|source|video|audio)\b[^>]*>", html):
            if tag.startswith("<link") and re.search(r'rel="?(?:canonical|alternate)', tag):
                continue
            assert not EXTERNAL.search(tag), f"{page}: {tag}"
    for css in built_site.rglob("*.css"):
        assert not re.search(r"url\((?:[\"']?)(?:https?:)?//", css.read_text(encoding="utf-8")), css


@pytest.mark.slow
def test_content_error_stops_the_strict_build(tmp_path: Path) -> None:
    """A YAML mistake makes `mkdocs build --strict` fail with file and line (run on a copy of the project)."""
    from helpers import mkdocs_build, project_copy

    copy = project_copy(tmp_path / "project")
    broken = VALID_CHECKLIST.replace("type: number", "type: nummer").replace(
        "side.md#medbestemmelse", "om-partnerskapet.md"
    )
    (copy / "checklists" / "eksempel.yml").write_text(broken, encoding="utf-8")
    run = mkdocs_build(copy, tmp_path / "out")
    assert run.returncode != 0
    line = broken[: broken.index("type: nummer")].count("\n") + 1
    assert f"checklists/eksempel.yml:{line} (punkt «antall»): Ukjent type «nummer»." in run.stderr
    assert "Mente du «number»?" in run.stderr


def test_each_abbreviation_is_explained_once_per_page(built_site: Path) -> None:
    import re

    explained = 0
    for page in built_site.rglob("index.html"):
        terms = re.findall(r"<abbr [^>]*>([^<]+)</abbr>", page.read_text(encoding="utf-8"))
        assert len(terms) == len(set(terms)), f"{page.relative_to(built_site)}: {sorted(terms)}"
        explained += len(terms)
    assert explained > 20  # the glossary terms are still explained where they first appear
