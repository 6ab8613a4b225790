"""Benchmark: the figures of PRODUCT.md §6, as ratios and medians from one run in one browser.

Not part of the test suite (timings vary by machine); run on demand with ``scripts/bench``.
It builds the site, serves it on 127.0.0.1, drives Debian's Chromium with Playwright and
writes a table to bench-results/latest.md and to the docs page docs/ytelse.md.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from helpers import free_port, mkdocs_build  # noqa: E402
from server import SiteServer  # noqa: E402

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

BARE_PAGE = """<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Bare Pyodide</title></head>
<body><script type="module">
const start = performance.now();
const worker = new Worker(new URL("./bare-worker.js", import.meta.url), { type: "module" });
worker.onmessage = () => { window.bareReady = performance.now() - start; };
</script></body></html>"""
BARE_WORKER = """const manifest = await (await fetch(new URL("../assets/engine/manifest.json", import.meta.url))).json();
const indexURL = new URL(`../assets/pyodide/${manifest.pyodide}/`, import.meta.url).href;
const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
await loadPyodide({ indexURL });
self.postMessage("ready");"""


def timed_build(project: Path, out: Path, config: str | None = None) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)]
    if config:
        command += ["--config-file", config]
    start = time.perf_counter()
    run = subprocess.run(command, cwd=project, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    if run.returncode != 0:
        raise SystemExit(run.stderr[-3000:])
    return elapsed


def material_only_project(work: Path) -> Path:
    """The same Markdown (guidance pages plus the generated checklist pages) with Material and no hooks."""
    project = work / "material-only"
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(ROOT / "includes", project / "includes")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    subprocess.run(
        [sys.executable, "-m", "partnerskap", "build", str(project / "docs")], cwd=ROOT, check=True, capture_output=True
    )
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for block, following in (("hooks:", "extra_css:"), ("watch:", "markdown_extensions:")):
        start, end = config.index(block), config.index(following)
        config = config[:start] + config[end:]
    config = config[: config.index("nav:")]  # every page, in file order
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project


def bench_build(runs: int, work: Path) -> dict[str, float]:
    plain = material_only_project(work)
    ours, theirs = [], []
    for i in range(runs):
        ours.append(timed_build(ROOT, work / f"ours-{i}"))
        theirs.append(timed_build(plain, work / f"plain-{i}"))
    return {"ours": statistics.median(ours), "material": statistics.median(theirs)}


def largest_checklist() -> str:
    from partnerskap.project import load_project

    project = load_project(ROOT / "checklists", ROOT / "docs", ROOT)
    return max(project.checklists.values(), key=lambda c: len(c.items())).id


WAIT_ENGINE = "() => document.getElementById('pv-app')?.dataset.pvProgress !== undefined"


def bench_browser(site: SiteServer, runs: int, checklist: str) -> dict[str, object]:
    from playwright.sync_api import sync_playwright

    results: dict[str, list[float]] = {
        k: [] for k in ("bare", "engine", "answer_saved", "progress", "guidance_bytes", "checklist_bytes")
    }
    exports: dict[str, list[float]] = {}
    reboots: list[int] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for _ in range(runs):
            # Bare Pyodide boot and our engine's readiness, each in a fresh profile (cold cache), alternating.
            context = browser.new_context()
            page = context.new_page()
            page.goto(site.url + "bench/bare.html")
            page.wait_for_function("() => window.bareReady !== undefined", timeout=180_000)
            results["bare"].append(page.evaluate("window.bareReady"))
            context.close()

            context = browser.new_context()
            page = context.new_page()
            # Answer the first item the moment the DOM is ready, and time until it is in storage.
            page.add_init_script(
                """document.addEventListener('DOMContentLoaded', () => {
                     const t0 = performance.now();
                     const radio = document.querySelector('fieldset[data-pv-item] input[type=radio]');
                     radio.click();
                     const saved = Object.keys(localStorage).some(k => k.includes(':svar:'));
                     window.answerSaved = saved ? performance.now() - t0 : null;
                   });"""
            )
            sizes = []
            page.on("requestfinished", lambda request: sizes.append(request.sizes()["responseBodySize"]))
            page.goto(site.url + f"sjekklister/{checklist}/")
            page.wait_for_function(WAIT_ENGINE, timeout=180_000)
            page.wait_for_load_state("networkidle")
            results["checklist_bytes"].append(sum(sizes))
            saved = page.evaluate("window.answerSaved")
            results["answer_saved"].append(saved if saved is not None else float("inf"))
            results["engine"].append(
                page.evaluate("performance.measure('engine', 'pv-engine-boot', 'pv-engine-ready').duration")
            )
            # Progress latency: change an answer, wait for the engine's progress to be shown.
            for index in range(12):
                results["progress"].append(
                    page.evaluate(
                        """async (index) => {
                         const radios = [...document.querySelectorAll('fieldset[data-pv-item]')][index + 1].querySelectorAll('input[type=radio]');
                         const app = document.getElementById('pv-app');
                         const before = app.dataset.pvProgress;
                         const t0 = performance.now();
                         radios[0].click();
                         await new Promise(resolve => {
                           const observer = new MutationObserver(() => { if (app.dataset.pvProgress !== before) { observer.disconnect(); resolve(); } });
                           observer.observe(app, { attributes: true });
                         });
                         return performance.now() - t0;
                       }""",
                        index,
                    )
                )
            # Every export of the largest checklist, fully answered.
            page.evaluate(
                """() => { for (const fieldset of document.querySelectorAll('fieldset[data-pv-item]')) {
                             const radio = fieldset.querySelector('input[type=radio]');
                             if (radio) radio.click(); } }"""
            )
            for kind in ("json", "csv", "markdown", "xlsx", "referat"):
                duration = page.evaluate(
                    """async ({checklist, kind}) => {
                         const engine = await import('/assets/javascripts/checklist/engine-client.js');
                         const answers = {};
                         for (const key of Object.keys(localStorage)) if (key.includes(':svar:')) answers[key.split(':svar:')[1]] = JSON.parse(localStorage.getItem(key));
                         const t0 = performance.now();
                         await engine.call('export', { checklist, kind, walkthrough: { name: 'Benchmark' }, answers, archived: {}, today: '2026-01-01' });
                         return performance.now() - t0;
                       }""",
                    {"checklist": checklist, "kind": kind},
                )
                exports.setdefault(kind, []).append(duration)
            # Instant navigation to another checklist and back: does Pyodide boot again?
            page.evaluate("() => { window.sameDocument = true; }")
            page.get_by_role("navigation").get_by_role("link", name="Sjekklister", exact=True).first.click()
            page.wait_for_url(site.url + "sjekklister/")
            page.go_back()
            page.wait_for_function(WAIT_ENGINE, timeout=180_000)
            same = page.evaluate("window.sameDocument === true")
            reboots.append(page.evaluate("window.partnerskapEngineStats.boots") - 1 if same else -1)
            context.close()

            context = browser.new_context()
            page = context.new_page()
            sizes = []
            pyodide = []
            page.on("requestfinished", lambda request: sizes.append(request.sizes()["responseBodySize"]))
            page.on("request", lambda request: "/assets/pyodide/" in request.url and pyodide.append(request.url))
            page.goto(site.url + "om-partnerskapet/")
            page.wait_for_load_state("networkidle")
            results["guidance_bytes"].append(sum(sizes))
            results.setdefault("guidance_pyodide_requests", []).append(len(pyodide))
            context.close()
        browser.close()
    summary: dict[str, object] = {key: statistics.median(values) for key, values in results.items()}
    summary["exports"] = {kind: statistics.median(values) for kind, values in exports.items()}
    summary["reboots"] = max(reboots)
    summary["progress_samples"] = len(results["progress"])
    return summary


def ms(value: float) -> str:
    return f"{value:.0f} ms" if value < 10_000 else f"{value / 1000:.1f} s"


def report(build: dict[str, float], browser: dict, runs: int, checklist: str) -> str:
    ratio_engine = browser["engine"] / browser["bare"]
    ratio_build = build["ours"] / build["material"]
    slowest_export = max(browser["exports"].values())
    rows = [
        ("Svar lagret etter DOMContentLoaded", ms(browser["answer_saved"]), "≤ 100 ms", browser["answer_saved"] <= 100),
        (
            "Motoren klar / ren Pyodide-oppstart",
            f"{ratio_engine:.2f} ({ms(browser['engine'])} / {ms(browser['bare'])})",
            "≤ 1,15",
            ratio_engine <= 1.15,
        ),
        ("Fremdrift oppdatert etter endring (median)", ms(browser["progress"]), "≤ 50 ms", browser["progress"] <= 50),
        (
            "Pyodide-forespørsler på en veiledningsside",
            f"{browser['guidance_pyodide_requests']:.0f}",
            "0",
            browser["guidance_pyodide_requests"] == 0,
        ),
        (
            "Bytes: veiledningsside / sjekklisteside",
            f"{browser['guidance_bytes'] / 1024:.0f} KiB / {browser['checklist_bytes'] / 1024 / 1024:.1f} MiB",
            "(informasjon)",
            True,
        ),
        (
            "Ny Pyodide-oppstart ved direktenavigering",
            "nei" if browser["reboots"] == 0 else ("ja" if browser["reboots"] > 0 else "full sidelasting"),
            "nei",
            browser["reboots"] == 0,
        ),
        (
            "Bygg: vårt / bare Material (samme Markdown)",
            f"{ratio_build:.2f} ({build['ours']:.1f} s / {build['material']:.1f} s)",
            "≤ 2",
            ratio_build <= 2,
        ),
        (
            f"Tregeste eksport av «{checklist}»",
            f"{ms(slowest_export)} ({', '.join(f'{k} {v:.0f}' for k, v in browser['exports'].items())} ms)",
            "≤ 500 ms",
            slowest_export <= 500,
        ),
    ]
    when = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True).stdout.strip()
    lines = [
        "| Måling | Resultat | Krav | Oppfylt |",
        "|---|---|---|---|",
        *[f"| {name} | {value} | {bar} | {'ja' if ok else '**nei**'} |" for name, value, bar, ok in rows],
        "",
        f"Målt {when} med {chromium}, Python {platform.python_version()}, {os.cpu_count()} kjerner; "
        f"medianer over {runs} runder (fremdrift: {browser['progress_samples']} endringer).",
    ]
    return "\n".join(lines)


PAGE = """---
description: Målte ytelsestall for Partnerskapsverktøyet, og hvordan du måler dem selv.
---

# Ytelse

Tallene under er målt med skriptet `scripts/bench` i en ekte nettleser (Chromium), i én og
samme kjøring. Forholdstall sammenligner med det samme målt i samme nettleser, slik at
tallene sier noe også på en annen maskin.

## Siste måling { #siste-maling }

{table}

## Slik måler du selv { #slik-maler-du }

```sh
scripts/test    # installerer det som trengs (første gang)
scripts/bench   # bygger, måler og skriver denne siden på nytt
```

Hva som måles:

- **Svar lagret:** tiden fra sidens `DOMContentLoaded` til et klikket svar ligger i nettleserens lagring, før Python er lastet.
- **Motoren klar:** tiden fra motoren startes til den har lastet sjekklisten, delt på tiden en ren Pyodide-oppstart tar i samme nettleser.
- **Fremdrift:** tiden fra et svar endres til fremdriften på siden er oppdatert av motoren.
- **Bytes:** alt en side laster ned, uten hurtigbuffer. Veiledningssider laster ingenting av Pyodide.
- **Direktenavigering:** om Pyodide startes på nytt når du går fra sjekkliste til sjekkliste.
- **Bygg:** hele nettstedet med sjekklistene, delt på Material alene med den samme Markdown-teksten.
- **Eksport:** hvert eksportformat for den største sjekklisten, helt utfylt.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        build = bench_build(3, work)
        port = free_port()
        site_dir = work / "site"
        run = mkdocs_build(ROOT, site_dir, site_url=f"http://127.0.0.1:{port}/")
        if run.returncode != 0:
            raise SystemExit(run.stderr[-3000:])
        (site_dir / "bench").mkdir()
        (site_dir / "bench" / "bare.html").write_text(BARE_PAGE, encoding="utf-8")
        (site_dir / "bench" / "bare-worker.js").write_text(BARE_WORKER, encoding="utf-8")
        site = SiteServer(site_dir, port=port)
        checklist = largest_checklist()
        try:
            browser = bench_browser(site, args.runs, checklist)
        finally:
            site.stop()
    table = report(build, browser, args.runs, checklist)
    print(table)
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    (out / "latest.md").write_text(table + "\n", encoding="utf-8")
    (ROOT / "docs" / "ytelse.md").write_text(PAGE.replace("{table}", table), encoding="utf-8")


if __name__ == "__main__":
    main()
