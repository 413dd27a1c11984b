// npm run bench — figures, not a test. Runs the built engine (dist/) on generated and sample workbooks.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { buildWorkbook } from "./generate.mjs";

const require = createRequire(import.meta.url);
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const { analyzeSheet } = require(path.join(root, "dist/core/engine.js"));
const { loadWorkbook, snapshotOf } = require(path.join(root, "dist/xlsx/readWorkbook.js"));
const { checkWorkbook } = require(path.join(root, "dist/xlsx/checkWorkbook.js"));

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
async function timeIt(fn, runs) {
  await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(ms(t0));
  }
  return median(times);
}

const lines = [];
const out = (s) => {
  lines.push(s);
  console.log(s);
};

out(`jixiao bench — node ${process.version}, ${new Date().toISOString()}`);

// 1. Engine alone, per 1,000 indicator rows.
const wb1000 = buildWorkbook(1000);
const snap1000 = snapshotOf(wb1000.worksheets[0]);
const engine1000 = await timeIt(() => analyzeSheet(snap1000), 15);
const r = analyzeSheet(snap1000);
out(`engine: ${engine1000.toFixed(1)} ms per 1,000 indicator rows (kind ${r.kind}, ${r.evaluations.length} rows, ${r.findings.length} findings)`);

// 2. `check` over all bundled samples.
const samplesDir = path.join(root, "test/fixtures/samples");
const files = [];
for (const d of fs.readdirSync(samplesDir)) {
  const p = path.join(samplesDir, d);
  if (fs.statSync(p).isDirectory()) for (const f of fs.readdirSync(p)) if (f.endsWith(".xlsx")) files.push(path.join(p, f));
}
const allSamples = await timeIt(async () => {
  for (const f of files) await checkWorkbook(f);
}, 5);
out(`check: ${allSamples.toFixed(1)} ms for all ${files.length} sample workbooks (${(allSamples / files.length).toFixed(1)} ms each)`);

// 3. A 5,000-row workbook: loading it with ExcelJS against checking it.
const wb5000 = buildWorkbook(5000);
const bytes = Buffer.from(await wb5000.xlsx.writeBuffer());
const load = await timeIt(() => loadWorkbook(bytes), 5);
const tmp = path.join(fs.mkdtempSync(path.join((await import("node:os")).tmpdir(), "jixiao-bench-")), "5000.xlsx");
fs.writeFileSync(tmp, bytes);
const check = await timeIt(() => checkWorkbook(tmp), 5);
const snap5000 = snapshotOf((await loadWorkbook(bytes)).worksheets[0]);
const engine5000 = await timeIt(() => analyzeSheet(snap5000), 5);
const added = check - load;
out(`5,000 rows (${(bytes.length / 1024).toFixed(0)} KiB): ExcelJS load ${load.toFixed(0)} ms; check ${check.toFixed(0)} ms; engine alone ${engine5000.toFixed(0)} ms`);
out(`  the check adds ${added.toFixed(0)} ms = ${((added / load) * 100).toFixed(0)}% of the load time (goal: at most 50%) ${added <= load / 2 ? "✓" : "✗"}`);

fs.mkdirSync(path.join(root, "test-output"), { recursive: true });
fs.writeFileSync(path.join(root, "test-output", "bench.txt"), `${lines.join("\n")}\n`);
