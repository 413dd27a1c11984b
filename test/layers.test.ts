/** The layers are enforced by ESLint (eslint.config.mjs), not only drawn in the README. */
import { execFileSync } from "node:child_process";
import path from "node:path";

const ROOT = path.join(__dirname, "..");

const FORBIDDEN: Array<[string, string]> = [
  ["src/core/engine.ts", 'import { createActions } from "../excel/actions";\nexport const x = createActions;\n'],
  ["src/core/rules/total-mismatch.ts", 'import ExcelJS from "exceljs";\nexport const x = ExcelJS;\n'],
  ["src/core/fill.ts", 'import fs from "node:fs";\nexport const x = fs;\n'],
  ["src/taskpane/App.tsx", 'import { createActions } from "../excel/actions";\nexport const x = createActions;\n'],
  ["src/xlsx/readWorkbook.ts", 'import fs from "node:fs";\nexport const x = fs;\n'],
  ["src/xlsx/package/opc.ts", "export const x = Buffer.from([]);\n"],
];
const ALLOWED: Array<[string, string]> = [
  ["src/core/engine.ts", 'import { z } from "zod";\nimport { RULES } from "./rules";\nexport const x = [z, RULES];\n'],
  ["src/taskpane/App.tsx", 'import type { AddinActions } from "../host/actions";\nexport type X = AddinActions;\n'],
  ["src/taskpane/index.tsx", 'import { createActions } from "../excel/actions";\nexport const x = createActions;\n'],
  ["src/xlsx/checkWorkbook.ts", 'import fs from "node:fs/promises";\nexport const x = fs;\n'],
];

test("core imports only zod and itself; pane components never an adapter, the entry point does; the .xlsx adapter no Node API but in its file wrapper", () => {
  const cases = [...FORBIDDEN, ...ALLOWED].map(([f, c]) => [path.join(ROOT, f), c]);
  const out = JSON.parse(execFileSync("node", [path.join(__dirname, "lintProbe.mjs"), JSON.stringify(cases)], { cwd: ROOT, encoding: "utf8" })) as string[][];
  FORBIDDEN.forEach(([file], i) => expect({ file, errors: out[i].length }).toEqual({ file, errors: 1 }));
  ALLOWED.forEach(([file], i) => expect({ file, errors: out[FORBIDDEN.length + i] }).toEqual({ file, errors: [] }));
}, 120_000);
