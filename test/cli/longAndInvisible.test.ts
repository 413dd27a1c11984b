// Text that does not fit or does not show (issue 15 §7, §8): a message quoting 40,000 characters is cut
// to Excel's 32,767 with a marker wherever it lands in a cell or a note; a name with bidirectional
// overrides is shown escaped, never reversed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { runCli } from "./run";
import { buildSelfEval, standardIndicators } from "../builders/selfEval";
import { EXCEL_CELL_LIMIT, fitCell, visibleText } from "../../src/core/text";

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-long-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test("fitCell and visibleText", () => {
  const long = "长".repeat(40_046);
  const cut = fitCell(long);
  expect(cut.length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT);
  expect(cut).toContain("已截断：全文 40046 字");
  expect(fitCell("短")).toBe("短");
  // never half a surrogate pair
  const emoji = "😀".repeat(20_000);
  expect(fitCell(emoji).match(/[\ud800-\udbff](?![\udc00-\udfff])/)).toBeNull();
  expect(visibleText("\u202Eslx.exe")).toBe("\\u202Eslx.exe");
  expect(visibleText("a\u200Bb\u2066c\uFEFF")).toBe("a\\u200Bb\\u2066c\\uFEFF");
  expect(visibleText("\u001B[31m")).toBe("\\x1B[31m");
  expect(visibleText("正常的中文 normal")).toBe("正常的中文 normal");
});

test("a 40,000-character target: 问题清单, the CSV and the copy's note each hold at most 32,767", async () => {
  const inds = standardIndicators();
  inds[0] = { ...inds[0], target: `≥${"x".repeat(40_040)}(项)` };
  const built = buildSelfEval({ indicators: inds, total: null, grade: null });
  const file = path.join(dir, "long.xlsx");
  fs.writeFileSync(file, await built.builder.toBuffer());
  const summary = path.join(dir, "汇总.xlsx");
  const r = await runCli(["check", "-q", file, "--mark", "--summary", summary, "--csv", path.join(dir, "汇总.csv")]);
  expect(r.code).toBe(1);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(summary);
  const texts: string[] = [];
  wb.getWorksheet("问题清单")!.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
  expect(Math.max(...texts.map((t) => t.length))).toBeLessThanOrEqual(EXCEL_CELL_LIMIT);
  expect(texts.some((t) => t.includes("已截断"))).toBe(true);
  const csv = fs.readFileSync(path.join(dir, "汇总.csv"), "utf8");
  for (const field of csv.split(/,|\r\n/)) expect(field.length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT + 2);
  const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, "long.marked.xlsx")));
  const comments = Object.keys(zip.files).filter((n) => /comments\d*\.xml$/.test(n));
  expect(comments.length).toBeGreaterThan(0);
  for (const c of comments) {
    const xml = await zip.file(c)!.async("string");
    for (const m of xml.matchAll(/<t[^>]*>([^<]*)<\/t>/g)) expect(m[1].replace(/&[a-z]+;/g, "x").length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT);
  }
});

test("a sheet named with a right-to-left override is shown escaped in the report", async () => {
  const built = buildSelfEval({ name: "\u202Eslx.exe", indicators: standardIndicators(), total: 99.85, grade: "优" });
  const file = path.join(dir, "rtl.xlsx");
  fs.writeFileSync(file, await built.builder.toBuffer());
  const r = await runCli(["check", file]);
  expect(r.out).toContain("\\u202Eslx.exe");
  expect(r.out).not.toContain("\u202E");
});
