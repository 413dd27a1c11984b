// The built command checks each file in a worker thread with a memory and a time limit: a hostile file
// (a merge over a million rows, 20,000 merges that ExcelJS compares pairwise) is reported as
// 文件过大或结构异常 and the other files are still checked. The files are made here, by hand, as XML.
// The package reader (src/xlsx/readPackage.ts) reads 20,000 merges in a moment; ExcelJS, which still
// reads what that reader leaves (here: a shared formula before its master), does not.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SAMPLES } from "../helpers";

const run = promisify(execFile);
const CLI = path.resolve(__dirname, "../../dist/cli/jixiao.js");
let dir: string;

/**
 * A one-cell workbook whose sheet XML gets `extra` after its sheetData (and `cells` in its last row).
 * Its one text holds 标, as every form's header does: a sheet none of whose cells could show it is
 * passed over unread (src/xlsx/formFree.ts), and these files are to be read.
 */
async function withSheetXml(name: string, extra: string, cells = "", text = "绩效指标"): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Sheet1").getCell("A1").value = text;
  const zip = await JSZip.loadAsync((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const xml = (await zip.file("xl/worksheets/sheet1.xml")!.async("string")).replace("</row></sheetData>", `${cells}</row></sheetData>${extra}`);
  zip.file("xl/worksheets/sheet1.xml", xml);
  const file = path.join(dir, name);
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}

async function jixiao(args: string[]): Promise<{ code: number; out: string }> {
  try {
    const r = await run(process.execPath, [CLI, "check", "-q", ...args], { maxBuffer: 1 << 26 });
    return { code: 0, out: r.stdout };
  } catch (e) {
    const x = e as { code: number; stdout: string };
    return { code: x.code, out: x.stdout };
  }
}

beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error("dist/cli/jixiao.js is missing: npm test builds it (npm run build:cli)");
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-iso-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("a merge over a million rows (a 6 KB file) is refused at once, never handed to ExcelJS; the next file is checked", async () => {
  const huge = await withSheetXml("huge-merge.xlsx", '<mergeCells count="1"><mergeCell ref="A36:XFD1048576"/></mergeCells>');
  expect(fs.statSync(huge).size).toBeLessThan(20_000);
  const r = await jixiao(["--json", "--file-memory", "256", huge, path.join(SAMPLES, "selfeval/zhengwuyun.xlsx")]);
  expect(r.code).toBe(2);
  const doc = JSON.parse(r.out);
  expect(doc.files[0].error).toContain("结构异常");
  expect(doc.files[0].error).toContain("合并单元格 A36:XFD1048576 覆盖超过一百万个单元格");
  expect(doc.files[1].sheets[0].total).toEqual({ stated: 90.2, computed: 90.2 });
}, 120_000);

const MERGES = `<mergeCells count="20000">${Array.from({ length: 20_000 }, (_, i) => `<mergeCell ref="A${i * 2 + 2}:B${i * 2 + 2}"/>`).join("")}</mergeCells>`;

test("20,000 two-cell merges read by ExcelJS are skipped past the time limit; the other files are checked, in order", async () => {
  // A shared formula's dependent before its master: the package reader leaves the file to ExcelJS.
  const slow = await withSheetXml("merges.xlsx", MERGES, '<c r="C1"><f t="shared" si="0"/><v>1</v></c>');
  const r = await jixiao(["--json", "--file-timeout", "3", "--jobs", "2", path.join(SAMPLES, "selfeval/zhengwuyun.xlsx"), slow, path.join(SAMPLES, "legacy/xuqiuce.xlsx")]);
  expect(r.code).toBe(2);
  const doc = JSON.parse(r.out);
  expect(doc.files.map((f: { file: string }) => path.basename(f.file))).toEqual(["zhengwuyun.xlsx", "merges.xlsx", "xuqiuce.xlsx"]);
  expect(doc.files[1].error).toContain("超过 3 秒");
  expect(doc.files[0].error).toBeUndefined();
  expect(doc.files[2].sheets[0].kind).toBe("self-evaluation-legacy");
}, 120_000);

test("the same 20,000 merges in a file the package reader reads: checked well within the limit", async () => {
  const merges = await withSheetXml("merges-read.xlsx", MERGES);
  const r = await jixiao(["--json", "--file-timeout", "3", merges]);
  const doc = JSON.parse(r.out);
  expect(doc.files[0].error).toBeUndefined();
  expect(doc.files[0].sheets[0].kind).toBe("none");
}, 120_000);

test("the same hostile structures in a sheet that can hold no form: passed over unread, at once, as no form", async () => {
  const huge = await withSheetXml("huge-merge-data.xlsx", '<mergeCells count="1"><mergeCell ref="A36:XFD1048576"/></mergeCells>', "", "金额");
  const slow = await withSheetXml("merges-data.xlsx", MERGES, '<c r="C1"><f t="shared" si="0"/><v>1</v></c>', "金额");
  const r = await jixiao(["--json", "--file-timeout", "3", huge, slow]);
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.out);
  for (const f of doc.files) {
    expect(f.error).toBeUndefined();
    expect(f.sheets.map((s: { kind: string }) => s.kind)).toEqual(["none"]);
  }
}, 120_000);

test("usage: --jobs and the limits take whole numbers", async () => {
  const r = await jixiao(["--jobs", "0", path.join(SAMPLES, "selfeval/zhengwuyun.xlsx")]);
  expect(r.code).toBe(2);
});
