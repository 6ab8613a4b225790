// Runs the engine's test modules inside Pyodide (the pinned npm package) under Node, offline.
// Usage: node run_engine_tests.mjs WHEEL TEST_DIR
// Loads the engine from the same wheel the site ships, then runs every test_* function of
// every test_*.py in TEST_DIR with a small pytest stand-in (pytest itself is not in Pyodide's core).
// Prints one JSON line with the results; exits 1 on any failure.
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadPyodide } from "pyodide";

const [wheelPath, testDir] = process.argv.slice(2);
const pyodide = await loadPyodide({ stdout: () => {}, stderr: (line) => process.stderr.write(line + "\n") });
pyodide.unpackArchive(new Uint8Array(readFileSync(resolve(wheelPath))), "wheel");
pyodide.FS.mkdirTree("/tests");
for (const name of readdirSync(testDir)) {
  if (name.endsWith(".py") || name.endsWith(".json"))
    pyodide.FS.writeFile(`/tests/${name}`, new Uint8Array(readFileSync(join(testDir, name))));
}
// Every module the wheel ships must import here: the browser has nothing else.
const shipped = pyodide.runPython(`
import importlib, importlib.util, json, pathlib, traceback
root = pathlib.Path(importlib.util.find_spec("partnerskap").origin).parent
names = sorted(".".join(("partnerskap", *p.relative_to(root).with_suffix("").parts)).removesuffix(".__init__") for p in root.rglob("*.py"))
failed = {}
for name in names:
    try:
        importlib.import_module(name)
    except Exception:
        failed[name] = traceback.format_exc(limit=3)
json.dumps({"modules": names, "failed": failed})
`);
const runner = readFileSync(new URL("./runner.py", import.meta.url), "utf8");
pyodide.runPython(runner);
const result = JSON.parse(pyodide.runPython("run_all('/tests')"));
result.imports = JSON.parse(shipped);
for (const [name, trace] of Object.entries(result.imports.failed)) result.failed.push(`import ${name}\n${trace}`);
console.log(JSON.stringify(result));
process.exit(result.failed.length === 0 && result.passed > 0 ? 0 : 1);
