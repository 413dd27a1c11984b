// End-to-end tests of the offline web checker (dist/web/, built by `npm run build:web`), served from a
// subfolder of 127.0.0.1 as an intranet server would, driven in headless Chromium through playwright-core.
// It chooses every sample (and .xls / .ods copies) through the page's file input, compares what the page
// found with what `jixiao check --json` finds, opens a finding, switches the language, downloads a filled
// copy and the summary workbook and reads both back, chooses a folder, runs without workers, and asserts
// that no request leaves the page's origin.
//
//   node test/e2e/web.mjs        (npm run test:e2e runs it after the playground's tests)
//   BENCH_WEB=1 node test/e2e/web.mjs --bench 100
//                                the benchmark: 100 forms, time to the first row and to the last
//
// Artifacts in test-output/web/: screenshots, results.json. Prints `web e2e: N passed, M failed` last.
/* global window, document, DataTransfer, File, atob, Event */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import { check, CHROMIUM, CHROMIUM_ARGS, createRunner, walk } from "./harness.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DIST = path.join(ROOT, "dist", "web");
const AXE = path.join(ROOT, "node_modules", "axe-core", "axe.min.js");
const OUT = path.join(ROOT, "test-output", "web");
const SAMPLES = path.join(ROOT, "test", "fixtures", "samples");
const CONVERTED = path.join(ROOT, "test", "fixtures", "converted");
const CLI = path.join(ROOT, "dist", "cli", "jixiao.js");
const MOUNT = "/intranet/jixiao/web/";
const WAIT_MS = 60_000;
const FILL_HINT_ZH = "可用 --fix 自动填入（写出副本）。";

const { results, test } = createRunner();
const offsite = [];
const consoleErrors = [];

function equal(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}:\n  expected ${e}\n  actual   ${a}`);
}


const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".txt": "text/plain; charset=utf-8" };

/** dist/web/ under MOUNT, nothing else: a page that asked for anything outside its folder would get 404. */
function serve() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    if (!url.pathname.startsWith(MOUNT)) return res.writeHead(404).end();
    let file = path.normalize(path.join(DIST, decodeURIComponent(url.pathname.slice(MOUNT.length))));
    if (!file.startsWith(DIST)) return res.writeHead(403).end();
    if (url.pathname.endsWith("/")) file = path.join(file, "index.html");
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) return res.writeHead(404).end();
      res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream", "Content-Length": st.size, "Cache-Control": "no-cache" });
      fs.createReadStream(file).pipe(res);
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** What the command finds in the same files, keyed by file name. */
function cliResults(files) {
  // The command exits 1 when a form has errors: its report is what counts here.
  const r = spawnSync(process.execPath, [CLI, "check", ...files, "--json"], { encoding: "utf8", maxBuffer: 64 << 20, cwd: ROOT });
  check(r.status === 0 || r.status === 1, `jixiao check exited ${r.status}: ${r.stderr}`);
  const doc = JSON.parse(r.stdout);
  return new Map(doc.files.map((f) => [path.basename(f.file), f]));
}

/** The facts both hosts must agree on, from a --json file or from the page's FileResult. */
function factsOfCli(f) {
  return {
    error: f.error ?? null,
    sheets: f.sheets.map((s) => ({
      sheet: s.sheet,
      kind: s.kind,
      budget: s.budget,
      total: s.total,
      grade: s.grade,
      suggested: s.indicators.map((i) => i.suggested),
      findings: s.findings.map((x) => [x.code, x.severity, x.cell, x.message.replace(FILL_HINT_ZH, "")]),
    })),
  };
}

/** The engine's own account of stated and computed figures (the built CLI's copy of src/core/shownFigures). */
const { shownFigures } = createRequire(import.meta.url)("../../dist/core/shownFigures.js");

/** The figures as the command's --json gives them (src/cli/report.ts jsonFigures). */
function pageFigures(s) {
  const f = shownFigures(s);
  return { budget: s.figures?.budget || f.budgetScore.stated !== null ? { rate: f.rate, score: f.budgetScore } : null, total: f.total, grade: f.grade };
}

function factsOfPage(f) {
  return {
    error: f.error?.zh ?? null,
    sheets: f.sheets.map((s) => ({
      sheet: s.sheet,
      kind: s.kind,
      ...pageFigures(s),
      suggested: s.evaluations.map((e) => e.suggested),
      findings: s.findings.map((x) => [x.code, x.severity, x.cell, x.message.zh]),
    })),
  };
}

async function openPage(context, base, { noWorkers = false } = {}) {
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => consoleErrors.push(`${page.url()}: ${e.message}`));
  if (noWorkers) await page.addInitScript(() => Object.defineProperty(window, "Worker", { value: undefined }));
  await page.goto(base);
  await page.waitForSelector('[data-testid="drop-zone"]', { timeout: WAIT_MS });
  return page;
}

/** Choose files through the page's own file input, then wait until every one is checked. */
async function choose(page, files, input = "file-input") {
  await page.setInputFiles(`[data-testid="${input}"]`, files);
  // Asked every 50 ms, not every frame: the page records its own times, and a probe run at each frame
  // would be work no reviewer's page does.
  await page.waitForFunction(() => window.__jixiaoWeb && window.__jixiaoWeb.doneAt !== null && window.__jixiaoWeb.done(), null, { timeout: WAIT_MS, polling: 50 });
  return page.evaluate(() => ({ results: window.__jixiaoWeb.results(), first: window.__jixiaoWeb.firstRowAt - window.__jixiaoWeb.startedAt, all: window.__jixiaoWeb.doneAt - window.__jixiaoWeb.startedAt }));
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
}

const fmt2 = (x) => (x === null || x === undefined ? "" : x.toFixed(2));

async function readBack(file) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

async function bench(context, base, n) {
  const files = walk(SAMPLES, /\.xlsx$/);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-web-bench-"));
  const chosen = [];
  for (let i = 0; i < n; i++) {
    const src = files[i % files.length];
    const dst = path.join(dir, `${String(i).padStart(3, "0")}-${path.basename(src)}`);
    fs.copyFileSync(src, dst);
    chosen.push(dst);
  }
  const runs = [];
  for (let k = 0; k < 3; k++) {
    const page = await openPage(context, base);
    const r = await choose(page, chosen);
    check(r.results.length === n, `bench: ${r.results.length} of ${n} files checked`);
    // The page's JavaScript heap once every row is shown (the renderer's own share of memory).
    const heapMb = Math.round((await page.evaluate(() => window.performance.memory?.usedJSHeapSize ?? 0)) / 1048576);
    runs.push({ firstRowMs: Math.round(r.first), allMs: Math.round(r.all), heapMb });
    await page.close();
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const out = { forms: n, firstRowMs: median(runs.map((r) => r.firstRowMs)), allMs: median(runs.map((r) => r.allMs)), heapMb: Math.max(...runs.map((r) => r.heapMb)), runs };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

async function main() {
  const benchAt = process.argv.indexOf("--bench");
  if (!fs.existsSync(path.join(DIST, "index.html"))) {
    const r = spawnSync("npm", ["run", "build:web"], { cwd: ROOT, stdio: "inherit" });
    if (r.status !== 0) process.exit(1);
  }
  fs.mkdirSync(OUT, { recursive: true });
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const base = `${origin}${MOUNT}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1500, height: 1000 }, locale: "zh-CN" });
  context.on("request", (req) => {
    const u = req.url();
    if (!u.startsWith(`${origin}/`) && !u.startsWith("blob:") && !u.startsWith("data:")) offsite.push(u);
  });

  if (benchAt > 0) {
    await bench(context, base, Number(process.argv[benchAt + 1] || 100));
    await browser.close();
    server.close();
    return;
  }

  const samples = walk(SAMPLES, /\.xlsx$/);
  const others = [path.join(CONVERTED, "selfeval", "zhengwuyun.xls"), path.join(CONVERTED, "selfeval-defects", "wrong-arithmetic.ods")].filter((f) => fs.existsSync(f));
  const expected = JSON.parse(fs.readFileSync(path.join(SAMPLES, "expected.json"), "utf8"));
  const cli = cliResults([...samples, ...others]);
  let page;
  let chosen;

  console.log("web checker (dist/web) in Chromium");
  await test("the page opens from a subfolder with relative URLs, in Chinese, keyboard first on 选择文件", async () => {
    page = await openPage(context, base);
    equal(await page.textContent("h1"), "绩效表检查 · 绩效自评助手", "title");
    check((await page.getAttribute("html", "lang")) === "zh-CN", "lang is not zh-CN");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    check(focused === "选择文件", `the second Tab stop is "${focused}", not 选择文件`);
    await shot(page, "01-empty");
  });

  await test(`every sample (${samples.length}) and an .xls and an .ods chosen through the file input: rows fill in, same findings as jixiao check --json`, async () => {
    chosen = await choose(page, [...samples, ...others]);
    equal(chosen.results.length, samples.length + others.length, "files checked");
    for (const f of chosen.results) {
      const c = cli.get(path.basename(f.file));
      check(c, `${f.file}: not in the command's output`);
      equal(factsOfPage(f), factsOfCli(c), `${f.file}: the page and the command differ`);
    }
    await shot(page, "02-checked");
  });

  await test("each sample's total, grade and kind on screen are expected.json's", async () => {
    const rows = await page.$$eval('[data-testid="result-row"]', (trs) => trs.map((tr) => ({ file: tr.dataset.file, sheet: tr.dataset.sheet, status: tr.dataset.status, total: tr.querySelector('[data-testid="total"]').textContent, grade: tr.querySelector('[data-testid="grade"]').textContent })));
    for (const e of expected) {
      const name = path.basename(e.file);
      for (const s of e.sheets) {
        if (s.kind === "none") continue;
        const row = rows.find((r) => r.file === name && r.sheet === s.sheet);
        check(row, `${name} ${s.sheet}: no row`);
        // A form whose total is blank (blankTotal) shows the computed one, which the command's check compares.
        // The screen tells the form's figure from the computed one: "92.61（表内）· 核算 91.61",
        // "（建议）94.33" for a blank total; expected.json holds the computed figure.
        const computed = (t) => /（表内）· 核算 (.+)$/.exec(t)?.[1] ?? /^（建议）(.+)$/.exec(t)?.[1] ?? t;
        if (s.blankTotal) {
          check(/^（建议）\d+\.\d\d$/.test(row.total), `${name} ${s.sheet}: a blank total shown as ${row.total}, not as a suggestion`);
          check(/^（建议）/.test(row.grade), `${name} ${s.sheet}: a blank grade shown as ${row.grade}, not as a suggestion`);
        } else {
          equal(computed(row.total), fmt2(s.total ?? null), `${name} ${s.sheet}: total on screen`);
          equal(computed(row.grade), s.grade ?? "", `${name} ${s.sheet}: grade on screen`);
        }
        const errors = s.findings.filter((x) => x.severity === "error").length;
        equal(row.status, errors > 0 ? "needs-work" : "ready", `${name} ${s.sheet}: status`);
      }
    }
  });

  await test("a row opens its findings in a panel of their own, with their cells (keyboard: Enter on the button; Escape closes)", async () => {
    const row = page.locator('[data-testid="result-row"][data-file="wrong-arithmetic.xlsx"]');
    const toggle = row.locator('[data-testid="toggle-findings"]');
    await toggle.focus();
    await page.keyboard.press("Enter");
    check((await toggle.getAttribute("aria-expanded")) === "true", "aria-expanded is not true");
    // The form's own findings, then the print check's under its heading, each in the engine's order.
    const cells = await page.$$eval('[data-testid="findings"] tbody tr, [data-testid="print-findings"] tbody tr', (trs) => trs.map((tr) => tr.dataset.cell));
    const found = chosen.results.find((f) => f.file === "wrong-arithmetic.xlsx").sheets[0].findings;
    const want = [...found.filter((x) => !x.code.startsWith("print-")), ...found.filter((x) => x.code.startsWith("print-"))].map((x) => x.cell);
    equal(cells, want, "the cells listed");
    check(found.some((x) => x.code.startsWith("print-")), "the sample has no print-check finding to show");
    // Each finding names its kind in Chinese, the code beside it.
    const kinds = await page.$$eval('[data-testid="findings"] tbody tr td:nth-child(3)', (tds) => tds.map((td) => td.textContent));
    check(kinds.every((k) => /[\u4e00-\u9fff]/.test(k)), `a finding's kind is not named in Chinese: ${kinds.join(" | ")}`);
    await shot(page, "03-findings");
    await page.keyboard.press("Escape");
    await page.waitForSelector('[data-testid="findings"]', { state: "detached", timeout: WAIT_MS });
  });

  await test("the English switch: labels and engine messages in English, then back to Chinese", async () => {
    await page.click('[data-testid="language"]');
    equal(await page.textContent("h1"), "Performance form checker · jixiao", "title in English");
    await page.locator('[data-testid="result-row"][data-file="wrong-arithmetic.xlsx"] [data-testid="toggle-findings"]').click();
    const first = await page.textContent('[data-testid="findings"] tbody tr td:last-child');
    check(/^[\x20-\x7e\u2013-\u2019]/.test(first.trim()), `the finding reads "${first}"`);
    check((await page.getAttribute("html", "lang")) === "en-US", "lang is not en-US");
    await shot(page, "04-english");
    await page.keyboard.press("Escape");
    await page.waitForSelector('[data-testid="findings"]', { state: "detached", timeout: WAIT_MS });
    await page.click('[data-testid="language"]');
    equal(await page.textContent("h1"), "绩效表检查 · 绩效自评助手", "title back in Chinese");
  });

  await test("下载已填写副本 is the command's --fix: the same cells written with the same values, read back", async () => {
    const name = "blank-scores.xlsx";
    const src = samples.find((f) => path.basename(f) === name);
    const [dl] = await Promise.all([page.waitForEvent("download"), page.locator(`[data-testid="result-row"][data-file="${name}"] [data-testid="download-filled"]`).click()]);
    equal(dl.suggestedFilename(), "blank-scores.filled.xlsx", "the copy's name");
    const saved = path.join(OUT, dl.suggestedFilename());
    await dl.saveAs(saved);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-web-"));
    const doc = JSON.parse(spawnSync(process.execPath, [CLI, "check", src, "--fix", "--out", path.join(tmp, "cli.xlsx"), "--json"], { encoding: "utf8" }).stdout);
    const written = doc.files[0].sheets[0].written;
    check(written.length > 0, "the command wrote nothing");
    const wb = await readBack(saved);
    const ws = wb.getWorksheet(doc.files[0].sheets[0].sheet);
    for (const w of written) {
      const v = ws.getCell(w.cell).value;
      equal(typeof v === "object" && v && "richText" in v ? v.richText.map((r) => r.text).join("") : v, w.value, `${w.cell} in the downloaded copy`);
    }
    const cliCopy = await readBack(path.join(tmp, "cli.xlsx"));
    equal(
      wb.worksheets.map((s) => s.name),
      cliCopy.worksheets.map((s) => s.name),
      "sheets of the two copies",
    );
    fs.rmSync(tmp, { recursive: true, force: true });
    const notice = await page.textContent('[data-testid="notice"]');
    check(notice.includes(`写入 ${written.length} 个单元格`), `the notice says "${notice}"`);
    await shot(page, "05-filled");
  });

  await test("下载提交版 is --fix --clean: the same cells written, no mark and no note of the add-in", async () => {
    const name = "missing-reasons.xlsx";
    const [dl] = await Promise.all([page.waitForEvent("download"), page.locator(`[data-testid="result-row"][data-file="${name}"] [data-testid="download-submit"]`).click()]);
    equal(dl.suggestedFilename(), "missing-reasons.submit.xlsx", "the copy's name");
    const saved = path.join(OUT, dl.suggestedFilename());
    await dl.saveAs(saved);
    const JSZip = createRequire(import.meta.url)("jszip");
    const zip = await JSZip.loadAsync(fs.readFileSync(saved));
    const texts = await Promise.all(Object.keys(zip.files).filter((n) => /\.(xml|vml)$/.test(n)).map((n) => zip.file(n).async("string")));
    check(!texts.some((t) => t.includes('N("jixiao")')), "a mark of the add-in is in the copy to submit");
    check(!texts.some((t) => t.includes("【绩效自评助手】")), "a note of the add-in is in the copy to submit");
    check(texts.some((t) => t.includes("【待补充原因】")), "the drafted reasons are not in the copy");
  });

  await test("下载汇总表: 汇总 with a row per form, 问题清单 with every finding, 说明; read back", async () => {
    const [dl] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="download-summary"]')]);
    equal(dl.suggestedFilename(), "汇总.xlsx", "the summary's name");
    const saved = path.join(OUT, "汇总.xlsx");
    await dl.saveAs(saved);
    const wb = await readBack(saved);
    equal(wb.worksheets.map((s) => s.name), ["汇总", "问题清单", "说明"], "sheets");
    const rowsOnPage = await page.$$eval('[data-testid="result-row"]', (trs) => trs.length);
    equal(wb.getWorksheet("汇总").actualRowCount - 1, rowsOnPage, "汇总 rows");
    const findings = chosen.results.reduce((n, f) => n + f.sheets.reduce((k, s) => k + (s.kind === "none" ? 0 : s.findings.length), 0), 0);
    equal(wb.getWorksheet("问题清单").actualRowCount - 1, findings, "问题清单 rows");
    const total = wb.getWorksheet("汇总").getRow(2).getCell(8).value;
    check(typeof total === "number" || total === null, `总分 is ${typeof total}, not a number`);
    check(String(wb.getWorksheet("说明").getCell("B2").value).startsWith("绩效自评助手 jixiao "), "说明 has no version");
  });

  await test("打印 / 导出PDF (and Ctrl+P): on A4, the batch summary then a page per form with its figures and findings; none of the page's controls", async () => {
    const { pdfPages } = createRequire(import.meta.url)("../pdf/pdfText.cjs");
    const flat = (t) => t.replace(/\s+/g, "");
    // Ctrl+P: the report is there as soon as the browser says it will print.
    const onPrint = await page.evaluate(() => {
      window.dispatchEvent(new Event("beforeprint"));
      const n = document.querySelectorAll('[data-testid="print-form"]').length;
      window.dispatchEvent(new Event("afterprint"));
      return n;
    });
    check(onPrint > 0, "Ctrl+P (beforeprint) did not render the report at once");
    equal(await page.locator('[data-testid="print-report"]').count(), 0, "the report stays in the page after printing");
    // The button: the browser's print, stubbed, is called once the report is rendered.
    await page.evaluate(() => {
      window.__printed = 0;
      window.print = () => {
        window.__printed += document.querySelectorAll('[data-testid="print-form"]').length > 0 ? 1 : 0;
      };
    });
    await page.click('[data-testid="print"]');
    await page.waitForFunction(() => window.__printed > 0, null, { timeout: 20_000 });
    const heads = await page.$$eval('[data-testid="print-form"] h2', (hs) => hs.map((h) => h.textContent));
    const forms = await page.$$eval('[data-testid="result-row"]', (trs) => trs.length);
    check(heads.length > 0, "no form page in the print report");
    const pdf = await page.pdf({ preferCSSPageSize: true });
    fs.writeFileSync(path.join(OUT, "print.pdf"), pdf);
    const pages = pdfPages(pdf);
    check(pages.every((p) => Math.abs(p.width - 595.28) < 1.5 && Math.abs(p.height - 841.89) < 1.5), `a page not A4: ${pages.map((p) => `${Math.round(p.width)}×${Math.round(p.height)}`).join(", ")}`);
    check(flat(pages[0].text).startsWith("绩效表检查汇总"), `page 1 does not open with the summary: ${pages[0].text.slice(0, 80)}`);
    // Every form begins a page of its own, in order; each page shows its figures.
    const starts = pages.map((p, i) => ({ i, t: flat(p.text) })).filter(({ t }) => heads.some((h) => t.startsWith(flat(h))));
    equal(starts.length, heads.length, "pages that begin with a form");
    equal(starts.map(({ t }) => heads.findIndex((h) => t.startsWith(flat(h)))), heads.map((_, k) => k), "forms in the table's order");
    check(starts.every(({ t }) => t.includes("总分") && t.includes("等级")), "a form's page without its figures");
    check(pages.length >= 1 + heads.length, `${pages.length} pages for ${heads.length} forms and a summary`);
    check(heads.length <= forms, "more form pages than rows");
    const all = pages.map((p) => p.text).join("");
    for (const control of ["选择文件夹", "下载汇总表", "清空列表", "使用说明", "查看问题"]) check(!all.includes(control), `the control ${control} is printed`);
    check(flat(all).includes("打印检查（盖章前）"), "the print check's findings are not printed");
    await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
    equal(await page.locator('[data-testid="print-report"]').count(), 0, "the report stays after printing");
  });

  await test("filters and sorting: by 结论, by text, by total; the glance counts the batch", async () => {
    const rowsNow = () => page.$$eval('[data-testid="result-row"]', (trs) => trs.map((tr) => ({ file: tr.dataset.file, status: tr.dataset.status, total: tr.querySelector('[data-testid="total"]').textContent })));
    const all = await rowsNow();
    const work = all.filter((r) => r.status === "needs-work").length;
    check(work > 0, "no form needs work among the samples");
    check((await page.textContent('[data-testid="filter-needs-work"]')).includes(String(work)), "the glance's 需修改 count");
    await page.click('[data-testid="filter-needs-work"]');
    const filtered = await rowsNow();
    equal(filtered.length, work, "rows shown under 需修改");
    check(filtered.every((r) => r.status === "needs-work"), "a row that does not need work is shown under 需修改");
    await page.click('[data-testid="filter-all"]');
    await page.fill('[data-testid="filter-text"]', "wrong-arithmetic");
    equal((await rowsNow()).map((r) => r.file), all.filter((r) => r.file.includes("wrong-arithmetic")).map((r) => r.file), "rows found by text");
    await page.fill('[data-testid="filter-text"]', "");
    await page.click('[data-testid="sort-total"]');
    // The sort takes the form's own total where it states one, else the computed: the first figure a row shows.
    const sorted = (await rowsNow()).map((r) => Number((/(\d+\.\d\d)/.exec(r.total) ?? [])[1] ?? NaN));
    equal(sorted.length, all.length, "rows after sorting");
    const valued = sorted.filter((x) => !Number.isNaN(x));
    check(valued.length > 3, "too few totals to sort");
    equal(valued, [...valued].sort((x, y) => y - x), "totals highest first");
    check(sorted.slice(valued.length).every((x) => Number.isNaN(x)), "a row without a total is not last");
    await page.click('[data-testid="sort-file"]');
    await shot(page, "04b-filtered");
  });

  await test("layout at 1366×768, 1920×1080, 200 % zoom and 390×844: no action, figure or finding clipped or reached sideways", async () => {
    const sizes = [
      { name: "1366x768", viewport: { width: 1366, height: 768 }, scale: 1 },
      { name: "1920x1080", viewport: { width: 1920, height: 1080 }, scale: 1 },
      { name: "1366x768-zoom200", viewport: { width: 683, height: 384 }, scale: 2 },
      { name: "390x844", viewport: { width: 390, height: 844 }, scale: 3 },
    ];
    const some = samples.slice(0, 8);
    for (const size of sizes) {
      const ctx = await browser.newContext({ viewport: size.viewport, deviceScaleFactor: size.scale, locale: "zh-CN" });
      const p = await openPage(ctx, base);
      await choose(p, some);
      const over = await p.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const out = [];
        if (document.documentElement.scrollWidth > width + 1) out.push(`the page is ${document.documentElement.scrollWidth} px wide in ${width}`);
        for (const el of document.querySelectorAll('[data-testid="result-row"] button, [data-testid="result-row"] [data-testid="total"], [data-testid="result-row"] [data-testid="grade"], [data-testid="glance"] button')) {
          const r = el.getBoundingClientRect();
          if (r.width > 0 && (r.right > width + 1 || r.left < -1)) out.push(`${el.textContent} at ${Math.round(r.left)}–${Math.round(r.right)} in ${width}`);
        }
        return out;
      });
      equal(over, [], `${size.name}: clipped or sideways`);
      await p.screenshot({ path: path.join(OUT, `layout-${size.name}.png`), fullPage: true });
      // The findings of a form open whole at this size too.
      await p.locator('[data-testid="toggle-findings"]').first().click();
      await p.waitForSelector('[data-testid="findings"], [id="findings-panel-table"]', { timeout: WAIT_MS });
      // The panel slides in: measured where it comes to rest.
      await p.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
      const panel = await p.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const t = document.querySelector('[data-testid="findings"]');
        if (!t) return [];
        const r = t.getBoundingClientRect();
        return r.right > width + 1 ? [`the findings reach ${Math.round(r.right)} in ${width}`] : [];
      });
      equal(panel, [], `${size.name}: findings panel`);
      await p.screenshot({ path: path.join(OUT, `layout-${size.name}-findings.png`) });
      await p.close();
      await ctx.close();
    }
  });

  await test("axe-core finds no serious or critical accessibility problem: the page, the checked table, the findings panel", async () => {
    // The page's own policy allows its own scripts only: axe is let in by the browser, not by the page.
    const axeContext = await browser.newContext({ viewport: { width: 1500, height: 1000 }, locale: "zh-CN", bypassCSP: true });
    const p = await openPage(axeContext, base);
    const axe = async (what) => {
      await p.addScriptTag({ path: AXE });
      // Fluent's focus manager (tabster) keeps focusable, aria-hidden dummies at a focus trap's edges to
      // carry focus round it: by design, and known to axe's aria-hidden-focus; everything else is checked.
      const r = await p.evaluate(async () => (await window.axe.run({ exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] })).violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.html.slice(0, 160)), help: v.help })));
      const bad = r.filter((v) => v.impact === "serious" || v.impact === "critical");
      equal(bad, [], `axe on ${what}`);
      return r;
    };
    await axe("the empty page");
    await choose(p, samples.slice(0, 6));
    await axe("the checked table");
    await p.locator('[data-testid="toggle-findings"]').first().click();
    await p.waitForSelector('[data-testid="findings"]', { timeout: WAIT_MS });
    await p.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
    await axe("the findings panel");
    await p.close();
    await axeContext.close();
  });

  await test("a folder chosen whole: its workbooks checked, other files listed as skipped", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-folder-"));
    const folder = path.join(dir, "第一批");
    fs.mkdirSync(path.join(folder, "子目录"), { recursive: true });
    fs.copyFileSync(samples[0], path.join(folder, path.basename(samples[0])));
    fs.copyFileSync(samples[1], path.join(folder, "子目录", path.basename(samples[1])));
    fs.writeFileSync(path.join(folder, "说明.txt"), "not a workbook");
    const p = await openPage(context, base);
    const r = await choose(p, folder, "folder-input");
    equal(r.results.map((f) => f.file).sort(), [`第一批/${path.basename(samples[0])}`, `第一批/子目录/${path.basename(samples[1])}`].sort(), "files from the folder");
    check((await p.textContent("body")).includes("已跳过：第一批/说明.txt"), "the text file is not said to be skipped");
    await shot(p, "06-folder");
    await p.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  await test("files dropped on the page are checked (the drop area's own handler)", async () => {
    const p = await openPage(context, base);
    const picks = samples.slice(0, 2).map((f) => ({ name: path.basename(f), b64: fs.readFileSync(f).toString("base64") }));
    const data = await p.evaluateHandle((files) => {
      const dt = new DataTransfer();
      for (const f of files) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name));
      return dt;
    }, picks);
    await p.dispatchEvent('[data-testid="drop-zone"]', "dragover", { dataTransfer: data });
    await p.dispatchEvent('[data-testid="drop-zone"]', "drop", { dataTransfer: data });
    await p.waitForFunction(() => window.__jixiaoWeb && window.__jixiaoWeb.doneAt !== null && window.__jixiaoWeb.done(), null, { timeout: WAIT_MS });
    const r = await p.evaluate(() => window.__jixiaoWeb.results());
    equal(r.map((f) => f.file).sort(), picks.map((f) => f.name).sort(), "files dropped");
    for (const f of r) equal(factsOfPage(f), factsOfCli(cli.get(f.file)), `${f.file} dropped`);
    await p.close();
  });

  await test("a rule option (四舍五入) checks the files again: the command's figures with --rounding half-up", async () => {
    const p = await openPage(context, base);
    const file = samples.find((f) => path.basename(f) === "shujuyunying.xlsx");
    const cut = await choose(p, [file]);
    await p.getByRole("button", { name: "规则设置" }).click();
    await p.getByLabel("四舍五入").check();
    await p.waitForFunction(() => window.__jixiaoWeb.doneAt !== null && window.__jixiaoWeb.done(), null, { timeout: WAIT_MS });
    const rounded = await p.evaluate(() => window.__jixiaoWeb.results());
    const r = spawnSync(process.execPath, [CLI, "check", file, "--rounding", "half-up", "--json"], { encoding: "utf8" });
    const c = JSON.parse(r.stdout).files[0];
    equal(factsOfPage(rounded[0]), factsOfCli(c), "half-up in the page and in the command");
    check(rounded[0].sheets[0].figures.budget.score !== cut.results[0].sheets[0].figures.budget.score, "the option changed nothing");
    await shot(p, "07-settings");
    // The option is kept for the next visit (this browser profile): put back the defaults.
    await p.evaluate(() => window.localStorage.clear());
    await p.close();
  });

  await test("without workers (a policy or a page opened from disk) the page checks the same, in the page", async () => {
    const p = await openPage(context, base, { noWorkers: true });
    const r = await choose(p, samples.slice(0, 3));
    for (const f of r.results) equal(factsOfPage(f), factsOfCli(cli.get(path.basename(f.file))), `${f.file} without workers`);
    await p.close();
  });

  await test("opened from disk (file://, as from a shared drive): it checks in the page, the command's figures", async () => {
    // A context of its own: its requests are to file:// URLs, which the served pages must never make.
    const local = await browser.newContext({ acceptDownloads: true, locale: "zh-CN" });
    const p = await local.newPage();
    const errors = [];
    p.on("pageerror", (e) => errors.push(e.message));
    const requests = [];
    p.on("request", (r) => requests.push(r.url()));
    await p.goto(`file://${path.join(DIST, "index.html")}`);
    await p.waitForSelector('[data-testid="drop-zone"]', { timeout: WAIT_MS });
    const r = await choose(p, samples.slice(0, 2));
    for (const f of r.results) equal(factsOfPage(f), factsOfCli(cli.get(path.basename(f.file))), `${f.file} from disk`);
    equal(errors, [], "script errors");
    equal(requests.filter((u) => !u.startsWith(`file://${DIST}/`) && !u.startsWith("blob:") && !u.startsWith("data:")), [], "requests outside dist/web");
    await local.close();
  });

  await test("no request left the page's origin; no script error", async () => {
    equal(offsite, [], "requests off the origin");
    equal(consoleErrors, [], "console errors");
  });

  await browser.close();
  server.close();
  fs.writeFileSync(path.join(OUT, "results.json"), JSON.stringify({ results, firstRowMs: chosen?.first, allMs: chosen?.all }, null, 2));
  const failed = results.filter((r) => !r.ok).length;
  console.log(`web e2e: ${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}


main().catch((e) => {
  console.error(e);
  process.exit(1);
});
