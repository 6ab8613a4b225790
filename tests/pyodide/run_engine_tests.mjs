// Runs the engine's test modules with the real pytest inside Pyodide (the pinned npm package)
// under Node. Usage: node run_engine_tests.mjs ENGINE_WHEEL TEST_DIR WHEEL...
// The engine comes from the same wheel the site ships, XlsxWriter from the site's pinned wheel
// (partnerskap/browser-wheels.txt); pytest and its dependencies from the hash-checked wheels in
// pytest-wheels.txt. Prints one JSON line with the results.
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadPyodide } from "pyodide";

const [enginePath, testDir, ...wheels] = process.argv.slice(2);
const pyodide = await loadPyodide({ stdout: () => {}, stderr: (line) => process.stderr.write(line + "\n") });
for (const wheel of [enginePath, ...wheels])
  pyodide.unpackArchive(new Uint8Array(readFileSync(resolve(wheel))), "wheel");
pyodide.FS.mkdirTree("/tests");
for (const name of readdirSync(testDir)) {
  if (name.endsWith(".py") || name.endsWith(".json"))
    pyodide.FS.writeFile(`/tests/${name}`, new Uint8Array(readFileSync(join(testDir, name))));
}
pyodide.runPython(readFileSync(new URL("./runner.py", import.meta.url), "utf8"));
const result = JSON.parse(pyodide.runPython("run('/tests')"));
console.log(JSON.stringify(result));
process.exit(result.failed.length === 0 && result.passed.length > 0 ? 0 : 1);
