import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkWorkbook, type FileResult } from "../../src/xlsx/checkWorkbook";
import { fromCells, SAMPLES } from "../helpers";
import expected from "../fixtures/samples/expected.json";

/**
 * .xls and .ods (issue 9): every sample saved in both formats by LibreOffice (test/fixtures/converted,
 * made once by its make.sh) reads as the .xlsx original does: the same forms, figures, findings and
 * cell addresses.
 */
const CONVERTED = path.join(__dirname, "..", "fixtures", "converted");

const facts = (r: FileResult) =>
  r.sheets.map((s) => ({
    sheet: s.sheet,
    kind: s.kind,
    budget: s.figures?.budget?.score ?? null,
    total: s.figures?.total ?? null,
    grade: s.figures?.grade ?? null,
    // The .xls and .ods readers read no page layout: the print check is the .xlsx's alone.
    findings: fromCells(s.findings).map((f) => `${f.code}@${f.cell}`).sort(),
  }));

describe.each(expected.map((e) => e.file))("%s", (file) => {
  test.each(["xls", "ods"])("saved as .%s reads as the .xlsx", async (ext) => {
    const original = await checkWorkbook(path.join(SAMPLES, file));
    const other = await checkWorkbook(path.join(CONVERTED, file.replace(/\.xlsx$/, `.${ext}`)));
    expect(other.error).toBeUndefined();
    expect(facts(other)).toEqual(facts(original));
  });
});

test("--fix on an .xls writes an .xlsx copy, says so, and the copy reads as filled", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-xls-"));
  const out = path.join(dir, "blank.filled.xlsx");
  const r = await checkWorkbook(path.join(CONVERTED, "selfeval-defects/blank-scores.xls"), { fixOut: out });
  expect(r.error).toBeUndefined();
  expect(r.note?.zh).toContain("副本另存为 .xlsx");
  const written = r.sheets[0].written!.map((w) => w.cell);
  expect(written.length).toBeGreaterThan(3);
  const again = await checkWorkbook(out);
  expect(again.sheets[0].findings.filter((f) => f.code === "missing-score")).toEqual([]);
  expect(again.sheets[0].figures?.total).toBe(r.sheets[0].figures?.total);
  const xlsx = await checkWorkbook(path.join(SAMPLES, "selfeval-defects/blank-scores.xlsx"), { fixOut: path.join(dir, "x.xlsx") });
  expect(written.sort()).toEqual(xlsx.sheets[0].written!.map((w) => w.cell).sort());
});

test("the command takes .xls and .ods in folder mode, and names their copies .xlsx", async () => {
  const { runCli } = await import("../cli/run");
  const r = await runCli(["check", path.join(CONVERTED, "legacy"), "--json", "-q"]);
  const doc = JSON.parse(r.out) as { files: Array<{ file: string; sheets: Array<{ kind: string }> }> };
  // The folder also holds LibreOffice's .xlsx copies (for the package reader's tests).
  expect(doc.files.map((f) => path.basename(f.file)).sort()).toEqual(["gongxiangjiaohuan.ods", "gongxiangjiaohuan.xls", "gongxiangjiaohuan.xlsx", "xuqiuce.ods", "xuqiuce.xls", "xuqiuce.xlsx"]);
  expect(doc.files.every((f) => f.sheets[0].kind === "self-evaluation-legacy")).toBe(true);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-xls-cli-"));
  const input = path.join(dir, "表.ods");
  fs.copyFileSync(path.join(CONVERTED, "selfeval-defects/blank-scores.ods"), input);
  const fix = await runCli(["check", input, "--fix", "-q"]);
  expect(fix.out).toContain(`已写出副本：${path.join(dir, "表.filled.xlsx")}`);
  expect(fix.out).toContain("原文件是OpenDocument 表格（.ods），副本另存为 .xlsx");
  expect(fs.existsSync(path.join(dir, "表.filled.xlsx"))).toBe(true);
});
