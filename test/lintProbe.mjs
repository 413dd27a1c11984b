// Lints texts as if they were given files, for test/layers.test.ts (jest cannot load eslint.config.mjs itself).
import { ESLint } from "eslint";

const cases = JSON.parse(process.argv[2]);
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const [file, code] of cases) {
  const [r] = await eslint.lintText(code, { filePath: file });
  out.push(r.messages.filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-globals").map((m) => m.message));
}
process.stdout.write(JSON.stringify(out));
