import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-output/**", "assets/**", "tools/manifest-schemas/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["src/**/*.ts", "src/**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // An object in a message template prints "[object Object]" to a finance officer.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    languageOptions: { globals: { require: "readonly", module: "writable", process: "readonly", __dirname: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly", fetch: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // The layers (README, layout): the engine imports nothing but zod and itself.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/excel", "**/excel/**", "**/xlsx", "**/xlsx/**", "**/cli", "**/cli/**", "**/taskpane", "**/taskpane/**", "**/host", "**/host/**", "**/emulator", "**/emulator/**", "**/commands", "**/commands/**"],
              message: "src/core is the pure engine: it imports only zod and itself.",
            },
            { group: ["node:*", "exceljs", "jszip", "react", "react-*", "@fluentui/*", "fs", "path", "os"], message: "src/core is the pure engine: it imports only zod and itself." },
          ],
        },
      ],
    },
  },
  {
    // Pane components know the host contract (src/host), never an adapter; only the entry point wires one in.
    files: ["src/taskpane/**/*.ts", "src/taskpane/**/*.tsx"],
    ignores: ["src/taskpane/index.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/excel", "**/excel/**", "**/emulator", "**/emulator/**", "**/xlsx", "**/xlsx/**", "exceljs"],
              message: "Pane components use the host contract (src/host/actions.ts); only src/taskpane/index.tsx wires the Office.js adapter in.",
            },
          ],
        },
      ],
    },
  },
  {
    // The .xlsx adapter runs in the browser too (the web checker, src/web): no Node API but in the
    // command's file wrapper (checkWorkbook.ts), and node:zlib in codec.ts, which the browser builds
    // replace with codec.browser.ts (webpack.shared.js's browserCodec).
    files: ["src/xlsx/**/*.ts"],
    ignores: ["src/xlsx/checkWorkbook.ts", "src/xlsx/package/codec.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["node:*", "fs", "fs/*", "path", "os", "child_process", "worker_threads"], message: "src/xlsx is shared with the web checker: no Node API here (file access belongs in checkWorkbook.ts)." }] },
      ],
      "no-restricted-globals": ["error", { name: "Buffer", message: "src/xlsx is shared with the web checker: use Uint8Array, not Node's Buffer." }, { name: "process", message: "src/xlsx is shared with the web checker." }],
    },
  },
  {
    // The web checker's components use its services, not the adapter directly (as the pane does).
    files: ["src/web/**/*.tsx"],
    ignores: ["src/web/index.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/xlsx", "**/xlsx/**", "exceljs", "node:*"], message: "Web checker components use src/web/services, which run the .xlsx adapter in a worker." }] },
      ],
    },
  },
  {
    // Plain ES5 pages that run in the browser as they are, old webviews included.
    files: ["src/legacy/*.js", "src/dialog/*.js", "playground/public/*.js"],
    languageOptions: { ecmaVersion: 5, sourceType: "script", globals: { window: "readonly", document: "readonly", navigator: "readonly" } },
  },
);
