"""What scripts/bench adds to a build: the bare Pyodide page and generated checklists."""

from __future__ import annotations

import re
from pathlib import Path

BARE_PAGE = """<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Ren Pyodide</title>
<script type="module" src="bare.js"></script></head><body><p>Ren Pyodide-oppstart.</p></body></html>
"""
# Timed like the engine: from navigation start (performance.now() in the page) to "ready".
BARE_SCRIPT = """const worker = new Worker(new URL("./bare-worker.js", import.meta.url), { type: "module" });
worker.onmessage = () => { window.bareReady = performance.now(); };
"""


# Checks what CDP's CPU throttling slows: the same busy loop on the page's main thread and in a worker.
SPIN_PAGE = """<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Struping</title>
<script type="module" src="spin.js"></script></head><body><p>Struping.</p></body></html>
"""
SPIN_LOOP = "let x = 0; const t0 = performance.now(); for (let i = 0; i < 2e7; i++) x += Math.sqrt(i);"
SPIN_SCRIPT = f"""{SPIN_LOOP}
window.mainSpin = performance.now() - t0;
const worker = new Worker(new URL("./spin-worker.js", import.meta.url));
worker.onmessage = (event) => {{ window.workerSpin = event.data; }};
"""
SPIN_WORKER = f"{SPIN_LOOP}\npostMessage(performance.now() - t0 + x * 0);\n"


def bare_worker(version: str) -> str:
    """A module worker that only calls loadPyodide: same self-hosted runtime, Pyodide's stock stdlib and lock file."""
    return f"""const indexURL = new URL("../assets/pyodide/{version}/", import.meta.url).href;
const stock = new URL("./stock/", import.meta.url).href;
const {{ loadPyodide }} = await import(`${{indexURL}}pyodide.mjs`);
await loadPyodide({{ indexURL, stdLibURL: `${{stock}}python_stdlib.zip`, lockFileURL: `${{stock}}pyodide-lock.json` }});
self.postMessage("ready");
"""


def big_checklist(checklist_id: str, items: int, per_section: int = 20) -> str:
    """A valid checklist with ``items`` items of every type, in sections of ``per_section``."""
    lines = [
        f"id: {checklist_id}",
        f"title: Målesjekkliste med {items} punkter",
        'version: "1.0"',
        "changelog:",
        '  - version: "1.0"',
        "    date: 2026-11-30",
        "    text: Laget av scripts/bench.",
        "source:",
        "  title: Målesjekkliste",
        "  publisher: Partnerskapsverktøyet",
        "  year: 2026",
        "audience: [fylkesdirektor, kommunedirektor, nav-leder]",
        "intro: Laget av scripts/bench for å måle lange sjekklister.",
        "sections:",
    ]
    for number in range(items):
        if number % per_section == 0:
            section = number // per_section + 1
            lines += [f"  - id: del-{section}", f'    title: "{section}.0 Del {section}"', "    items:"]
        lines += [f"      - id: punkt-{number + 1}", f"        text: Er punkt {number + 1} på plass?"]
        kind = number % 10
        if kind == 7:
            lines += ["        type: number", "        min: 0"]
        elif kind == 8:
            lines += ["        type: text"]
        elif kind == 9:
            lines += ["        type: choice", "        options: [Enig, Uenig, Ikke tatt stilling]"]
        lines += [f"        guidance: Veiledning til punkt {number + 1}."]
    return "\n".join(lines) + "\n"


def copies(source: Path, count: int) -> dict[str, str]:
    """``count`` copies of a checklist file under new ids (file name → YAML)."""
    text = source.read_text(encoding="utf-8")
    original = re.search(r"^id: (\S+)$", text, re.MULTILINE)
    assert original is not None, source
    result = {}
    for number in range(1, count + 1):
        new_id = f"{original.group(1)}-kopi-{number}"
        copy = re.sub(r"^id: \S+$", f"id: {new_id}", text, count=1, flags=re.MULTILINE)
        copy = re.sub(r"^title: (.+)$", rf"title: \1 (kopi {number})", copy, count=1, flags=re.MULTILINE)
        result[f"{new_id}.yml"] = copy
    return result
