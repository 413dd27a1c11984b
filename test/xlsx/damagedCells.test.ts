// A cell whose stored value is not of its type, or whose place is no place in its row: read by no two
// programs alike (LibreOffice reads `1,000` as 1 and `abc` as 0; parseFloat read the same; a text that
// gave NaN crashed the check as "file too large"), so refused as damage, naming the sheet, the cell and
// what it holds — by the check, the fill and the mark alike, with no copy written.
import fc from "fast-check";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { checkWorkbookBytes } from "../../src/xlsx/checkBytes";
import { readPackageSnapshots } from "../../src/xlsx/readPackage";
import { WorkbookReadError } from "../../src/xlsx/sniff";
import { booleanOfText, indexOfText, numberOfText } from "../../src/xlsx/valueText";
import { SAMPLES } from "../helpers";
import { recalculatedCsvs, soffice } from "./libreoffice";

const FORM = path.join(SAMPLES, "selfeval/zhengwuyun.xlsx");
const SHEET = "xl/worksheets/sheet1.xml";
/** A number cell of the form (全年执行数 of the funds' first row) as ExcelJS wrote it. */
const CELL = '<c r="E6" s="4"><v>22643.67</v></c>';

async function withSheet(edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(fs.readFileSync(FORM));
  const xml = await zip.file(SHEET)!.async("string");
  const next = edit(xml);
  expect(next).not.toBe(xml);
  zip.file(SHEET, next);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
const withCell = (cell: string) => withSheet((xml) => xml.replace(CELL, cell));

describe("a stored value read as its type says, strictly", () => {
  test("numbers: xsd:double's form, white space collapsed; none for white space; not finite, not a number", () => {
    for (const [text, n] of [["12", 12], [" 12 ", 12], ["\n-0.5\t", -0.5], ["1.2E1", 12], ["+3", 3], [".5", 0.5], ["12.", 12], ["012", 12], ["1e-7", 1e-7], ["-0", -0]] as const) {
      expect(numberOfText(text)).toBe(n);
    }
    for (const text of ["", " ", "\r\n"]) expect(numberOfText(text)).toBeNull();
    for (const text of ["1,000", "12abc", "0x1A", "1 2", "abc", "-", "1e", "--1", "1e1.5", "NaN", "INF", "-INF", "Infinity", "1e400", "١٢", "１２", "12%", "¥12"]) {
      expect(numberOfText(text)).toBeUndefined();
    }
  });

  test("numbers, generated: where parseFloat reads a number from the whole text, the same; where it reads only a prefix, none", () => {
    const piece = fc.constantFrom("1", "2", "0", "9", ".", "-", "+", "e", "E", ",", " ", "x", "%", "\n");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }).map((p) => p.join("")), (text) => {
        const n = numberOfText(text);
        const trimmed = text.replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, "");
        if (trimmed === "") return expect(n).toBeNull();
        // Number() reads the whole (trimmed) text or gives NaN; parseFloat a prefix. Both agree exactly
        // on a text that is wholly a decimal number, and that is what is read.
        const whole = Number(trimmed);
        const isDecimal = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed);
        if (isDecimal && Number.isFinite(whole)) {
          expect(n).toBe(whole);
          expect(parseFloat(trimmed)).toBe(whole);
        } else expect(n).toBeUndefined();
      }),
      { numRuns: 3000 },
    );
  });

  test("booleans as Excel writes them (1, 0); shared-string indexes as integers", () => {
    expect([booleanOfText("1"), booleanOfText(" 0 "), booleanOfText("")]).toEqual([true, false, null]);
    for (const text of ["true", "false", "TRUE", "2", "-1", "yes"]) expect(booleanOfText(text)).toBeUndefined();
    expect([indexOfText("0"), indexOfText(" 7 "), indexOfText("1.0"), indexOfText("")]).toEqual([0, 7, 1, null]);
    for (const text of ["1.5", "-1", "abc", "1abc", "1e400"]) expect(indexOfText(text)).toBeUndefined();
  });
});

describe("a form with a damaged cell is refused, the cell named", () => {
  const cases: Array<[string, string, RegExp, RegExp]> = [
    ["a number written with a thousands separator", '<c r="E6" s="4"><v>22,643.67</v></c>', /单元格 E6 应存数字，存的却是“22,643\.67”/, /cell E6 should hold a number but holds "22,643\.67"/],
    ["text in a number cell", '<c r="E6" s="4"><v>约两万</v></c>', /单元格 E6 应存数字，存的却是“约两万”/, /holds "约两万"/],
    ["NaN", '<c r="E6" s="4"><v>NaN</v></c>', /单元格 E6 应存数字/, /cell E6 should hold a number/],
    ["a boolean that is not 0 or 1", '<c r="E6" t="b"><v>true</v></c>', /单元格 E6 应存逻辑值/, /cell E6 should hold TRUE or FALSE/],
    ["a shared string's index past the table", '<c r="E6" t="s"><v>9999</v></c>', /单元格 E6 指向第 10000 条共享文本，而工作簿只有 \d+ 条（其文字已丢失）/, /points to shared text 10000/],
    ["a shared string's index that is no index", '<c r="E6" t="s"><v>1.5</v></c>', /单元格 E6 应存一条共享文本的序号/, /the number of a shared text/],
    ["a type no cell has", '<c r="E6" s="4" t="num"><v>1</v></c>', /单元格 E6 的类型“num”不是单元格的类型/, /has the type "num"/],
    ["a place that is no reference", '<c r="$E$6" s="4"><v>1</v></c>', /单元格的位置写作“\$E\$6”，不是单元格引用/, /written "\$E\$6", which is no cell reference/],
    ["a cell written inside another row", '<c r="E7" s="4"><v>1</v></c>', /单元格 E7 写在了第 6 行里/, /cell E7 is written inside row 6/],
    ["a cell beyond the sheet's last column", '<c r="XFE6" s="4"><v>1</v></c>', /单元格 XFE6 超出了工作表的范围/, /cell XFE6 lies beyond/],
  ];
  test.each(cases)("%s: check, fill and mark refuse it alike, naming the sheet and cell; no copy", async (_what, cell, zh, en) => {
    const bytes = await withCell(cell);
    await expect(readPackageSnapshots(bytes)).rejects.toBeInstanceOf(WorkbookReadError);
    // The same cell with an attribute the fast path leaves to the scanner: refused alike.
    const slow = await withCell(cell.replace("<c ", '<c x="&amp;" '));
    await expect(readPackageSnapshots(slow)).rejects.toThrow(en);
    for (const copy of [undefined, "fill", "mark"] as const) {
      const out = await checkWorkbookBytes("x.xlsx", bytes, copy ? { copy } : {});
      expect(out.copy).toBeUndefined();
      expect(out.result.sheets).toEqual([]);
      expect(out.result.error!.zh).toMatch(/^工作簿已损坏：工作表「绩效自评表」/);
      expect(out.result.error!.zh).toMatch(zh);
      expect(out.result.error!.zh).toMatch(/请在 Excel 或 WPS 中打开，核对该处（必要时重新输入）后另存，再检查；或用生成该文件的程序重新导出。$/);
      expect(out.result.error!.en).toMatch(/Open it in Excel or WPS, check that place/);
      expect(out.result.error!.en).toMatch(/^The workbook is damaged: in sheet "绩效自评表", /);
      expect(out.result.error!.en).toMatch(en);
    }
  });

  test("a form left to ExcelJS (a shared formula before its master) with text in a number cell: refused, not a crash reported as too large", async () => {
    const bytes = await withSheet((xml) => xml.replace(CELL, '<c r="E6" s="4"><v>约两万</v></c>').replace('<c r="H1" s="1"/></row>', '<c r="H1" s="1"/><c r="I1"><f t="shared" si="77"/><v>2</v></c></row>'));
    for (const copy of [undefined, "fill"] as const) {
      const { result } = await checkWorkbookBytes("x.xlsx", bytes, copy ? { copy } : {});
      expect(result.error!.zh).toMatch(/^工作簿已损坏：工作表「绩效自评表」的单元格 E6 应存数字，存的却不是数字，无法可靠读取。/);
      expect(result.error!.en).toMatch(/cell E6 of sheet "绩效自评表" should hold a number/);
    }
  });

  test("a row beyond the sheet's last, a row number that is none, a row written twice", async () => {
    for (const [row, zh] of [["1048577", /第 1048577 行超出了工作表的范围/], ["六", /有一行的行号写作“六”，不是行号/], ["6", /工作表「绩效自评表」第 6 行写了两次/]] as const) {
      const bytes = await withSheet((xml) => xml.replace("</sheetData>", `<row r="${row}"/></sheetData>`));
      for (const copy of [undefined, "fill"] as const) expect((await checkWorkbookBytes("x.xlsx", bytes, copy ? { copy } : {})).result.error!.zh).toMatch(zh);
    }
  });

  test("what is of its type is read: white space around a number, forms xsd allows, an empty value", async () => {
    const plain = await checkWorkbookBytes("x.xlsx", new Uint8Array(fs.readFileSync(FORM)));
    for (const cell of ['<c r="E6" s="4"><v> 22643.67 </v></c>', '<c r="E6" s="4"><v>+2.264367E4</v></c>', '<c r="e6" s="4"><v>22643.67</v></c>']) {
      const { result } = await checkWorkbookBytes("x.xlsx", await withCell(cell));
      expect(result.error).toBeUndefined();
      expect(result.sheets).toEqual(plain.result.sheets);
    }
    const [snap] = await readPackageSnapshots(await withCell('<c r="E6" s="4"><v> </v></c>'));
    expect(snap.values[6 - snap.origin.row][5 - snap.origin.col]).toBeNull();
  });

  test("generated: any text in any number cell of the form is read as the number it is, or refused naming that cell", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(FORM));
    const xml = await zip.file(SHEET)!.async("string");
    const numberCells = [...xml.matchAll(/<c r="([A-Z]+\d+)"( s="\d+")?><v>(-?[0-9.]+)<\/v><\/c>/g)];
    expect(numberCells.length).toBeGreaterThan(20);
    const text = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map(String),
      fc.constantFrom("1,000", "12abc", "abc", "", " ", "-", "1e", "0x10", "NaN", "1E400", "二", "5%", " 7 ", "+.5", "3."),
    );
    let read = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: numberCells.length - 1 }), text, async (k, t) => {
        const [whole, ref, s] = numberCells[k];
        const z = await JSZip.loadAsync(fs.readFileSync(FORM));
        z.file(SHEET, xml.replace(whole, `<c r="${ref}"${s ?? ""}><v>${t}</v></c>`));
        const bytes = await z.generateAsync({ type: "uint8array" });
        const expected = numberOfText(t);
        if (expected === undefined) {
          await expect(readPackageSnapshots(bytes)).rejects.toThrow(new RegExp(`cell ${ref} should hold a number`));
          refused++;
        } else {
          const [snap] = await readPackageSnapshots(bytes);
          const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
          const col = m[1].split("").reduce((a, c) => a * 26 + c.charCodeAt(0) - 64, 0);
          expect(snap.values[Number(m[2]) - snap.origin.row][col - snap.origin.col]).toBe(expected);
          read++;
        }
      }),
      { numRuns: 120 },
    );
    expect(read).toBeGreaterThan(30);
    expect(refused).toBeGreaterThan(20);
  }, 60_000);
});

const lo = soffice();
(lo ? test : test.skip)("LibreOffice reads such cells as numbers no one typed (1,000 as 1, text as 0) and drops a cell whose place is no reference", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-cells-lo-"));
  const cells = ['<c r="E6" s="4"><v>1,000</v></c>', '<c r="E6" s="4"><v>约两万</v></c>', '<c r="$E$6" s="4"><v>5</v></c>'];
  const files = await Promise.all(
    cells.map(async (c, i) => {
      const f = path.join(dir, `c${i}.xlsx`);
      fs.writeFileSync(f, await withCell(c));
      return f;
    }),
  );
  const [thousands, text, dollar] = recalculatedCsvs(files, { asShown: false });
  expect(thousands[5][4]).toBe("1");
  expect(text[5][4]).toBe("0");
  expect(dollar[5][4]).toBe("");
  fs.rmSync(dir, { recursive: true, force: true });
}, 120_000);
