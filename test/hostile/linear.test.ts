// Small hostile inputs that used to stop a whole batch: each must be answered quickly and must not
// throw. The strings are long enough that a quadratic or cubic pattern would run for minutes.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { unparenthesised } from "../../src/core/forms/indicators";
import { formatNumber } from "../../src/core/numberFormat";
import { checkWorkbook } from "../../src/xlsx/checkWorkbook";
import { checkWorkbookBytes } from "../../src/xlsx/checkBytes";
import { openWorkbook } from "../../src/xlsx/package/workbook";
import { readWorkbookSnapshots } from "../../src/xlsx/readPackage";
import { main } from "../../src/cli/jixiao";
import { SAMPLES } from "../helpers";

/** The pattern the unit reader used before (cubic backtracking on "(" + spaces + "x"). */
const OLD_UNIT = /^\s*[(（]\s*(.*?)\s*[)）]\s*$/;

describe("the unit in brackets", () => {
  test("reads as the old pattern did, on any short string of the characters that matter", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("(", "（", ")", "）", " ", "\t", "a", "小时"), maxLength: 12 }), (s) => {
        expect(unparenthesised(s)).toBe(s.replace(OLD_UNIT, "$1"));
      }),
      { numRuns: 2000 },
    );
  });

  test("an adversarial unit cell ('(' + 100,000 spaces + 'x') is linear", () => {
    const s = `(${" ".repeat(100_000)}x`;
    expect(unparenthesised(s)).toBe(s);
    expect(unparenthesised(`（${" ".repeat(100_000)}小时${" ".repeat(100_000)}）`)).toBe("小时");
  });
});

test("a number format of 200,000 commas is shown as General, at once (Excel allows 255 characters)", () => {
  expect(formatNumber(1234.5, `${",".repeat(200_000)}0`)).toBe("1234.5");
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom(",", "#", "0", ".", "%", '"', "\\"), minLength: 256, maxLength: 5000 }), (f) => {
      expect(formatNumber(3.25, f)).toBe("3.25");
    }),
    { numRuns: 200 },
  );
});

test("a number of 1e8 or more in a date-formatted cell reads as Excel shows it (########), and the batch goes on", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-hostile-"));
  try {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("封面");
    ws.getCell("A1").value = 1e8;
    ws.getCell("A1").numFmt = "yyyy-mm-dd";
    ws.getCell("B2").value = 45000;
    ws.getCell("B2").numFmt = "yyyy-mm-dd";
    const bad = path.join(dir, "date.xlsx");
    await wb.xlsx.writeFile(bad);
    const r = await checkWorkbook(bad);
    expect(r.error).toBeUndefined();
    expect(r.sheets[0].kind).toBe("none");
    let out = "";
    const code = await main(["check", "-q", "--json", bad, path.join(SAMPLES, "selfeval/zhengwuyun.xlsx")], {
      out: { write: (s: string) => (out += s) },
      err: { write: () => true },
    });
    expect(code).toBe(0);
    expect(JSON.parse(out).files).toHaveLength(2);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe("every input appears in every output", () => {
  async function zipWith(files: Record<string, string>): Promise<Buffer> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const JSZip = require("jszip") as typeof import("jszip");
    const z = new JSZip();
    for (const [name, body] of Object.entries(files)) z.file(name, body);
    return z.generateAsync({ type: "nodebuffer" });
  }

  test("a zip without a workbook and a renamed .ods are unreadable with their reason; a workbook without a form is 无绩效表 in the CSV", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-hostile-"));
    try {
      const zip = path.join(dir, "notes.xlsx");
      fs.writeFileSync(zip, await zipWith({ "readme.txt": "hello" }));
      const ods = path.join(dir, "table.xlsx");
      fs.writeFileSync(ods, await zipWith({ mimetype: "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>" }));
      const cover = path.join(dir, "cover.xlsx");
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet("封面").getCell("A1").value = "2023 年度";
      await wb.xlsx.writeFile(cover);
      const csv = path.join(dir, "sum.csv");
      let out = "";
      const code = await main(["check", "-q", "--json", zip, ods, cover, "--csv", csv], { out: { write: (s: string) => (out += s) }, err: { write: () => true } });
      expect(code).toBe(2);
      const files = JSON.parse(out).files;
      expect(files[0].error).toContain("没有 Excel 工作簿");
      expect(files[1].error).toContain(".ods");
      expect(files[2].error).toBeUndefined();
      const rows = fs.readFileSync(csv, "utf8").trim().split("\r\n");
      expect(rows).toHaveLength(4);
      expect(rows[3]).toContain("无绩效表");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a used range far larger than the form", () => {
  test.each(["XFD1048576", "Q1048576"])("one stray value at %s: the form is read where its cells are, with the same findings", async (cell) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-hostile-"));
    try {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(SAMPLES, "selfeval-defects/missing-reasons.xlsx"));
      wb.worksheets[0].getCell(cell).value = "x";
      const cover = wb.addWorksheet("封面");
      cover.getCell("A1").value = "封面";
      cover.getCell(cell).value = 1;
      const file = path.join(dir, "stray.xlsx");
      await wb.xlsx.writeFile(file);
      const r = await checkWorkbook(file);
      const ref = await checkWorkbook(path.join(SAMPLES, "selfeval-defects/missing-reasons.xlsx"));
      expect(r.error).toBeUndefined();
      expect(r.sheets[0].kind).toBe("self-evaluation");
      expect(r.sheets[0].findings.map((f) => `${f.code}@${f.cell}`)).toEqual(ref.sheets[0].findings.map((f) => `${f.code}@${f.cell}`));
      expect(r.sheets[1].kind).toBe("none");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

test("a weight of 1e308 never makes a non-finite number in the copy", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-hostile-"));
  try {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(SAMPLES, "selfeval-defects/blank-scores.xlsx"));
    const ws = wb.worksheets[0];
    // The weight column of the blank-scores sample is F; rows 13 and 14 are indicators.
    ws.getCell("F13").value = 1e308;
    ws.getCell("F14").value = 1e308;
    const file = path.join(dir, "huge-weight.xlsx");
    await wb.xlsx.writeFile(file);
    const out = path.join(dir, "copy.xlsx");
    const r = await checkWorkbook(file, { fixOut: out });
    expect(r.error).toBeUndefined();
    // Not vacuous: the weights were read, and the total they give is not a finite number.
    expect(r.sheets[0].evaluations.filter((e) => e.weight === 1e308)).toHaveLength(2);
    expect(Number.isFinite(r.sheets[0].figures?.total ?? 0)).toBe(false);
    for (const w of r.sheets[0].written ?? []) if (typeof w.value === "number") expect(Number.isFinite(w.value)).toBe(true);
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).not.toMatch(/<v>(-?Infinity|NaN)<\/v>/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a form beside a sheet of data past a million cells (a 资金明细 that can hold no form) is checked; that sheet reads as no form", async () => {
  const zip = await JSZip.loadAsync(fs.readFileSync(path.join(SAMPLES, "selfeval/zhengwuyun.xlsx")));
  let rows = "";
  for (let r = 1; r <= 130_000; r++) rows += `<row r="${r}"><c r="A${r}"><v>${45000 + (r % 365)}</v></c><c r="B${r}"><v>${r}</v></c><c r="C${r}"><v>${(r * 1.5).toFixed(1)}</v></c><c r="D${r}"><v>1</v></c><c r="E${r}"><v>2</v></c><c r="F${r}"><v>3</v></c><c r="G${r}"><v>4</v></c><c r="H${r}"><v>5</v></c></row>`;
  zip.file("xl/worksheets/sheet9.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`);
  const edit = async (part: string, f: (x: string) => string) => zip.file(part, f(await zip.file(part)!.async("string")));
  await edit("xl/workbook.xml", (x) => x.replace("</sheets>", '<sheet name="资金明细" sheetId="9" r:id="rId99"/></sheets>'));
  await edit("xl/_rels/workbook.xml.rels", (x) => x.replace("</Relationships>", '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet9.xml"/></Relationships>'));
  await edit("[Content_Types].xml", (x) => x.replace("</Types>", '<Override PartName="/xl/worksheets/sheet9.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'));
  const bytes = new Uint8Array(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
  const { result } = await checkWorkbookBytes("with-data.xlsx", bytes);
  expect(result.error).toBeUndefined();
  expect(result.sheets.map((s) => s.kind)).toEqual(["self-evaluation", "none"]);
  const alone = await checkWorkbookBytes("zhengwuyun.xlsx", new Uint8Array(fs.readFileSync(path.join(SAMPLES, "selfeval/zhengwuyun.xlsx"))));
  expect(result.sheets[0]).toEqual(alone.result.sheets[0]);
  // Read whole, the data sheet is past what a snapshot holds: the reader would have refused the file.
  const book = await openWorkbook(bytes);
  let refusal = "";
  try {
    readWorkbookSnapshots(book);
  } catch (e) {
    refusal = (e as { zh: string }).zh;
  }
  expect(refusal).toContain("工作表「资金明细」过大，无法读取");
}, 120_000);

test("a form whose own cells pass a million is refused as too large, never read in part (issue 21 §6)", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-hostile-"));
  try {
    // The sample, then 125,000 filled rows of 8 columns under it: the densest cluster is the sheet itself.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(SAMPLES, "selfeval-defects/missing-reasons.xlsx"));
    const ws = wb.worksheets[0];
    const from = ws.rowCount + 1;
    for (let r = from; r < from + 125_000; r++) ws.getRow(r).values = [r, 2, 3, 4, 5, 6, 7, 8];
    const file = path.join(dir, "huge.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await checkWorkbook(file);
    expect(r.sheets).toEqual([]);
    expect(r.error?.zh).toMatch(new RegExp(`^工作表「${ws.name}」过大，无法读取`));
    expect(r.error?.zh).toContain("超过一百万个单元格");
    expect(r.error?.en).toContain("too large");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
