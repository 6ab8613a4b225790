// ESLint flat config for the site's browser JavaScript and the Node test scripts.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["node_modules/**", "site/**", ".venv/**"] },
  js.configs.recommended,
  {
    files: ["docs/assets/javascripts/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser, document$: "readonly", location$: "readonly" },
    },
  },
  {
    files: ["docs/assets/javascripts/checklist/engine-worker.js"],
    languageOptions: { globals: { ...globals.worker } },
  },
  {
    files: ["docs/sw.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "script", globals: { ...globals.serviceworker } },
  },
  {
    // Material's classic (non-module) scripts, moved out of inline <script> tags.
    files: ["docs/assets/javascripts/material/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      globals: {
        ...globals.browser,
        __md_get: "writable",
        __md_set: "writable",
        __md_scope: "writable",
        __md_hash: "writable",
      },
    },
  },
  {
    files: ["tests/**/*.mjs", "scripts/**/*.mjs", "partnerskap/**/*.mjs", "eslint.config.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.node } },
  },
];
