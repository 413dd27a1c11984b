// npm run bench — figures, not a test. Runs the built engine (dist/) on generated and sample workbooks.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { buildWorkbook } from "./generate.mjs";
import { floorRead, interleaved, median, ms, peers, timed as timeIt } from "./peers.mjs";
import { withColumnsToXfd, withDataSheet, withPhoto, withRowsBelow, withSheets, withStylesGrown } from "./bloat.mjs";

const require = createRequire(import.meta.url);
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const { analyzeSheet } = require(path.join(root, "dist/core/engine.js"));
const { loadWorkbook, snapshotOf } = require(path.join(root, "dist/xlsx/readWorkbook.js"));
const { checkWorkbook } = require(path.join(root, "dist/xlsx/checkWorkbook.js"));
const { readPackageSnapshots } = require(path.join(root, "dist/xlsx/readPackage.js"));

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

// 2a. A fill against the check of the same form (issue 21 §5), from the bytes: the samples, and a
// 5,000-row form waiting to be filled (its every score, the total and the grade written). Each
// measured in five fresh processes (bench/fillPair.mjs): the median process is quoted, with the range.
{
  const { spawnSync } = await import("node:child_process");
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const r = spawnSync(process.execPath, [path.join(root, "bench/fillPair.mjs")], { encoding: "utf8", maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new Error(`bench/fillPair.mjs: ${r.stderr}`);
    runs.push(JSON.parse(r.stdout.trim().split("\n").pop()));
  }
  const figure = (k) => {
    const ratios = runs.map((x) => x[k].fill / x[k].check).sort((a, b) => a - b);
    const mid = runs.find((x) => x[k].fill / x[k].check === ratios[2])[k];
    return { fill: mid.fill, check: mid.check, ratio: ratios[2], range: `${ratios[0].toFixed(2)}–${ratios[4].toFixed(2)}` };
  };
  const samples = figure("samples");
  const blank = figure("blank");
  const unexplained = figure("unexplained");
  const toXfd = figure("columnsToXfd");
  out(
    `fill against check (the median of 5 processes, their range): the samples ${samples.fill.toFixed(0)} / ${samples.check.toFixed(0)} ms — fill/check ${samples.ratio.toFixed(2)} (${samples.range}) (goal ≤ 2) ${samples.ratio <= 2 ? "✓" : "✗"}; a 5,000-row form to fill ${blank.fill.toFixed(0)} / ${blank.check.toFixed(0)} ms — fill/check ${blank.ratio.toFixed(2)} (${blank.range}) ${blank.ratio <= 2 ? "✓" : "✗"}; a 20-row form whose every indicator falls short without a reason (a score, a draft, a mark and a note on each row) ${unexplained.fill.toFixed(1)} / ${unexplained.check.toFixed(1)} ms for 10 copies — fill/check ${unexplained.ratio.toFixed(2)} (${unexplained.range}) ${unexplained.ratio <= 2 ? "✓" : "✗"}`,
  );
  out(
    `  the same form with the columns past it hidden in one entry to XFD (as Excel and LibreOffice write them): ${toXfd.fill.toFixed(1)} / ${toXfd.check.toFixed(1)} ms for 10 copies — fill/check ${toXfd.ratio.toFixed(2)} (${toXfd.range}) ${toXfd.ratio <= 2 ? "✓" : "✗"}; against the form without it, check ×${(toXfd.check / unexplained.check).toFixed(2)}, fill ×${(toXfd.fill / unexplained.fill).toFixed(2)}`,
  );
}

// 3. A 5,000-row workbook: merely loading it with ExcelJS against the whole check, which reads it with
// the package reader (src/xlsx/readPackage.ts) and runs the engine; phase by phase in the same runs.
const wb5000 = buildWorkbook(5000);
const bytes = Buffer.from(await wb5000.xlsx.writeBuffer());
const tmp = path.join(fs.mkdtempSync(path.join((await import("node:os")).tmpdir(), "jixiao-bench-")), "5000.xlsx");
fs.writeFileSync(tmp, bytes);
for (let i = 0; i < 2; i++) await checkWorkbook(tmp);
const phases = { load: [], snapshot: [], read: [], engine: [] };
for (let i = 0; i < 9; i++) {
  let t0 = process.hrtime.bigint();
  const wb = await loadWorkbook(fs.readFileSync(tmp));
  phases.load.push(ms(t0));
  t0 = process.hrtime.bigint();
  snapshotOf(wb.worksheets[0]);
  phases.snapshot.push(ms(t0));
  t0 = process.hrtime.bigint();
  const [snap] = await readPackageSnapshots(fs.readFileSync(tmp));
  phases.read.push(ms(t0));
  t0 = process.hrtime.bigint();
  analyzeSheet(snap);
  phases.engine.push(ms(t0));
}
const load = median(phases.load);
const whole = await timeIt(() => checkWorkbook(tmp), 5);
out(
  `5,000 rows (${(bytes.length / 1024).toFixed(0)} KiB): ExcelJS load ${load.toFixed(0)} ms (+ its snapshot ${median(phases.snapshot).toFixed(0)} ms); package reader ${median(phases.read).toFixed(0)} ms; engine ${median(phases.engine).toFixed(0)} ms; whole check of the file ${whole.toFixed(0)} ms`,
);
out(`  the whole check of the file is ${(whole / load).toFixed(2)}× merely loading it with ExcelJS (goal: at most 1.2×) ${whole <= load * 1.2 ? "✓" : "✗"}`);

// 3a. Against the peers and the floor, at 5,000 and 50,000 rows.
{
  await peers({ root, file: tmp, label: "5,000 rows", runs: 9, warm: 5, rounds: 5, out, checkWorkbook });
  const big = path.join(path.dirname(tmp), "50000.xlsx");
  await buildWorkbook(50_000).xlsx.writeFile(big);
  await peers({ root, file: big, label: "50,000 rows", runs: 3, warm: 2, rounds: 3, out, checkWorkbook });
}

// 3a'. The 5,000-row form as other writers leave its scores: formulas without their results (openpyxl,
// report generators: the engine computes each), and a column filled down in Excel (shared formulas).
{
  const XLSX = require("@e965/xlsx");
  const { spawnSync } = await import("node:child_process");
  const dir = path.dirname(tmp);
  const variants = [
    ["plain", "scores as formulas written without their results (as openpyxl writes them)"],
    ["shared", "scores as a column filled down in Excel (shared formulas, with their results)"],
  ];
  for (const [formulas] of variants) await buildWorkbook(5000, { formulas }).xlsx.writeFile(path.join(dir, `5000-${formulas}.xlsx`));
  // Saved again by LibreOffice, where it is installed: its rows carry seven attributes, its formulas
  // `aca`, its shared strings a run for each script (a font for the Latin, one for the Chinese).
  const soffice = spawnSync("sh", ["-c", "command -v soffice || command -v libreoffice"], { encoding: "utf8" }).stdout.trim();
  if (soffice !== "") {
    const lo = fs.mkdtempSync(path.join(dir, "libreoffice-"));
    const r = spawnSync(soffice, [`-env:UserInstallation=file://${lo}/profile`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", lo, path.join(dir, "5000-shared.xlsx")], { timeout: 180_000 });
    if (r.status === 0 && fs.existsSync(path.join(lo, "5000-shared.xlsx"))) {
      fs.renameSync(path.join(lo, "5000-shared.xlsx"), path.join(dir, "5000-libreoffice.xlsx"));
      variants.push(["libreoffice", "the same saved by LibreOffice"]);
    }
  } else out("  (LibreOffice not installed: the form as LibreOffice saves it is not measured)");
  for (const [formulas, label] of variants) {
    const file = path.join(dir, `5000-${formulas}.xlsx`);
    const r = await interleaved(
      {
        check: () => checkWorkbook(file),
        floor: () => floorRead(fs.readFileSync(file)),
        sheetjs: () => XLSX.read(fs.readFileSync(file), { cellFormula: true, cellNF: true, cellText: true }),
      },
      9,
      5,
    );
    out(
      `5,000 rows, ${label}: check ${r.check.toFixed(0)} ms · floor ${r.floor.toFixed(1)} ms · SheetJS read ${r.sheetjs.toFixed(0)} ms — check/floor ${(r.check / r.floor).toFixed(2)} · check/sheetjs ${(r.check / r.sheetjs).toFixed(2)} ${r.check < r.sheetjs ? "✓" : "✗"}`,
    );
  }
}

// 3a″. Forms as years of editing leave them: the 20-row form with its columns hidden to XFD, with its
// styles grown by copy and paste, with 100,000 empty rows given a height below it, a hundred times
// over in one workbook (a department's, a project a sheet), with a large photo in it, and beside a sheet
// of data — checked and filled,
// against the floor and the peers reading the same bytes.
{
  const XLSX = require("@e965/xlsx");
  const ExcelJS = require("exceljs");
  const { checkWorkbookBytes } = require(path.join(root, "dist/xlsx/checkBytes.js"));
  const noted = buildWorkbook(20, { blank: true, unexplained: true });
  const form = new Uint8Array(await noted.xlsx.writeBuffer());
  const bloats = [
    ["its columns past the form hidden in one entry to XFD", await withColumnsToXfd(form)],
    ["its styles grown by copy and paste (60,000 cell formats, 3,000 fonts)", await withStylesGrown(form)],
    ["100,000 empty rows given a height below it", await withRowsBelow(form)],
    ["100 times over, a project a sheet (a department's workbook)", await withSheets(noted)],
    ["a 20 MB photo pasted beside it", await withPhoto(form)],
    ["beside a sheet of data (a 资金明细 of 30,000 rows)", await withDataSheet(form)],
  ];
  for (const [label, b] of bloats) {
    const buf = Buffer.from(b);
    const r = await interleaved(
      {
        check: () => checkWorkbookBytes("x.xlsx", b),
        fill: () => checkWorkbookBytes("x.xlsx", b, { copy: "fill" }),
        floor: () => floorRead(buf),
        sheetjs: () => XLSX.read(buf, { cellFormula: true, cellNF: true, cellText: true }),
        exceljs: () => new ExcelJS.Workbook().xlsx.load(buf),
      },
      7,
      2,
    );
    const ahead = r.check < r.sheetjs && r.check < r.exceljs;
    out(
      `20-row form, ${label} (${(b.length / 1024).toFixed(0)} KiB): check ${r.check.toFixed(1)} ms · fill ${r.fill.toFixed(1)} ms · floor ${r.floor.toFixed(1)} ms · SheetJS read ${r.sheetjs.toFixed(1)} ms · ExcelJS load ${r.exceljs.toFixed(1)} ms — check/sheetjs ${(r.check / r.sheetjs).toFixed(2)} · check/exceljs ${(r.check / r.exceljs).toFixed(2)} ${ahead ? "✓" : "✗"} · fill/check ${(r.fill / r.check).toFixed(2)}`,
    );
  }
}

// 3b. The command over 500 forms in one call, serial (--jobs 1) and one worker per core, with its
// peak memory; and the slowest hostile file against the per-file limits.
{
  const { spawnSync } = await import("node:child_process");
  const os = await import("node:os");
  const many = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-bench-500-"));
  for (let i = 0; i < 500; i++) fs.copyFileSync(files[i % files.length], path.join(many, `${String(i).padStart(3, "0")}.xlsx`));
  const cli = path.join(root, "dist/cli/jixiao.js");
  const timeCli = (args) => {
    const t0 = process.hrtime.bigint();
    // The command reports its own peak resident memory (worker threads included) when asked.
    const r = spawnSync(process.execPath, [cli, "check", "-q", ...args], { maxBuffer: 1 << 28, env: { ...process.env, JIXIAO_REPORT_RSS: "1" } });
    const rss = /maxRSS=(\d+)/.exec(r.stderr.toString());
    return { ms: ms(t0), code: r.status, rss: rss ? `${(Number(rss[1]) / 1024).toFixed(0)} MiB` : "n/a" };
  };
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  const serial = timeCli(["--jobs", "1", many]);
  const parallel = timeCli(["--jobs", String(cores), many]);
  out(`500 forms in one call: serial ${(serial.ms / 1000).toFixed(1)} s (peak ${serial.rss}), ${cores} workers ${(parallel.ms / 1000).toFixed(1)} s (peak ${parallel.rss})`);
  // Copies of the 500 (issue 21 §5): --fix and --mark against the plain check, all with one worker per core.
  const fix = timeCli(["--jobs", String(cores), "--fix", many]);
  const mark = timeCli(["--jobs", String(cores), "--mark", many]);
  const rFix = fix.ms / parallel.ms;
  const rMark = mark.ms / parallel.ms;
  out(
    `  with copies: --fix ${(fix.ms / 1000).toFixed(1)} s, --mark ${(mark.ms / 1000).toFixed(1)} s — fix/check ${rFix.toFixed(2)} ${rFix <= 2 ? "✓" : "✗"} · mark/check ${rMark.toFixed(2)} ${rMark <= 2 ? "✓" : "✗"} (goal ≤ 2)`,
  );
  for (const f of fs.readdirSync(many)) if (/\.(filled|marked)\.xlsx$/.test(f)) fs.rmSync(path.join(many, f));
  // A province's batch (issue 21 §3): 1,000 and 5,000 forms with 2 workers, time and peak memory of the whole process.
  const province = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-bench-5000-"));
  const batchRss = [];
  for (const n of [1000, 5000]) {
    for (let i = fs.readdirSync(province).length; i < n; i++) fs.copyFileSync(files[i % files.length], path.join(province, `${String(i).padStart(4, "0")}.xlsx`));
    const b = timeCli(["--jobs", "2", province]);
    batchRss.push(b.rss);
    const mb = Number.parseFloat(b.rss);
    out(
      `${n.toLocaleString("en")} forms, 2 workers: ${(b.ms / 1000).toFixed(1)} s, peak ${b.rss}${n === 5000 ? ` — goal ≤ 8 s ${b.ms <= 8000 ? "✓" : "✗"}, ≤ 300 MiB ${mb <= 300 ? "✓" : "✗"}` : ""}`,
    );
  }
  fs.rmSync(province, { recursive: true, force: true });
  const hostile = path.join(many, "hostile");
  fs.mkdirSync(hostile);
  const { default: JSZip } = await import("jszip");
  const ExcelJS = require("exceljs");
  const base = new ExcelJS.Workbook();
  base.addWorksheet("Sheet1").getCell("A1").value = "x";
  const zip = await JSZip.loadAsync(await base.xlsx.writeBuffer());
  const xml = await zip.file("xl/worksheets/sheet1.xml").async("string");
  zip.file("xl/worksheets/sheet1.xml", xml.replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="A36:XFD1048576"/></mergeCells>'));
  fs.writeFileSync(path.join(hostile, "merge.xlsx"), await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  const h = timeCli(["--file-memory", "512", hostile]);
  out(`slowest hostile file (a merge A36:XFD1048576, 6 KB): reported and skipped after ${(h.ms / 1000).toFixed(1)} s at --file-memory 512 (exit ${h.code})`);
  fs.rmSync(many, { recursive: true, force: true });
}

// 3d. Cold start: the command started afresh for --version (nothing heavy loaded) and for one form.
{
  const { spawnSync } = await import("node:child_process");
  const cli = path.join(root, "dist/cli/jixiao.js");
  const cold = (args) => {
    const runs = [];
    for (let i = 0; i < 5; i++) {
      const t0 = process.hrtime.bigint();
      spawnSync(process.execPath, [cli, ...args], { stdio: "ignore" });
      runs.push(ms(t0));
    }
    return median(runs);
  };
  const one = path.join(root, "test/fixtures/samples/selfeval/zhengwuyun.xlsx");
  out(`cold start: --version ${cold(["--version"]).toFixed(0)} ms; one form ${cold(["check", "-q", one]).toFixed(0)} ms (goal: at most 500 ms)`);
}

// 3c. Reading an .xls (Excel 97–2003, through SheetJS): the 5,000-row form saved as .xls, and one
// sample form as LibreOffice saved it. After 3b: a child process inherits the peak memory of the
// process that started it (Linux keeps maxrss across fork and exec), so the figures of 3b come first.
{
  const XLSX = require("@e965/xlsx");
  const xlsPath = tmp.replace(/\.xlsx$/, ".xls");
  fs.writeFileSync(xlsPath, XLSX.write(XLSX.read(fs.readFileSync(tmp)), { type: "buffer", bookType: "xls" }));
  const xls5000 = await timeIt(() => checkWorkbook(xlsPath), 5);
  const sampleXls = path.join(root, "test/fixtures/converted/selfeval/zhengwuyun.xls");
  const one = await timeIt(() => checkWorkbook(sampleXls), 20);
  const oneXlsx = await timeIt(() => checkWorkbook(path.join(root, "test/fixtures/samples/selfeval/zhengwuyun.xlsx")), 20);
  out(`.xls: the 5,000-row form checked in ${xls5000.toFixed(0)} ms (as .xlsx ${whole.toFixed(0)} ms); one sample form ${one.toFixed(1)} ms (as .xlsx ${oneXlsx.toFixed(1)} ms)`);
}

// 3e. The web checker (dist/web) over 100 forms in headless Chromium: from choosing the files to the
// first row shown and to the last (test/e2e/web.mjs --bench, the median of three page loads).
{
  const { spawnSync } = await import("node:child_process");
  const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (fs.existsSync(path.join(root, "dist/web/index.html")) && fs.existsSync(chromium)) {
    const r = spawnSync(process.execPath, [path.join(root, "test/e2e/web.mjs"), "--bench", "100"], { encoding: "utf8", maxBuffer: 1 << 24 });
    const line = r.stdout.trim().split("\n").pop() ?? "";
    try {
      const w = JSON.parse(line);
      out(`web checker, 100 forms in Chromium: first row ${w.firstRowMs} ms (goal: under 1,000 ms) ${w.firstRowMs < 1000 ? "✓" : "✗"}; all ${(w.allMs / 1000).toFixed(2)} s (goal: at most 1.5 s) ${w.allMs <= 1500 ? "✓" : "✗"}; page heap ${w.heapMb} MB`);
      const r1000 = spawnSync(process.execPath, [path.join(root, "test/e2e/web.mjs"), "--bench", "1000"], { encoding: "utf8", maxBuffer: 1 << 24 });
      const w1000 = JSON.parse(r1000.stdout.trim().split("\n").pop() ?? "{}");
      out(`web checker, 1,000 forms: all ${(w1000.allMs / 1000).toFixed(1)} s (goal: at most 12 s) ${w1000.allMs <= 12_000 ? "✓" : "✗"}; page heap ${w1000.heapMb} MB (goal: at most 300 MB) ${w1000.heapMb <= 300 ? "✓" : "✗"}`);
    } catch {
      out(`web checker: the run failed (${(r.stderr || line).slice(0, 300)})`);
    }
  } else {
    out("web checker: skipped (needs dist/web, from `npm run build`, and Chromium)");
  }
}

// 4. The add-in's actions in the emulated Excel host: round trips and time per action.
const benchDist = path.join(root, "dist-bench");
if (fs.existsSync(path.join(benchDist, "emulator/index.js"))) {
  const { fromExcelJs } = require(path.join(benchDist, "emulator/index.js"));
  const { createActions } = require(path.join(benchDist, "excel/actions.js"));
  out("add-in actions in the emulator (syncs = context.sync() round trips):");
  out("   rows | check syncs   ms | fill syncs    ms | clear syncs   ms | cells written");
  for (const rows of [10, 100, 1000, 5000]) {
    const host = fromExcelJs(buildWorkbook(rows, { blank: true }));
    const actions = createActions(host.run, { isSetSupported: host.isSetSupported });
    const timed = async (fn) => {
      const t0 = process.hrtime.bigint();
      const o = await fn();
      if (o.error) throw new Error(o.error.en);
      return { o, ms: ms(t0) };
    };
    const c = await timed(() => actions.check());
    const f = await timed(() => actions.fill());
    const k = await timed(() => actions.clearMarks());
    const written = f.o.sheets.reduce((n, s) => n + s.written.length, 0);
    out(
      `  ${String(rows).padStart(5)} | ${String(c.o.syncs).padStart(11)} ${c.ms.toFixed(0).padStart(4)} | ${String(f.o.syncs).padStart(10)} ${f.ms.toFixed(0).padStart(5)} | ${String(k.o.syncs).padStart(11)} ${k.ms.toFixed(0).padStart(4)} | ${written}`,
    );
  }
} else {
  out("add-in actions: skipped (dist-bench/ missing: run `npm run bench`, which compiles it)");
}

// 5. The task pane's JavaScript, as a browser downloads it (office.js excluded).
const distDir = path.join(root, "dist");
const paneFiles = fs.existsSync(distDir) ? fs.readdirSync(distDir).filter((f) => /^(taskpane|vendors|runtime).*\.js$/.test(f)) : [];
if (paneFiles.length > 0) {
  const { gzipSync } = await import("node:zlib");
  let raw = 0;
  let gz = 0;
  for (const f of paneFiles) {
    const b = fs.readFileSync(path.join(distDir, f));
    raw += b.length;
    gz += gzipSync(b, { level: 9 }).length;
  }
  out(`task pane JavaScript: ${(raw / 1024).toFixed(0)} KiB raw, ${(gz / 1024).toFixed(0)} KiB gzip (goal: at most 200 KB gzip) ${gz <= 200 * 1000 ? "✓" : "✗"} [${paneFiles.join(", ")}]`);
} else {
  out("task pane JavaScript: skipped (no dist/taskpane*.js: run `npm run build`)");
}

// 6. Time to first render, measured in headless Chromium by the end-to-end run.
const firstRender = path.join(root, "test-output", "e2e", "first-render.json");
if (fs.existsSync(firstRender)) {
  const fr = JSON.parse(fs.readFileSync(firstRender, "utf8"));
  out(`task pane first render in Chromium: ${Math.round(fr.ms)} ms (from test-output/e2e/first-render.json, ${fs.statSync(firstRender).mtime.toISOString()})`);
} else {
  out("task pane first render: run `npm run test:e2e` first (it measures it in headless Chromium)");
}

fs.mkdirSync(path.join(root, "test-output"), { recursive: true });
fs.writeFileSync(path.join(root, "test-output", "bench.txt"), `${lines.join("\n")}\n`);
