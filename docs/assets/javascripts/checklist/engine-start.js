// Starts the checklist engine from the page's head (overrides/main.html), as an async module: it
// runs as soon as it and its two imports are loaded, while the rest of the page is still being
// parsed, so Pyodide's downloads begin long before the page's own code is ready.
import { boot } from "./engine-client.js";

boot();
