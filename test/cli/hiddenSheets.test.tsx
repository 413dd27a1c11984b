// A sheet the workbook hides (an old year's form, a sheet of lists) is checked like any other, and the
// report says it is hidden: a reviewer looking for it in Excel must unhide it first. Every reader knows
// it — the package reader (state="hidden" and "veryHidden"), ExcelJS's and SheetJS's (.xls) — and the
// command's text and JSON reports say it; a visible sheet is reported as before.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import * as XLSX from "@e965/xlsx";
import { analyzeSheet } from "../../src/core/engine";
import { readPackageSnapshots } from "../../src/xlsx/readPackage";
import { readOtherFormat } from "../../src/xlsx/readSheetJs";
import { loadWorkbook, snapshotOf } from "../../src/xlsx/readWorkbook";
import { SAMPLES } from "../helpers";
import { runCli } from "./run";
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { summaryRows } from "../../src/core/summaryRows";
import { ResultsTable } from "../../src/web/ResultsTable";
import { webTranslator } from "../../src/web/strings";

const SAMPLE = path.join(SAMPLES, "selfeval/zhengwuyun.xlsx");

/** The sample with its form's sheet given `state` and a visible sheet of notes after it. */
async function withState(state: "hidden" | "veryHidden"): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(SAMPLE) as unknown as ArrayBuffer);
  wb.addWorksheet("说明").getCell("A1").value = "填表说明";
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  // The state written into workbook.xml by hand, as Excel writes it (ExcelJS's own writer is not what is tested).
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  const first = /<sheet [^>]*?\/>/.exec(xml)![0];
  zip.file("xl/workbook.xml", xml.replace(first, first.replace(/ state="[^"]*"/, "").replace("<sheet ", `<sheet state="${state}" `)));
  return zip.generateAsync({ type: "uint8array" });
}

test.each(["hidden", "veryHidden"] as const)("a %s sheet reads as hidden by the package reader and ExcelJS's, and its result says so", async (state) => {
  const bytes = await withState(state);
  const snaps = await readPackageSnapshots(bytes);
  expect(snaps.map((s) => [s.name, s.hidden === true])).toEqual([
    [snaps[0].name, true],
    ["说明", false],
  ]);
  const viaExcelJs = (await loadWorkbook(bytes)).worksheets.map((ws) => snapshotOf(ws).hidden === true);
  expect(viaExcelJs).toEqual([true, false]);
  const result = analyzeSheet(snaps[0]);
  expect(result.kind).toBe("self-evaluation");
  expect(result.hidden).toBe(true);
  // Checked as the same sheet shown: the same findings.
  expect(result.findings).toEqual(analyzeSheet({ ...snaps[0], hidden: undefined }).findings);
  expect(analyzeSheet(snaps[1]).hidden).toBeUndefined();
});

test("a hidden sheet of an .xls reads as hidden", async () => {
  const wb = XLSX.read(await withState("hidden"), { type: "array", cellFormula: true, cellNF: true });
  expect(wb.Workbook?.Sheets?.[0].Hidden).toBe(1);
  const xls = new Uint8Array(XLSX.write(wb, { type: "array", bookType: "biff8" }) as ArrayBuffer);
  const { snapshots } = await readOtherFormat(xls, "xls");
  expect(snapshots.map((s) => s.hidden === true)).toEqual([true, false]);
});

test("the command's report and JSON say the sheet is hidden, in both languages", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-hidden-"));
  const file = path.join(dir, "隐藏.xlsx");
  fs.writeFileSync(file, await withState("hidden"));
  const zh = await runCli(["check", file]);
  expect(zh.out).toMatch(/工作表「[^」]+」（隐藏）：财政项目支出绩效自评表/);
  expect(zh.out).toMatch(/工作表「说明」：/);
  expect(zh.out).not.toMatch(/「说明」（隐藏）/);
  const en = await runCli(["check", "--lang", "en-US", file]);
  expect(en.out).toMatch(/Sheet "[^"]+" \(hidden\): /);
  const json = JSON.parse((await runCli(["check", "--json", file])).out);
  expect(json.files[0].sheets.map((s: { hidden?: boolean }) => s.hidden ?? false)).toEqual([true, false]);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("the reviewer's rows say which sheet is hidden, and the web checker's table shows it beside the name", async () => {
  const snaps = await readPackageSnapshots(await withState("hidden"));
  const rows = summaryRows([{ file: "隐藏.xlsx", sheets: snaps.map((s) => analyzeSheet(s)) }]);
  expect(rows.map((r) => [r.kind.zh, r.hidden === true])).toEqual([["财政项目支出绩效自评表", true]]);
  for (const [locale, label] of [
    ["zh-CN", "（隐藏工作表）"],
    ["en-US", " (hidden sheet)"],
  ] as const) {
    const html = renderToStaticMarkup(
      <FluentProvider theme={webLightTheme}>
        <ResultsTable tr={webTranslator(locale)} rows={rows} onDownload={() => undefined} busyFile={null} />
      </FluentProvider>,
    );
    expect(html).toContain(`${snaps[0].name}${label}`);
  }
  const shown = renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <ResultsTable tr={webTranslator("zh-CN")} rows={rows.map((r) => ({ ...r, hidden: undefined }))} onDownload={() => undefined} busyFile={null} />
    </FluentProvider>,
  );
  expect(shown).not.toContain("隐藏工作表");
});

test("the reviewer's summary workbook and CSV show （隐藏） after a hidden sheet's name, not after a visible one's", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-hidden-summary-"));
  fs.writeFileSync(path.join(dir, "隐藏.xlsx"), await withState("hidden"));
  fs.copyFileSync(SAMPLE, path.join(dir, "可见.xlsx"));
  const summary = path.join(os.tmpdir(), `jixiao-hidden-${process.pid}.xlsx`);
  const csv = path.join(os.tmpdir(), `jixiao-hidden-${process.pid}.csv`);
  await runCli(["check", dir, "--summary", summary, "--csv", csv, "-q"]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(summary);
  const sheets = wb.getWorksheet("汇总")!.getColumn(2).values.slice(2).map(String);
  const name = (await readPackageSnapshots(fs.readFileSync(SAMPLE)))[0].name;
  expect(sheets.sort()).toEqual([name, `${name}（隐藏）`].sort());
  const issues = new Set(wb.getWorksheet("问题清单")!.getColumn(2).values.slice(2).map(String));
  expect(issues).toEqual(new Set([name, `${name}（隐藏）`]));
  const lines = fs.readFileSync(csv, "utf8").split(/\r?\n/);
  expect(lines.filter((l) => l.includes(`${name}（隐藏）`))).toHaveLength(1);
  expect(lines.filter((l) => l.includes(`,${name},`))).toHaveLength(1);
  for (const f of [summary, csv]) fs.rmSync(f, { force: true });
  fs.rmSync(dir, { recursive: true, force: true });
});
