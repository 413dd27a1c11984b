// End-to-end tests: the playground (dist-playground/, built by `npm run build:playground`) served on
// 127.0.0.1, driven in headless Chromium (Debian's /usr/bin/chromium) through playwright-core.
// For every sample under test/fixtures/samples it checks, selects a finding, clears the marks, fills,
// types a reason (where a reason is missing) and clears again, comparing the emulated workbook with
// window.__jixiao.snapshot() and the pane and grid on screen with expected.json.
//
//   npm run test:e2e             builds the playground, then runs this
//   node test/e2e/run.mjs        uses dist-playground/ as it is (builds it when it is missing)
//
// Artifacts in test-output/e2e/: a screenshot per sample after 检查 and a few after 填写,
// first-render.json ({ ms }: navigation start → the pane painted with its title), results.json.
// Prints `e2e: N passed, M failed` last; exit status 1 on any failure.
/* global window, document, performance, setTimeout, clearTimeout */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import ExcelJS from "exceljs";
import { chromium } from "playwright-core";
import { check, CHROMIUM, CHROMIUM_ARGS, createRunner } from "./harness.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DIST = path.join(ROOT, "dist-playground");
const OUT = path.join(ROOT, "test-output", "e2e");
const SAMPLES = path.join(ROOT, "test", "fixtures", "samples");
/** The whole run stops (and fails) after this long. */
const RUN_LIMIT_MS = 240_000;
const WAIT_MS = 20_000;

const ERROR_FILL = "#FFC7CE";
const WARNING_FILL = "#FFEB9C";
const NOTE_PREFIX = "【绩效自评助手】";
const DRAFT_PREFIX = "【待补充原因】";
const KIND_ZH = {
  "self-evaluation": "财政项目支出绩效自评表",
  "self-evaluation-legacy": "项目绩效自我评价（旧表）",
  targets: "绩效目标表",
};
/** Samples whose 填写 result is also downloaded and read back with ExcelJS. */
const DOWNLOAD_CHECKS = new Set(["selfeval-defects/blank-scores.xlsx", "selfeval-defects/missing-reasons.xlsx"]);
/** Samples whose page is also kept after 填写. */
const FILL_SCREENSHOTS = new Set(["selfeval-defects/blank-scores.xlsx", "selfeval-defects/missing-reasons.xlsx", "selfeval-defects/wrong-arithmetic.xlsx"]);

// ---------------------------------------------------------------------------------------------
// A small runner

const { results, test, current } = createRunner();
/** Requests the pages made to anywhere but the playground's server (there must be none: no network at run time). */
const offsite = [];

function equalSets(actual, expected, what) {
  const a = [...new Set(actual)].sort();
  const e = [...new Set(expected)].sort();
  check(isDeepStrictEqual(a, e), `${what}: got [${a.join(" ")}], expected [${e.join(" ")}]`);
}

function slug(file) {
  return file.replace(/\.xlsx$/i, "").replace(/[\\/]/g, "-");
}

// ---------------------------------------------------------------------------------------------
// Workbook dumps (window.__jixiao.snapshot(): dumpSheet of every sheet)

function cellMap(sheetDump) {
  return new Map(sheetDump.cells.map(([address, value, formula, numberFormat]) => [address, { value, formula, numberFormat }]));
}

/** Addresses whose cell (value, formula or number format) differs between two dumps of a sheet. */
function changedCells(before, after) {
  const a = cellMap(before);
  const b = cellMap(after);
  const out = [];
  for (const k of new Set([...a.keys(), ...b.keys()])) if (!isDeepStrictEqual(a.get(k), b.get(k))) out.push(k);
  return out.sort();
}

/** What differs between two workbook dumps, in a few words (empty when equal). */
function describeDiff(before, after) {
  if (isDeepStrictEqual(before, after)) return "";
  const parts = [];
  if (before.length !== after.length) parts.push(`sheets ${before.length} → ${after.length}`);
  for (let i = 0; i < Math.min(before.length, after.length); i++) {
    const x = before[i];
    const y = after[i];
    const cells = changedCells(x, y);
    if (cells.length) parts.push(`${y.name}: cells ${cells.slice(0, 12).join(" ")}${cells.length > 12 ? " …" : ""}`);
    for (const key of ["name", "protected", "merges", "conditionalFormats", "notes", "validations"]) {
      if (!isDeepStrictEqual(x[key], y[key])) parts.push(`${y.name}: ${key} ${JSON.stringify(x[key]).slice(0, 200)} → ${JSON.stringify(y[key]).slice(0, 200)}`);
    }
  }
  return parts.join("; ");
}

/** The top-left cell of the merged area holding `address` (the td the grid draws), else the cell. */
function masterCell(sheetDump, address) {
  const { row, col } = parseA1(address);
  for (const m of sheetDump.merges) {
    const [a, b = a] = m.split(":");
    const p = parseA1(a);
    const q = parseA1(b);
    if (row >= p.row && row <= q.row && col >= p.col && col <= q.col) return a;
  }
  return address;
}

function parseA1(address) {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

// ---------------------------------------------------------------------------------------------
// Static server

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "application/javascript; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".txt": "text/plain; charset=utf-8",
  ".json": "application/json",
};

function serve(dir) {
  const server = http.createServer((req, res) => {
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = path.normalize(path.join(dir, rel));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (rel.endsWith("/")) file = path.join(file, "index.html");
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
        return;
      }
      res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream", "Content-Length": st.size, "Cache-Control": "no-cache" });
      fs.createReadStream(file).pipe(res);
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

// ---------------------------------------------------------------------------------------------
// The page

/** Everything the pane shows that the tests look at. */
async function paneState(page) {
  return page.evaluate(() => {
    const pane = document.querySelector('[data-testid="pane"]');
    const text = (el) => (el ? el.textContent.trim() : "");
    const figures = {};
    for (const dt of pane.querySelectorAll("dl dt")) figures[text(dt)] = text(dt.nextElementSibling);
    const findings = [];
    for (const b of pane.querySelectorAll("button[aria-label]")) {
      const m = /^(错误|警告|提示)，单元格 ([A-Z]+\d+)：/.exec(b.getAttribute("aria-label"));
      if (m) findings.push({ severity: { 错误: "error", 警告: "warning", 提示: "info" }[m[1]], cell: m[2] });
    }
    const errorBar = pane.querySelector(".fui-MessageBar");
    return {
      title: text(pane.querySelector("h1")),
      notice: text(pane.querySelector('p[role="status"]')),
      status: text(pane.querySelector('[data-testid="sheet-status"]')),
      figures,
      findings,
      error: errorBar ? text(errorBar) : null,
      busy: !!pane.querySelector('[aria-busy="true"]'),
    };
  });
}

/** The grid's marks: cells with a conditional-format fill, and cells with a note. */
async function gridState(page) {
  return page.evaluate(() => {
    const fills = {};
    for (const td of document.querySelectorAll("td[data-cf-fill]")) fills[td.dataset.cell] = td.dataset.cfFill;
    const notes = {};
    for (const td of document.querySelectorAll("td[data-note]")) notes[td.dataset.cell] = td.dataset.note;
    const selected = [...document.querySelectorAll('td[data-selected="true"]')].map((td) => td.dataset.cell);
    const table = document.querySelector("table.grid");
    return { fills, notes, selected, sheet: table ? table.dataset.sheet : null };
  });
}

const snapshot = (page, sheet) => page.evaluate((s) => window.__jixiao.snapshot(s), sheet);

/** Open the playground on a sample and wait until the grid and the pane are there. */
async function openSample(page, base, file, { autocheck = false } = {}) {
  await page.goto(`${base}/?autocheck=${autocheck ? 1 : 0}&sample=${encodeURIComponent(file)}`);
  await page.waitForFunction((f) => window.__jixiao && window.__jixiao.file === f && document.querySelector('[data-testid="pane"] h1') && document.querySelector("table.grid td[data-cell]"), file, { timeout: WAIT_MS });
}

function paneButton(page, name) {
  return page.getByTestId("pane").getByRole("button", { name, exact: true });
}

/** Click one of the pane's actions and wait until it has run (its syncs made, the pane idle again). */
async function runAction(page, name, notice) {
  const before = await page.evaluate(() => window.__jixiao.syncs());
  await paneButton(page, name).click();
  await page.waitForFunction(
    ([b, re]) => {
      const pane = document.querySelector('[data-testid="pane"]');
      const status = pane.querySelector('p[role="status"]');
      const idle = !pane.querySelector('[aria-busy="true"]') && [...pane.querySelectorAll("button")].some((x) => x.textContent === "检查" && !x.disabled);
      const failed = !!pane.querySelector(".fui-MessageBar");
      return window.__jixiao.syncs() > b && idle && (failed || new RegExp(re).test(status ? status.textContent : ""));
    },
    [before, notice.source],
    { timeout: WAIT_MS },
  );
  const state = await paneState(page);
  check(!state.error, `${name}: the pane reports an error: ${state.error}`);
  // Let the grid take the last sync (it redraws in the task after the sync).
  await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
  return state;
}

async function clickTab(page, sheet) {
  await page.locator(`.tabs [role="tab"][data-sheet="${sheet}"]`).click();
  await page.waitForFunction((s) => window.__jixiao.activeSheet() === s && document.querySelector("table.grid")?.dataset.sheet === s, sheet, { timeout: WAIT_MS });
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
}

// ---------------------------------------------------------------------------------------------
// Assertions shared by the sample tests

function errorCells(state) {
  return state.findings.filter((f) => f.severity === "error").map((f) => f.cell);
}

/** The marks in the grid are the pane's findings: red on every error cell, yellow on warning-only cells, a note on each. */
function checkMarks(state, grid) {
  const errors = new Set(errorCells(state));
  const warnings = new Set(state.findings.filter((f) => f.severity === "warning" && !errors.has(f.cell)).map((f) => f.cell));
  const red = Object.keys(grid.fills).filter((c) => grid.fills[c] === ERROR_FILL);
  const yellow = Object.keys(grid.fills).filter((c) => grid.fills[c] === WARNING_FILL);
  equalSets(red, [...errors], "cells with the error fill vs. the pane's errors");
  equalSets(yellow, [...warnings], "cells with the warning fill vs. the pane's warnings");
  for (const c of [...errors, ...warnings]) {
    check(typeof grid.notes[c] === "string" && grid.notes[c].startsWith(NOTE_PREFIX), `${c}: no note of the add-in (got ${JSON.stringify(grid.notes[c])})`);
  }
}

/** The computed figure in what the pane shows: "92.61（表内）· 核算 91.61", "（建议）94.33" or "90.20". */
function computedOf(shown) {
  if (typeof shown !== "string") return shown;
  const differs = /（表内）· 核算 (.+)$/.exec(shown);
  if (differs) return differs[1];
  const suggested = /^（建议）(.+)$/.exec(shown);
  return suggested ? suggested[1] : shown;
}

function checkFigures(state, sheet) {
  state = { ...state, figures: Object.fromEntries(Object.entries(state.figures).map(([k, v]) => [k, computedOf(v)])) };
  if (sheet.kind) check(state.figures["表格类型"] === KIND_ZH[sheet.kind], `form kind shown ${state.figures["表格类型"]}, expected ${KIND_ZH[sheet.kind]}`);
  if (typeof sheet.budgetScore === "number") {
    check(state.figures["预算执行得分"] === sheet.budgetScore.toFixed(2), `budget score shown ${state.figures["预算执行得分"]}, expected ${sheet.budgetScore.toFixed(2)}`);
  }
  if (typeof sheet.total === "number") check(state.figures["总分"] === sheet.total.toFixed(2), `total shown ${state.figures["总分"]}, expected ${sheet.total.toFixed(2)}`);
  if (typeof sheet.grade === "string") check(state.figures["评分等级"] === sheet.grade, `grade shown ${state.figures["评分等级"]}, expected ${sheet.grade}`);
}

async function checkNoMarks(page) {
  const grid = await gridState(page);
  check(Object.keys(grid.fills).length === 0, `marks left in the grid: ${JSON.stringify(grid.fills)}`);
  check(Object.keys(grid.notes).length === 0, `notes left in the grid: ${Object.keys(grid.notes).join(" ")}`);
}

// ---------------------------------------------------------------------------------------------
// The tests

/** Steps 1–5 for one sample sheet. Returns after the first failing step (the rest depend on it). */
async function sampleSteps(page, base, entry, sheet) {
  const file = entry.file;
  const label = `${file} · ${sheet.sheet}`;
  const expectedErrors = sheet.findings.filter((f) => f.severity === "error");
  const expectedCells = expectedErrors.map((f) => f.cell);
  const afterFillCells = expectedErrors.filter((f) => !f.beforeFill).map((f) => f.cell);
  const tolerated = sheet.blankTotal ? [sheet.totalCell, sheet.gradeCell].filter(Boolean) : [];
  let ok = true;
  const step = async (name, fn) => {
    if (!ok) {
      results.push({ name: `${label}: ${name}`, ok: false, ms: 0, error: "not run: an earlier step failed" });
      console.log(`  - ${label}: ${name} (not run)`);
      return;
    }
    await test(`${label}: ${name}`, fn);
    ok = results[results.length - 1].ok;
  };

  let original;
  let checked;
  await step("检查 shows the findings, totals and marks", async () => {
    await openSample(page, base, file);
    await clickTab(page, sheet.sheet);
    original = await snapshot(page);
    const before = await paneState(page);
    check(before.findings.length === 0 && before.notice === "", "the pane checked before 检查 was clicked (autocheck=0)");
    checked = await runAction(page, "检查", /检查完成/);
    const errors = errorCells(checked);
    for (const c of expectedCells) check(errors.includes(c), `expected error at ${c} not in the pane's error list [${errors.join(" ")}]`);
    for (const c of errors) check(expectedCells.includes(c) || tolerated.includes(c), `false alarm: error at ${c} (expected only [${expectedCells.join(" ")}])`);
    if (expectedCells.length === 0) check(checked.status.includes("可以提交"), `status "${checked.status}" does not say 可以提交`);
    else check(checked.status.includes("尚不能提交"), `status "${checked.status}" does not say 尚不能提交`);
    checkFigures(checked, sheet);
    checkMarks(checked, await gridState(page));
    await shot(page, `${slug(file)}-check`);
  });

  await step("a click on a finding selects its cell in the grid", async () => {
    if (checked.findings.length === 0) return;
    // The lowest finding on the sheet: the grid may have to scroll to show it.
    const target = [...checked.findings].sort((a, b) => parseA1(b.cell).row - parseA1(a.cell).row)[0];
    await page.evaluate(() => document.querySelector('[data-testid="grid"]').scrollTo(0, 0));
    const dump = (await snapshot(page)).find((s) => s.name === sheet.sheet);
    const td = masterCell(dump, target.cell);
    const severityZh = { error: "错误", warning: "警告", info: "提示" }[target.severity];
    await page.getByTestId("pane").locator(`button[aria-label^="${severityZh}，单元格 ${target.cell}："]`).first().click();
    await page.waitForFunction((c) => document.querySelector(`td[data-cell="${c}"]`)?.dataset.selected === "true", td, { timeout: WAIT_MS });
    const sel = await page.evaluate(() => window.__jixiao.selection());
    check(sel && sel.sheet === sheet.sheet && sel.address === target.cell, `emulator selection ${JSON.stringify(sel)}, expected ${sheet.sheet}!${target.cell}`);
    const grid = await gridState(page);
    equalSets(grid.selected, [td], "selected cells in the grid");
    // Scrolled into view: inside the grid's scroll box, below the sticky column letters.
    await page.waitForFunction(
      (c) => {
        const box = document.querySelector('[data-testid="grid"]').getBoundingClientRect();
        const r = document.querySelector(`td[data-cell="${c}"]`).getBoundingClientRect();
        return r.top >= box.top + 18 && r.bottom <= box.bottom + 1 && r.left >= box.left + 40 && r.right <= box.right + 1;
      },
      td,
      { timeout: 3000 },
    ).catch(() => {
      throw new Error(`${td} is selected but not scrolled into view`);
    });
    const state = await paneState(page);
    check(state.notice.includes(`已选中单元格 ${target.cell}`), `pane notice "${state.notice}"`);
  });

  await step("清除标记 after 检查 gives back the workbook as loaded", async () => {
    await runAction(page, "清除标记", /已清除/);
    const after = await snapshot(page);
    const diff = describeDiff(original, after);
    check(diff === "", `workbook differs from the one loaded: ${diff}`);
    await checkNoMarks(page);
  });

  let filled;
  await step("填写得分与说明草稿 writes the right cells and marks", async () => {
    const before = await snapshot(page);
    const state = await runAction(page, "填写得分与说明草稿", /已填写|没有需要填写/);
    filled = await snapshot(page);
    const x = before.find((s) => s.name === sheet.sheet);
    const y = filled.find((s) => s.name === sheet.sheet);
    const changed = changedCells(x, y);
    const was = cellMap(x);
    const now = cellMap(y);
    for (const c of changed) {
      const b = was.get(c);
      check(!b || (b.value === null && b.formula === null), `fill overwrote ${c} (${JSON.stringify(b)} → ${JSON.stringify(now.get(c))})`);
    }
    for (const other of filled) if (other.name !== sheet.sheet) check(changedCells(before.find((s) => s.name === other.name), other).length === 0, `fill changed sheet ${other.name}`);
    if (file === "selfeval-defects/blank-scores.xlsx") {
      equalSets(changed, ["G13", "G14", "G15", "G16", "G28", "G31", "F32"], "cells written by 填写");
      for (const s of sheet.suggested) {
        const v = now.get(s.cell)?.value;
        check(typeof v === "number" && v >= s.min - 1e-9 && v <= s.max + 1e-9, `${s.cell} = ${JSON.stringify(v)}, expected ${s.min}..${s.max}`);
      }
      check(typeof now.get("G31")?.value === "number", `total G31 = ${JSON.stringify(now.get("G31")?.value)}`);
      check(["优", "良", "中", "差"].includes(now.get("F32")?.value), `grade F32 = ${JSON.stringify(now.get("F32")?.value)}`);
      check(state.figures["总分"] === Number(now.get("G31").value).toFixed(2), `pane total ${state.figures["总分"]} vs. G31 ${now.get("G31").value}`);
      check(state.figures["评分等级"] === now.get("F32").value, `pane grade ${state.figures["评分等级"]} vs. F32 ${now.get("F32").value}`);
    }
    const errors = errorCells(state);
    for (const c of afterFillCells) check(errors.includes(c), `after 填写 the error at ${c} is no longer listed [${errors.join(" ")}]`);
    for (const c of errors) check(afterFillCells.includes(c), `after 填写 an error at ${c} (expected only [${afterFillCells.join(" ")}])`);
    if (afterFillCells.length === 0) check(state.status.includes("可以提交"), `after 填写 status "${state.status}" does not say 可以提交`);
    const grid = await gridState(page);
    checkMarks(state, grid);
    if (file === "selfeval-defects/missing-reasons.xlsx") {
      for (const c of ["H25", "H31"]) {
        check(grid.fills[c] === ERROR_FILL, `${c} has fill ${grid.fills[c]}, expected the error fill ${ERROR_FILL}`);
        const v = now.get(c)?.value;
        check(typeof v === "string" && v.startsWith(DRAFT_PREFIX), `${c} holds ${JSON.stringify(v)}, expected a ${DRAFT_PREFIX} draft`);
        const shown = await page.locator(`td[data-cell="${c}"]`).textContent();
        check(shown.startsWith(DRAFT_PREFIX), `${c} shows "${shown}" in the grid`);
      }
    }
    if (FILL_SCREENSHOTS.has(file)) await shot(page, `${slug(file)}-fill`);
  });

  if (DOWNLOAD_CHECKS.has(file)) {
    await step("下载 .xlsx exports the workbook as filled and marked", async () => {
      const [download] = await Promise.all([page.waitForEvent("download", { timeout: WAIT_MS }), page.getByTestId("download").click()]);
      const name = `${path.basename(file, ".xlsx")}.playground.xlsx`;
      check(download.suggestedFilename() === name, `file name ${download.suggestedFilename()}, expected ${name}`);
      const saved = path.join(OUT, name);
      await download.saveAs(saved);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(saved);
      const ws = wb.getWorksheet(sheet.sheet);
      const dump = filled.find((s) => s.name === sheet.sheet);
      const now = cellMap(dump);
      const written = changedCells(original.find((s) => s.name === sheet.sheet), dump);
      check(written.length > 0, "nothing was filled");
      for (const c of written) {
        check(ws.getCell(c).value === now.get(c).value, `${c} in the download = ${JSON.stringify(ws.getCell(c).value)}, in the playground ${JSON.stringify(now.get(c).value)}`);
      }
      const own = (ws.conditionalFormattings || []).flatMap((cf) => cf.rules.map((r) => ({ ref: cf.ref, formula: (r.formulae || []).join(";") }))).filter((r) => r.formula.includes('N("jixiao")'));
      equalSets(own.map((r) => r.ref), dump.conditionalFormats.filter((cf) => cf.formula?.includes('N("jixiao")')).map((cf) => cf.ranges.join(" ")), "the add-in's marks in the download");
      const notes = [];
      ws.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          if (cell.note) notes.push(cell.address);
        }),
      );
      equalSets(notes, dump.notes.map(([a]) => a), "notes in the download");
    });
  }

  if (file === "selfeval-defects/missing-reasons.xlsx") {
    await step("a reason typed into H25 takes its mark away and the pane re-checks", async () => {
      const reason = "应急演练后调整了值班流程，平均响应时间 1.06 小时，略超目标；已增设夜间值守，2024 年内降到 1 小时以内。";
      await page.locator('td[data-cell="H25"]').dblclick();
      const editor = page.locator('input[data-editor="H25"]');
      await editor.waitFor({ timeout: WAIT_MS });
      await editor.fill(reason);
      await editor.press("Enter");
      await page.waitForFunction(() => !document.querySelector('td[data-cell="H25"]').dataset.cfFill, null, { timeout: 3000 }).catch(() => {
        throw new Error("H25 still carries a fill after the reason was typed");
      });
      const cell = cellMap((await snapshot(page)).find((s) => s.name === sheet.sheet)).get("H25");
      check(cell && cell.value === reason, `H25 holds ${JSON.stringify(cell)}`);
      check((await page.locator('td[data-cell="H25"]').textContent()) === reason, "the grid does not show the reason in H25");
      await page.waitForFunction(() => /已重新读取/.test(document.querySelector('[data-testid="pane"] p[role="status"]').textContent), null, { timeout: 5000 }).catch(() => {
        throw new Error("the pane did not read the sheet again after the edit");
      });
      await page.waitForFunction(() => !document.querySelector('[data-testid="pane"] [aria-busy="true"]'), null, { timeout: WAIT_MS });
      const state = await paneState(page);
      const errors = errorCells(state);
      check(!errors.includes("H25"), `H25 still listed as an error after the reason was typed [${errors.join(" ")}]`);
      check(errors.includes("H31"), `H31 (still a draft) no longer listed [${errors.join(" ")}]`);
      checkMarks(state, await gridState(page));
      await shot(page, `${slug(file)}-typed-H25`);
    });

    await step("typing on the selected H31 (no double-click) clears the last error", async () => {
      const reason = "2023 年完成制度框架 10 份，其余 40 份因机构调整顺延至 2024 年上半年印发。";
      await page.locator('td[data-cell="H31"]').click();
      await page.waitForFunction(() => document.querySelector('td[data-cell="H31"]').dataset.selected === "true", null, { timeout: WAIT_MS });
      await page.keyboard.type(reason);
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => !document.querySelector('td[data-cell="H31"]').dataset.cfFill, null, { timeout: 3000 }).catch(() => {
        throw new Error("H31 still carries a fill after the reason was typed");
      });
      const cell = cellMap((await snapshot(page)).find((s) => s.name === sheet.sheet)).get("H31");
      check(cell && cell.value === reason, `H31 holds ${JSON.stringify(cell && cell.value)}, expected what was typed`);
      const sel = await page.evaluate(() => window.__jixiao.selection());
      check(sel && sel.address === "H32", `Enter should move the selection to H32, got ${JSON.stringify(sel)}`);
      await page.waitForFunction(
        () => {
          const pane = document.querySelector('[data-testid="pane"]');
          return !pane.querySelector('[aria-busy="true"]') && /可以提交/.test(pane.querySelector('[data-testid="sheet-status"]')?.textContent ?? "");
        },
        null,
        { timeout: 5000 },
      ).catch(async () => {
        throw new Error(`the pane does not say 可以提交 after both reasons: ${JSON.stringify(await paneState(page))}`);
      });
      filled = await snapshot(page);
    });
  }

  await step("清除标记 after 填写 removes the marks and keeps the values", async () => {
    const before = await snapshot(page);
    await runAction(page, "清除标记", /已清除/);
    const after = await snapshot(page);
    for (let i = 0; i < after.length; i++) {
      check(isDeepStrictEqual(after[i].cells, before[i].cells), `clear changed cells: ${changedCells(before[i], after[i]).join(" ")}`);
      const restored = { ...original[i], cells: after[i].cells };
      const diff = describeDiff([restored], [after[i]]);
      check(diff === "", `marks, notes or validations differ from the workbook as loaded: ${diff}`);
    }
    const y = after.find((s) => s.name === sheet.sheet);
    const x = original.find((s) => s.name === sheet.sheet);
    if (file === "selfeval-defects/blank-scores.xlsx") equalSets(changedCells(x, y), ["G13", "G14", "G15", "G16", "G28", "G31", "F32"], "values kept after 清除标记");
    if (file === "selfeval-defects/missing-reasons.xlsx") equalSets(changedCells(x, y), ["H25", "H31"], "values kept after 清除标记");
    await checkNoMarks(page);
  });
}

async function firstRender(browser, base) {
  const runs = [];
  let state;
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext({ viewport: { width: 1500, height: 950 }, locale: "zh-CN" });
    const page = await context.newPage();
    page.on("request", (r) => {
      if (!/^(data|blob):/.test(r.url()) && !r.url().startsWith(`${base}/`)) offsite.push(r.url());
    });
    await page.goto(`${base}/`);
    await page.getByTestId("pane").locator("h1", { hasText: "绩效自评助手" }).waitFor({ timeout: WAIT_MS });
    const seen = await page.evaluate(() => performance.now());
    await page.waitForFunction(() => window.__jixiao.firstPaneMs !== undefined, null, { timeout: WAIT_MS });
    const painted = await page.evaluate(() => window.__jixiao.firstPaneMs);
    runs.push({ paintedMs: Math.round(painted), seenByTestMs: Math.round(seen) });
    if (i === 0) {
      // Opened as a person opens it: the default sample, read and checked by the pane on its own (no writes).
      await page.waitForFunction(() => /已读取/.test(document.querySelector('[data-testid="pane"] p[role="status"]')?.textContent ?? ""), null, { timeout: WAIT_MS });
      state = await paneState(page);
      await shot(page, "00-opened");
    }
    await context.close();
  }
  const sorted = runs.map((r) => r.paintedMs).sort((a, b) => a - b);
  return { runs, state, ms: sorted[Math.floor(sorted.length / 2)] };
}

/**
 * The ribbon's outcome dialog as Office sizes it (45 % × 32 % of the screen): on a 1366×768 screen
 * about 437×345 px, and at 200 % zoom 218×172 CSS px. With many lines, its title and 关闭 button stay
 * in view; only the lines scroll.
 */
async function dialogFits(browser, base) {
  const lines = Array.from({ length: 14 }, (_, i) => ({ zh: `第 ${i + 1} 行：工作表“绩效自评表”中的说明文字，较长，用来撑满窗口。`, en: `Line ${i + 1}: a long explanation that fills the window.` }));
  const summary = { tone: "warn", title: { zh: "填写完成", en: "Fill done" }, lines };
  for (const [width, height] of [
    [437, 345],
    [218, 172],
  ]) {
    await test(`outcome dialog at ${width}×${height} CSS px: title and 关闭 in view, the lines scroll`, async () => {
      const context = await browser.newContext({ viewport: { width, height }, locale: "zh-CN" });
      const page = await context.newPage();
      await page.goto(`${base}/dialog.html#${encodeURIComponent(JSON.stringify(summary))}`);
      await page.locator("h1").waitFor({ timeout: WAIT_MS });
      const box = async (sel) => page.locator(sel).first().boundingBox();
      const h1 = await box("h1");
      const button = await box("button");
      check(h1 && h1.y >= 0 && h1.y + h1.height <= height, `title at ${JSON.stringify(h1)} in a ${height} px window`);
      check(button && button.y >= 0 && button.y + button.height <= height, `关闭 at ${JSON.stringify(button)} in a ${height} px window`);
      const scroll = await page.evaluate(() => {
        const el = document.querySelector(".lines");
        return { overflow: el.scrollHeight > el.clientHeight, body: document.documentElement.scrollHeight <= window.innerHeight + 1 };
      });
      check(scroll.overflow, "the lines do not scroll although they do not fit");
      check(scroll.body, "the page itself scrolls (the title can leave the view)");
      await shot(page, `dialog-${width}x${height}`);
      await context.close();
    });
  }
}

async function extras(page, base) {
  await test("ribbon strip: 填写得分 runs the real commands page; its dialog tells the outcome; the open pane checks again", async () => {
    await openSample(page, base, "selfeval-defects/blank-scores.xlsx", { autocheck: true });
    await page.waitForFunction(() => /已读取/.test(document.querySelector('[data-testid="pane"] p[role="status"]')?.textContent ?? ""), null, { timeout: WAIT_MS });
    const before = await snapshot(page, "绩效自评表");
    check(cellMap(before).get("G13")?.value == null, "G13 is not blank before the ribbon's fill");
    await page.getByTestId("ribbon-fillSheet").click();
    const frame = page.frameLocator('[data-testid="dialog-frame"]');
    await frame.locator("h1").waitFor({ timeout: WAIT_MS });
    const title = await frame.locator("h1").textContent();
    check(/填写完成/.test(title) && /Fill done/.test(title), `dialog title: ${title}`);
    const body = await frame.locator("main").textContent();
    check(/已填写 7 个空白单元格/.test(body), `dialog text: ${body}`);
    await shot(page, "ribbon-fill-dialog");
    await frame.getByRole("button", { name: /关闭/ }).click();
    await page.getByTestId("dialog").waitFor({ state: "detached", timeout: WAIT_MS });
    await page.waitForFunction(() => !document.querySelector('[data-testid="ribbon-fillSheet"]').disabled, null, { timeout: WAIT_MS });
    const after = await snapshot(page, "绩效自评表");
    check(cellMap(after).get("G13")?.value === 10, `G13 after the ribbon's fill: ${JSON.stringify(cellMap(after).get("G13"))}`);
    // The pane was open: it checks again and shows the filled form.
    await page.waitForFunction(() => /已重新读取/.test(document.querySelector('[data-testid="pane"] p[role="status"]')?.textContent ?? ""), null, { timeout: WAIT_MS });
    const state = await paneState(page);
    check(state.figures["总分"] === "94.33", `pane total after the ribbon's fill: ${state.figures["总分"]}`);
  });

  await test("sheet tabs: 检查 acts on the sheet whose tab is active; a finding's click switches back", async () => {
    await openSample(page, base, "selfeval-defects/missing-reasons.xlsx");
    await page.evaluate(() =>
      window.__jixiao.host.run(async (ctx) => {
        ctx.workbook.worksheets.add("说明");
        await ctx.sync();
      }),
    );
    await page.locator('.tabs [data-sheet="说明"]').waitFor({ timeout: WAIT_MS });
    await clickTab(page, "说明");
    let state = await runAction(page, "检查", /没有找到绩效表/);
    check(state.findings.length === 0, "findings on a sheet that is not a form");
    await clickTab(page, "绩效自评表");
    state = await runAction(page, "检查", /检查完成/);
    equalSets(errorCells(state), ["H25", "H31"], "errors on 绩效自评表");
    await clickTab(page, "说明");
    await page.getByTestId("pane").locator('button[aria-label^="错误，单元格 H31："]').click();
    await page.waitForFunction(() => window.__jixiao.activeSheet() === "绩效自评表" && document.querySelector("table.grid")?.dataset.sheet === "绩效自评表" && document.querySelector('td[data-cell="H31"]')?.dataset.selected === "true", null, { timeout: WAIT_MS });
  });

  await test("sample picker lists every sample and opens the chosen one in a fresh pane", async () => {
    const listed = await page.evaluate(() => [...document.querySelectorAll('[data-testid="sample-picker"] option')].map((o) => o.value).filter(Boolean));
    const onDisk = [];
    for (const d of fs.readdirSync(SAMPLES, { withFileTypes: true })) {
      if (d.isDirectory()) for (const f of fs.readdirSync(path.join(SAMPLES, d.name))) if (f.endsWith(".xlsx")) onDisk.push(`${d.name}/${f}`);
    }
    equalSets(listed, onDisk, "samples in the picker");
    const labels = await page.evaluate(() => [...document.querySelectorAll('[data-testid="sample-picker"] option')].map((o) => o.textContent));
    check(labels.every((l) => /[\u4e00-\u9fff]/.test(l)), `a sample without a Chinese label: ${labels.filter((l) => !/[\u4e00-\u9fff]/.test(l)).join(", ")}`);
    const loads = await page.evaluate(() => window.__jixiao.loads);
    await page.getByTestId("sample-picker").selectOption("targets/menhu-2024.xlsx");
    await page.waitForFunction((n) => window.__jixiao.loads > n && window.__jixiao.file === "targets/menhu-2024.xlsx", loads, { timeout: WAIT_MS });
    const fresh = await paneState(page);
    check(fresh.findings.length === 0 && fresh.notice === "", "the pane kept the previous workbook's results");
    const state = await runAction(page, "检查", /检查完成/);
    check(state.figures["表格类型"] === KIND_ZH.targets, `kind ${state.figures["表格类型"]}`);
    check(new URL(page.url()).searchParams.get("sample") === "targets/menhu-2024.xlsx", `the address does not keep the sample: ${page.url()}`);
  });

  await test("open a file from disk (examples/绩效自评表-缺少说明.xlsx) and a damaged one", async () => {
    const example = path.join(ROOT, "examples", "绩效自评表-缺少说明.xlsx");
    const loads = await page.evaluate(() => window.__jixiao.loads);
    await page.getByTestId("file-input").setInputFiles(example);
    await page.waitForFunction((n) => window.__jixiao.loads > n && window.__jixiao.file === "绩效自评表-缺少说明.xlsx", loads, { timeout: WAIT_MS });
    const state = await runAction(page, "检查", /检查完成/);
    check(state.findings.some((f) => f.severity === "error"), "no errors found in the example with missing explanations");
    checkMarks(state, await gridState(page));
    await page.getByTestId("file-input").setInputFiles({ name: "损坏的表.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("this is not a zip file") });
    await page.getByTestId("playground-message").filter({ hasText: "无法打开" }).waitFor({ timeout: WAIT_MS });
    check((await page.evaluate(() => window.__jixiao.file)) === "绩效自评表-缺少说明.xlsx", "a damaged file replaced the open workbook");
  });

  await test("a =SUM total is kept as a formula and recalculated after 填写 (blank-scores with a formula in G31)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(SAMPLES, "selfeval-defects", "blank-scores.xlsx"));
    const ws = wb.getWorksheet("绩效自评表");
    let partial = Number(ws.getCell("H6").value);
    for (let r = 13; r <= 30; r++) if (typeof ws.getCell(`G${r}`).value === "number") partial += ws.getCell(`G${r}`).value;
    ws.getCell("G31").value = { formula: "SUM(G13:G30)+H6", result: partial };
    const file = path.join(OUT, "blank-scores-formula-total.xlsx");
    await wb.xlsx.writeFile(file);
    const loads = await page.evaluate(() => window.__jixiao.loads);
    await page.getByTestId("file-input").setInputFiles(file);
    await page.waitForFunction((n) => window.__jixiao.loads > n && window.__jixiao.file === "blank-scores-formula-total.xlsx", loads, { timeout: WAIT_MS });
    let state = await runAction(page, "填写得分与说明草稿", /已填写/);
    check(errorCells(state).length === 0, `errors after 填写: ${errorCells(state).join(" ")}`);
    const cell = () => page.evaluate(() => window.__jixiao.snapshot("绩效自评表").cells.find((c) => c[0] === "G31"));
    await page.waitForFunction(() => Math.abs(window.__jixiao.snapshot("绩效自评表").cells.find((c) => c[0] === "G31")[1] - 94.33) < 1e-6, null, { timeout: 3000 }).catch(async () => {
      throw new Error(`G31 not recalculated: ${JSON.stringify(await cell())}`);
    });
    check((await cell())[2] === "=SUM(G13:G30)+H6", `G31's formula was replaced: ${JSON.stringify(await cell())}`);
    state = await runAction(page, "检查", /检查完成/);
    check(errorCells(state).length === 0, `errors on a check after 填写: ${errorCells(state).join(" ")}`);
    check((await page.locator('td[data-cell="G31"]').textContent()) === "94.33", "the grid does not show the recalculated total");
  });

  await test("pane language switch (English) keeps the results", async () => {
    await page.getByTestId("pane-locale").selectOption("en-US");
    await page.getByTestId("pane").locator("h1", { hasText: "Performance self-evaluation helper" }).waitFor({ timeout: WAIT_MS });
    await page.getByTestId("pane").getByRole("button", { name: "Check", exact: true }).waitFor({ timeout: WAIT_MS });
    await shot(page, "00-english-pane");
    await page.getByTestId("pane-locale").selectOption("zh-CN");
  });
}

async function main() {
  const started = Date.now();
  const watchdog = setTimeout(() => {
    console.error(`e2e: stopped after ${RUN_LIMIT_MS / 1000} s (still in "${current()}")`);
    console.log(`e2e: ${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length + 1} failed`);
    process.exit(1);
  }, RUN_LIMIT_MS);

  if (!fs.existsSync(path.join(DIST, "index.html"))) {
    console.log("e2e: dist-playground/ is missing, building it (npm run build:playground)");
    const r = spawnSync("npm", ["run", "build:playground"], { cwd: ROOT, stdio: "inherit" });
    if (r.status !== 0) throw new Error("npm run build:playground failed");
  }
  fs.mkdirSync(OUT, { recursive: true });
  const expected = JSON.parse(fs.readFileSync(path.join(SAMPLES, "expected.json"), "utf8"));

  const server = await serve(DIST);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  console.log(`e2e: ${base}, ${CHROMIUM} ${browser.version()}`);
  try {
    let first;
    await test("first render: the pane's title painted; the default sample checked on open", async () => {
      first = await firstRender(browser, base);
      check(first.state.title === "绩效自评助手", `pane title "${first.state.title}"`);
      equalSets(errorCells(first.state), ["H25", "H31"], "errors found on open (missing-reasons.xlsx)");
      const out = { ms: first.ms, runs: first.runs, measure: "navigation start → the task pane's title painted (median of 3 fresh loads, default sample)", at: new Date().toISOString() };
      fs.writeFileSync(path.join(OUT, "first-render.json"), JSON.stringify(out, null, 2) + "\n");
      console.log(`    first render ${first.ms} ms (${first.runs.map((r) => r.paintedMs).join(", ")})`);
    });

    const context = await browser.newContext({ viewport: { width: 1500, height: 950 }, locale: "zh-CN", acceptDownloads: true });
    const page = await context.newPage();
    const pageErrors = [];
    page.on("pageerror", (e) => pageErrors.push(`${current()}: ${e.message}`));
    page.on("request", (r) => {
      if (!/^(data|blob):/.test(r.url()) && !r.url().startsWith(`${base}/`)) offsite.push(r.url());
    });
    for (const entry of expected) {
      for (const sheet of entry.sheets) await sampleSteps(page, base, entry, sheet);
    }
    await extras(page, base);
    await dialogFits(browser, base);
    await test("no uncaught errors in the page, no request beyond the playground's own server", async () => {
      check(pageErrors.length === 0, pageErrors.join("\n"));
      check(offsite.length === 0, `requests elsewhere: ${[...new Set(offsite)].join(" ")}`);
    });
    await context.close();
  } finally {
    await browser.close();
    server.close();
    clearTimeout(watchdog);
  }

  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  fs.writeFileSync(path.join(OUT, "results.json"), JSON.stringify({ passed, failed, seconds: (Date.now() - started) / 1000, results }, null, 2) + "\n");
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((err) => {
  console.error(err);
  console.log(`e2e: ${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length + 1} failed`);
  process.exit(1);
});
