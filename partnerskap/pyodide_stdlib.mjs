// Runs the engine under Pyodide in Node, the way the browser loads it (own lock file, loadPackage),
// then calls every engine API method (partnerskap/engine_exercise.py). Every package of the lock
// file is loaded first: the browser loads XlsxWriter on demand, and its imports must be recorded.
// Usage: node pyodide_stdlib.mjs CONFIG.json, where CONFIG has
//   pyodide: the npm Pyodide folder, stdlib: the python_stdlib.zip to boot with,
//   engine: a folder holding the wheels and their pyodide-lock.json, exercise: engine_exercise.py,
//   definitions: a JSON file with the definitions to exercise,
//   build (optional): {keep: [module names always kept], out: path of the trimmed zip to write,
//   engine_out: path of a zip of the engine's own modules compiled alike}.
// Prints one JSON line: {called, files, xlsxwriter} (files: the stdlib files the run imported;
// xlsxwriter: the version the Excel exports ran with).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const config = JSON.parse(readFileSync(process.argv[2], "utf8"));
const { loadPyodide } = await import(pathToFileURL(join(config.pyodide, "pyodide.mjs")).href);
const pyodide = await loadPyodide({
  indexURL: config.pyodide + "/",
  stdLibURL: config.stdlib,
  lockFileURL: join(config.engine, "pyodide-lock.json"),
  packageBaseUrl: config.engine + "/",
  stdout: () => {},
  stderr: (line) => process.stderr.write(line + "\n"),
});
const problems = [];
const packages = Object.keys(
  JSON.parse(readFileSync(join(config.engine, "pyodide-lock.json"), "utf8")).packages,
);
const loaded = await pyodide.loadPackage("partnerskap", {
  errorCallback: (message) => problems.push(message),
});
if (!loaded.some((pkg) => pkg.name === "partnerskap"))
  throw new Error(`engine wheel not loaded: ${problems.join(" ")}`);
pyodide.pyimport("partnerskap.engine.api"); // as the worker does, before any other package
const extra = await pyodide.loadPackage(packages, { errorCallback: (message) => problems.push(message) });
for (const name of packages)
  if (name !== "partnerskap" && !extra.some((pkg) => pkg.name === name))
    throw new Error(`${name} not loaded: ${problems.join(" ")}`);
// An exception that reaches JavaScript: Pyodide formats its traceback, which imports modules too.
try {
  pyodide.runPython("raise ValueError('prøve')");
} catch {
  // expected
}
pyodide.FS.writeFile("/tmp/engine_exercise.py", readFileSync(config.exercise));
pyodide.FS.writeFile("/tmp/definitions.json", readFileSync(config.definitions));
pyodide.globals.set("build", config.build ? pyodide.toPy(config.build) : undefined);
let result;
try {
  result = pyodide.runPython(`
import json, sys
namespace = {"__name__": "engine_exercise"}
exec(compile(open("/tmp/engine_exercise.py", encoding="utf-8").read(), "engine_exercise.py", "exec"), namespace)
exercise = namespace["exercise"]
called = exercise(json.load(open("/tmp/definitions.json", encoding="utf-8")))
if build is not None:
    for name in build["keep"]:
        __import__(name)
zip_path = next(p for p in sys.path if p.endswith(".zip"))
files = sorted({
    module.__file__[len(zip_path) + 1:]
    for module in list(sys.modules.values())
    if (getattr(module, "__file__", None) or "").startswith(zip_path + "/")
})
if build is not None:
    import importlib.util, io, os, py_compile, zipfile
    source = zipfile.ZipFile(zip_path)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as trimmed:
        for name in files:
            if not name.endswith(".py"):
                continue
            # Unchecked hash-based pyc: Python never reads the (absent) source to validate it, and
            # the magic number is this Pyodide's own because it compiles here.
            src = "/tmp/stdlib/" + name
            os.makedirs(os.path.dirname(src), exist_ok=True)
            with open(src, "wb") as f:
                f.write(source.read(name))
            py_compile.compile(src, cfile=src + "c", dfile=zip_path + "/" + name, doraise=True,
                               invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH, optimize=build.get("optimize", -1))
            info = zipfile.ZipInfo(name + "c", date_time=(1980, 1, 1, 0, 0, 0))
            with open(src + "c", "rb") as f:
                trimmed.writestr(info, f.read())
    with open("/tmp/trimmed.zip", "wb") as f:
        f.write(out.getvalue())
    # The engine's own modules, compiled the same way: the browser then imports without compiling.
    import partnerskap
    package = os.path.dirname(partnerskap.__file__)
    site_packages = os.path.dirname(package)
    engine = io.BytesIO()
    with zipfile.ZipFile(engine, "w", zipfile.ZIP_STORED) as compiled:
        for folder, _folders, names in sorted(os.walk(package)):
            for name in sorted(n for n in names if n.endswith(".py")):
                rel = os.path.relpath(os.path.join(folder, name), site_packages)
                target = "/tmp/engine/" + rel + "c"
                os.makedirs(os.path.dirname(target), exist_ok=True)
                py_compile.compile(os.path.join(folder, name), cfile=target, dfile=rel, doraise=True,
                                   invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH, optimize=build.get("optimize", -1))
                with open(target, "rb") as f:
                    compiled.writestr(zipfile.ZipInfo(rel + "c", date_time=(1980, 1, 1, 0, 0, 0)), f.read())
    with open("/tmp/engine.zip", "wb") as f:
        f.write(engine.getvalue())
import xlsxwriter
json.dumps({"called": called, "files": files, "xlsxwriter": xlsxwriter.__version__})
`);
} catch (error) {
  // Only Python's traceback: Node would print a line of minified Pyodide source first.
  process.stderr.write(String(error.message) + "\n");
  process.exit(1);
}
if (config.build) {
  writeFileSync(config.build.out, pyodide.FS.readFile("/tmp/trimmed.zip"));
  writeFileSync(config.build.engine_out, pyodide.FS.readFile("/tmp/engine.zip"));
}
console.log(result);
