// Honest copies of .xls and .ods (issue 15 §7): a person's notes are kept in the .xlsx copy, clean and
// as theirs, and the message lists what the copy does not keep.
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { checkWorkbookBytes } from "../../src/xlsx/checkBytes";

const DIR = path.join(__dirname, "..", "fixtures", "other-writers");

test.each(["with-notes.xls", "with-notes.ods"])("%s: the copy keeps the person's notes, and says what it does not keep", async (name) => {
  const bytes = new Uint8Array(fs.readFileSync(path.join(DIR, name)));
  // --mark: the add-in's notes go on the cells it marks, beside the person's.
  const { result, copy } = await checkWorkbookBytes(name, bytes, { copy: "mark" });
  expect(result.error).toBeUndefined();
  expect(result.note?.zh).toContain("批注（2 条）");
  for (const lost of ["数据有效性", "图表", "图片", "隐藏的行列和工作表", "条件格式", "宏"]) expect(result.note?.zh).toContain(lost);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(copy! as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const note = (a1: string) => {
    const n = ws.getCell(a1).note as ExcelJS.Comment | string | undefined;
    return typeof n === "string" ? n : (n?.texts ?? []).map((t) => t.text).join("");
  };
  expect(note("C13")).toBe("数据来源：年度统计报表");
  expect(note("D14")).toBe("请复核指标值");
  // eslint-disable-next-line no-control-regex
  for (const a1 of ["C13", "D14"]) expect(note(a1)).not.toMatch(/_x0000_|[\u0000-\u0008]/);
  // The add-in's own notes are there too, on the cells it marked.
  // (ExcelJS attaches notes only to cells with values, so the comments part is read itself.)
  const zip = await JSZip.loadAsync(copy!);
  const comments = await zip.file(Object.keys(zip.files).find((n) => /comments\d*\.xml$/.test(n))!)!.async("string");
  const own = [...comments.matchAll(/<comment ref="([A-Z]+\d+)"[^>]*><text><r><rPr><sz val="9"\/><\/rPr><t xml:space="preserve">【绩效自评助手】/g)].map((m) => m[1]);
  const errorCells = result.sheets[0].findings.filter((f) => f.severity === "error").map((f) => f.cell);
  expect(errorCells.length).toBeGreaterThan(0);
  for (const c of errorCells) expect(own).toContain(c);
});
