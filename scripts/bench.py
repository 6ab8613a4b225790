"""Benchmark: the performance figures of PRODUCT.md §6 and issue 13, from one run in one browser.

Not part of the test suite (timings vary by machine); run on demand with ``scripts/bench``. It
builds the site, serves it with the project's own nginx configuration (partnerskap.nginx), drives
Debian's Chromium with Playwright and writes the table to bench-results/latest.md and docs/ytelse.md.
Every browser measurement uses a fresh profile (Playwright's contexts keep their cache in memory,
like a guest or incognito window). Byte counts are what nginx logged as sent, headers included.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_pages import (  # noqa: E402
    BARE_PAGE,
    BARE_SCRIPT,
    SPIN_PAGE,
    SPIN_SCRIPT,
    SPIN_WORKER,
    bare_worker,
    big_checklist,
    copies,
)
from bench_report import report  # noqa: E402

from partnerskap.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from partnerskap.engine.exports import EXPORTERS  # noqa: E402
from partnerskap.engine.rules import checklist_url, definition_path  # noqa: E402
from partnerskap.nginx import NginxSite  # noqa: E402
from partnerskap.precompress import precompress  # noqa: E402

BIG = "bench-2000"
WAIT_ENGINE = "() => document.getElementById('pv-app')?.dataset.pvProgress !== undefined"
READY_FROM_NAVIGATION = "() => performance.getEntriesByName('pv-engine-ready')[0].startTime"
TIMEOUT = 180_000
# The service worker controls the page and keeps it and its scripts, styles and definition. Polled:
# wait_for_function takes a returned promise as truthy at once, so each poll reads the look-up the
# one before started.
FIRST_VISIT_KEPT = """() => {
  const poll = (window.pvFirstVisitKept ??= { state: "idle" });
  if (poll.state === "pending") return false;
  const done = poll.state === "yes";
  poll.state = "pending";
  (async () => {
    if (!navigator.serviceWorker.controller) return false;
    const files = performance.getEntriesByType("resource").map((entry) => entry.name.split(/[?#]/)[0]);
    const own = files.filter((url) => url.startsWith(location.origin) && /[.](js|css|json)$/.test(url));
    for (const url of [location.href, ...own]) if (!(await caches.match(url, { ignoreVary: true }))) return false;
    return true;
  })().then((kept) => { poll.state = kept ? "yes" : "no"; }, () => { poll.state = "no"; });
  return done;
}"""


def build(project: Path, out: Path, site_url: str | None = None, cache: Path | None = None) -> float:
    """``mkdocs build --strict`` of ``project``; returns the seconds it took."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    if cache:
        env["PARTNERSKAP_CACHE"] = str(cache)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)]
    start = time.perf_counter()
    run = subprocess.run(command, cwd=project, capture_output=True, text=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    if run.returncode != 0:
        raise SystemExit(run.stderr[-3000:])
    return elapsed


def project_copy(target: Path, extra: dict[str, str]) -> Path:
    """The project's sources with extra checklists (file name → YAML), to build for a measurement."""
    ignore = shutil.ignore_patterns(".venv", "node_modules", "site", ".git", "tests", "bench-results", "__pycache__")
    shutil.copytree(ROOT, target, ignore=ignore)
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    for name, text in extra.items():
        (target / "checklists" / name).write_text(text, encoding="utf-8")
    return target


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
        if block in config:
            start, end = config.index(block), config.index(following)
            config = config[:start] + config[end:]
    config = config[: re.search(r"^(not_in_nav|nav):", config, re.MULTILINE).start()]  # every page, in file order
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project


def bench_build(runs: int, work: Path) -> dict[str, float]:
    """Our build against Material alone, both on a warm cache (medians), and our build on a cold cache."""
    plain = material_only_project(work)
    build(ROOT, work / "warm-up")  # fills the precompression and stdlib caches
    ours, theirs = [], []
    for i in range(runs):
        ours.append(build(ROOT, work / f"ours-{i}"))
        theirs.append(build(plain, work / f"plain-{i}"))
    cold = build(ROOT, work / "cold", cache=work / "empty-cache")
    return {"ours": statistics.median(ours), "material": statistics.median(theirs), "cold": cold}


def add_bare_page(site_dir: Path) -> None:
    """bench/: a page whose module worker only calls loadPyodide, with Pyodide's stock stdlib and lock file."""
    pyodide = ROOT / "node_modules" / "pyodide"
    version = json.loads((pyodide / "package.json").read_text(encoding="utf-8"))["version"]
    bench = site_dir / "bench"
    bench.mkdir()
    (bench / "bare.html").write_text(BARE_PAGE, encoding="utf-8")
    (bench / "bare.js").write_text(BARE_SCRIPT, encoding="utf-8")
    (bench / "bare-worker.js").write_text(bare_worker(version), encoding="utf-8")
    for name, text in (("spin.html", SPIN_PAGE), ("spin.js", SPIN_SCRIPT), ("spin-worker.js", SPIN_WORKER)):
        (bench / name).write_text(text, encoding="utf-8")
    stock = bench / "stock"
    stock.mkdir()
    for name in ("python_stdlib.zip", "pyodide-lock.json"):
        shutil.copyfile(pyodide / name, stock / name)
    precompress(bench)  # served like the site's own files (cached by content hash)


class Browser:
    """Debian's Chromium, one fresh profile per measurement."""

    def __init__(self, playwright: object) -> None:
        self.browser = playwright.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))  # type: ignore[attr-defined]

    def page(self, throttle: float = 1):
        context = self.browser.new_context()
        page = context.new_page()
        if throttle != 1:
            # Slows the page's main thread only: Chromium does not apply it to workers (see report).
            context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": throttle})
        return context, page


def sent(server: NginxSite, position: int) -> dict[str, int]:
    entries = server.sent_since(position)
    return {
        "bytes": sum(e[1] for e in entries),
        "body": sum(e[2] for e in entries),
        "requests": len(entries),
        "not_modified": sum(1 for e in entries if e[0] == 304),
    }


def bare_boot(browser: Browser, server: NginxSite, throttle: float = 1) -> float:
    context, page = browser.page(throttle)
    page.goto(server.url + "bench/bare.html")
    page.wait_for_function("() => window.bareReady !== undefined", timeout=TIMEOUT)
    ready = page.evaluate("window.bareReady")
    context.close()
    return ready


def spin(browser: Browser, server: NginxSite, throttle: float) -> tuple[float, float]:
    """The same busy loop on the main thread and in a worker: what does CPU throttling slow?"""
    context, page = browser.page(throttle)
    page.goto(server.url + "bench/spin.html")
    page.wait_for_function("() => window.workerSpin !== undefined", timeout=TIMEOUT)
    result = page.evaluate("[window.mainSpin, window.workerSpin]")
    context.close()
    return result[0], result[1]


def checklist_visits(
    browser: Browser, server: NginxSite, url: str, throttle: float = 1, repeat: bool = True
) -> dict[str, float]:
    """Engine ready from navigation and bytes sent: a first visit, then a repeat visit in the same profile."""
    context, page = browser.page(throttle)
    page.add_init_script(
        """document.addEventListener('DOMContentLoaded', () => {
             const t0 = performance.now();
             document.querySelector('fieldset[data-pv-item] input[type=radio]').click();
             const saved = Object.keys(localStorage).some((key) => key.includes(':svar:'));
             window.answerSaved = saved ? performance.now() - t0 : null;
           });"""
    )
    position = server.log_position()
    page.goto(url)
    page.wait_for_function(WAIT_ENGINE, timeout=TIMEOUT)
    # The first visit is complete once the engine has loaded its idle warm-up (XlsxWriter, kept for
    # offline use) and the service worker keeps the page for offline use.
    page.wait_for_function("() => performance.getEntriesByName('pv-engine-warm').length > 0", timeout=TIMEOUT)
    page.wait_for_function(FIRST_VISIT_KEPT, timeout=TIMEOUT)
    page.wait_for_load_state("networkidle")
    first = sent(server, position)
    result = {"first_ready": page.evaluate(READY_FROM_NAVIGATION), "answer_saved": page.evaluate("window.answerSaved")}
    result.update({f"first_{key}": value for key, value in first.items()})
    if not repeat:
        context.close()
        return result
    again = context.new_page()
    if throttle != 1:
        context.new_cdp_session(again).send("Emulation.setCPUThrottlingRate", {"rate": throttle})
    position = server.log_position()
    again.goto(url)
    again.wait_for_function(WAIT_ENGINE, timeout=TIMEOUT)
    again.wait_for_load_state("networkidle")
    result["repeat_ready"] = again.evaluate(READY_FROM_NAVIGATION)
    result.update({f"repeat_{key}": value for key, value in sent(server, position).items()})
    context.close()
    return result


ANSWER_ALL = """async ({definitionUrl}) => {
  const definition = await (await fetch(definitionUrl)).json();
  const answers = {};
  for (const section of definition.sections)
    for (const item of section.items) {
      const scale = item.scale ? definition.scales[item.scale] : null;
      const value = scale ? scale.options[0].value
        : item.type === 'choice' ? item.options[0] : item.type === 'number' ? 1 : 'Svar';
      answers[item.id] = { value, note: 'Notat', hash: item.hash };
    }
  return answers;
}"""
TIME_CALL = """async ({engineUrl, method, args}) => {
  const engine = await import(engineUrl);
  const t0 = performance.now();
  await engine.call(method, args);
  return performance.now() - t0;
}"""
PROGRESS_AFTER_CLICK = """async (index) => {
  const radios = [...document.querySelectorAll('fieldset[data-pv-item]')][index].querySelectorAll('input[type=radio]');
  const app = document.getElementById('pv-app');
  const before = app.dataset.pvProgress;
  const t0 = performance.now();
  radios[0].click();
  await new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (app.dataset.pvProgress !== before) { observer.disconnect(); resolve(); }
    });
    observer.observe(app, { attributes: true });
  });
  return performance.now() - t0;
}"""


def big_checklist_figures(browser: Browser, server: NginxSite) -> dict[str, object]:
    """A 2000-item checklist: progress after a click (shown on the page), the engine's progress call, exports."""
    context, page = browser.page()
    page.goto(server.url + checklist_url(BIG))
    page.wait_for_function(WAIT_ENGINE, timeout=TIMEOUT)
    clicks = [page.evaluate(PROGRESS_AFTER_CLICK, index) for index in range(0, 2000, 170)]
    answers = page.evaluate(ANSWER_ALL, {"definitionUrl": server.url + definition_path(BIG)})
    engine_url = server.url + "assets/javascripts/checklist/engine-client.js"
    progress = [
        page.evaluate(
            TIME_CALL, {"engineUrl": engine_url, "method": "progress", "args": {"checklist": BIG, "answers": answers}}
        )
        for _ in range(5)
    ]
    exports = {}
    for kind in EXPORTERS:
        args = {
            "checklist": BIG,
            "kind": kind,
            "walkthrough": {"id": "bench", "name": "Benchmark"},
            "answers": answers,
            "archived": {},
            "today": "2026-11-30",
        }
        exports[kind] = page.evaluate(TIME_CALL, {"engineUrl": engine_url, "method": "export", "args": args})
    context.close()
    return {"click": statistics.median(clicks), "progress": statistics.median(progress), "exports": exports}


def guidance_bytes(browser: Browser, server: NginxSite) -> tuple[int, int]:
    """Bytes a guidance page sends: in all, and for checklist code (checklist.js and its modules)."""
    context, page = browser.page()
    position = server.log_position()
    page.goto(server.url + "om-partnerskapet/")
    page.wait_for_load_state("networkidle")
    context.close()
    entries = server.sent_since(position)
    checklist_code = [e for e in entries if "/assets/javascripts/checklist" in e[3] and "on-demand" not in e[3]]
    return sum(e[1] for e in entries), sum(e[1] for e in checklist_code)


def serve(site_dir: Path, work: Path) -> NginxSite:
    return NginxSite(site_dir, work)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from partnerskap.project import load_project

    real = load_project(ROOT / "checklists", ROOT / "docs", ROOT).checklists
    checklist = max(real.values(), key=lambda c: len(c.items())).id
    smallest = min(real.values(), key=lambda c: len(c.items())).id
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        builds = bench_build(3, work)
        sites = {}
        for extra in (0, 50, 200):
            project = project_copy(work / f"project-{extra}", {f"{BIG}.yml": big_checklist(BIG, 2000)})
            if extra:
                for name, text in copies(ROOT / "checklists" / f"{smallest}.yml", extra).items():
                    (project / "checklists" / name).write_text(text, encoding="utf-8")
            sites[len(real) + 1 + extra] = project
        servers: dict[int, NginxSite] = {}
        try:
            for count, project in sites.items():
                site_dir = work / f"site-{count}"
                build(project, site_dir)
                add_bare_page(site_dir)
                servers[count] = serve(site_dir, work / f"nginx-{count}")
            main_count = min(servers)
            server = servers[main_count]
            url = server.url + checklist_url(checklist)
            runs: dict[str, list] = {}
            with sync_playwright() as playwright:
                browser = Browser(playwright)
                for _ in range(args.runs):
                    # Paired and alternating, so drift on the machine hits both sides alike.
                    runs.setdefault("bare", []).append(bare_boot(browser, server))
                    for key, value in checklist_visits(browser, server, url).items():
                        runs.setdefault(key, []).append(value)
                    runs.setdefault("bare_4x", []).append(bare_boot(browser, server, throttle=4))
                    runs.setdefault("ready_4x", []).append(
                        checklist_visits(browser, server, url, 4, repeat=False)["first_ready"]
                    )
                    for rate in (1, 4):
                        main_thread, worker = spin(browser, server, rate)
                        runs.setdefault(f"spin_main_{rate}x", []).append(main_thread)
                        runs.setdefault(f"spin_worker_{rate}x", []).append(worker)
                big = [big_checklist_figures(browser, server) for _ in range(max(1, args.runs // 2))]
                guidance = {count: guidance_bytes(browser, servers[count]) for count in sorted(servers)}
                growth = {count: sent_bytes for count, (sent_bytes, _code) in guidance.items()}
                checklist_code = max(code for _sent, code in guidance.values())
                browser.browser.close()
        finally:
            for running in servers.values():
                running.stop()
        index_sizes = {
            count: (work / f"site-{count}" / "search" / "search_index.json").stat().st_size for count in sorted(servers)
        }
    figures = {key: statistics.median(v for v in values if v is not None) for key, values in runs.items() if values}
    figures["big"] = {
        "click": statistics.median(b["click"] for b in big),
        "progress": statistics.median(b["progress"] for b in big),
        "exports": {kind: statistics.median(b["exports"][kind] for b in big) for kind in big[0]["exports"]},
    }
    figures["growth"] = growth
    figures["guidance_checklist_code"] = checklist_code
    figures["index_sizes"] = index_sizes
    chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True, check=False)
    when = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    about = (
        f"Målt {when} med {chromium.stdout.strip()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} kjerner, nginx med prosjektets oppsett; medianer over {args.runs} runder "
        f"(«{checklist}», {len(real)} sjekklister og en med 2000 punkter)."
    )
    page, table = report(figures, builds, about, f"scripts/bench --runs {args.runs}")
    print(table)
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    (out / "latest.md").write_text(table + "\n", encoding="utf-8")
    (out / "latest.json").write_text(json.dumps({"figures": figures, "builds": builds}, indent=1), encoding="utf-8")
    (ROOT / "docs" / "ytelse.md").write_text(page, encoding="utf-8")


if __name__ == "__main__":
    main()
