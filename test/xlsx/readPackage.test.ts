/**
 * The package reader (src/xlsx/readPackage.ts) against ExcelJS, its oracle: over every workbook the
 * tests hold (samples, other writers, LibreOffice, hand-made and hostile files, the examples) and
 * over generated ones, it gives ExcelJS's snapshots cell for cell, or leaves the file to ExcelJS.
 */
import fs from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { loadWorkbook, snapshotOf } from "../../src/xlsx/readWorkbook";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { readPackageSnapshots, UnreadHere } from "../../src/xlsx/readPackage";
import { withoutLayout } from "../helpers";

const ROOT = path.join(__dirname, "..", "..");

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : /\.(xlsx|xlsm|xltx|xltm)$/i.test(e.name) ? [path.join(dir, e.name)] : [])).sort();
}

const FILES = [...walk(path.join(ROOT, "test", "fixtures")), ...walk(path.join(ROOT, "examples"))];

async function viaExcelJs(bytes: Uint8Array) {
  try {
    return (await loadWorkbook(bytes)).worksheets.map((ws) => snapshotOf(ws));
  } catch (e) {
    return { error: (e as Error).message };
  }
}

async function viaPackage(bytes: Uint8Array) {
  try {
    // ExcelJS reads no page layout (it drops customHeight): the snapshots are compared without it.
    return (await readPackageSnapshots(bytes)).map(withoutLayout);
  } catch (e) {
    if (e instanceof UnreadHere) return { unread: e.message };
    throw e;
  }
}

/**
 * Where ExcelJS is wrong and this reader is Excel: ExcelJS drops a formula's cached result when it is
 * falsy (0, FALSE: FormulaValue's `value` keeps `result` only when truthy), so a `=SUM(…)` showing 0
 * reads as empty. Office.js gives 0. Those cells are taken from this reader before comparing.
 */
function withFalsyResults(theirs: SheetSnapshot[], mine: SheetSnapshot[]): { snaps: SheetSnapshot[]; taken: number } {
  let taken = 0;
  const snaps = theirs.map((t, k) => {
    const m = mine[k];
    if (!m || m.origin.row !== t.origin.row || m.origin.col !== t.origin.col) return t;
    const values = t.values.map((row, r) => row.map((v, c) => {
      const mv = m.values[r]?.[c];
      if (v === null && t.formulas[r][c] !== null && (mv === 0 || mv === false)) {
        taken++;
        return mv;
      }
      return v;
    }));
    const text = t.text.map((row, r) => row.map((x, c) => (values[r][c] !== t.values[r][c] ? m.text[r][c] : x)));
    return { ...t, values, text };
  });
  return { snaps, taken };
}

const read: string[] = [];

test.each(FILES.map((f) => [path.relative(ROOT, f), f]))("%s: the same snapshots as ExcelJS, or left to it", async (rel, file) => {
  const bytes = fs.readFileSync(file);
  const mine = await viaPackage(bytes);
  const theirs = await viaExcelJs(bytes);
  if ("unread" in mine) return; // ExcelJS reads it (or refuses it) as before
  read.push(rel);
  if ("error" in theirs) throw new Error(`ExcelJS refuses ${rel} (${theirs.error}), this reader reads it`);
  expect(mine).toEqual(withFalsyResults(theirs, mine).snaps);
});

test("not vacuous: the reader read every sample, the examples, the XlsxWriter file and the LibreOffice copies itself", () => {
  for (const f of FILES.filter((x) => /samples|examples|other-writers|converted/.test(x))) expect(read).toContain(path.relative(ROOT, f));
});

/** A package written by hand, part by part, as other programs write them. */
async function handMade(sheet: string, opts: { strings?: string; styles?: string; workbookPr?: string; calcPr?: string; prefix?: string } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  const x = opts.prefix ?? "";
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  zip.file("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`);
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns}>${opts.workbookPr ?? ""}<sheets><sheet name="表 &amp; 1" sheetId="1" r:id="rId1"/></sheets>${opts.calcPr ?? ""}</workbook>`);
  zip.file("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`);
  zip.file("xl/styles.xml", opts.styles ?? `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0&quot;分&quot;"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="10" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="4" applyNumberFormat="1"/></cellXfs></styleSheet>`);
  zip.file("xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${opts.strings ?? '<si><t>一级指标</t></si><si><r><t>偏差</t></r><r><rPr><b/></rPr><t>原因</t></r></si><si><t xml:space="preserve"> 前后空格 </t><rPh sb="0" eb="1"><t>ぜん</t></rPh></si><si><t/></si>'}</sst>`);
  zip.file("xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><${x}worksheet ${x ? ns.replace("xmlns=", `xmlns:${x.slice(0, -1)}=`) : ns}><${x}sheetData>${sheet}</${x}sheetData></${x}worksheet>`);
  return zip.generateAsync({ type: "uint8array" });
}

describe("hand-made packages: every kind of cell other writers write", () => {
  const rows =
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
    '<row r="2"><c r="A2"><v>12.5</v></c><c r="B2" s="1"><v>0.9815</v></c><c r="C2" s="2"><v>9.85</v></c><c r="D2" s="3"><v>45291</v></c><c r="E2" s="4"><v>1234567.891</v></c></row>' +
    '<row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="e"><v>#DIV/0!</v></c><c r="C3" t="str"><v>文本 &lt;公式&gt;</v></c><c r="D3" t="inlineStr"><is><t>内联</t></is></c><c r="E3" s="2"/><c r="F3"/></row>' +
    '<row r="4"><c r="A4"><f>SUM(A2:A3)</f><v>12.5</v></c><c r="B4"><f t="shared" ref="B4:D4" si="0">A2*2</f><v>25</v></c><c r="C4"><f t="shared" si="0"/><v>1.963</v></c><c r="D4"><f t="shared" si="0"/><v>19.7</v></c><c r="E4"><f>A2-A2</f><v>0</v></c><c r="F4" t="str"><f>"x"&amp;"y"</f><v>xy</v></c></row>' +
    '<row r="6"><c r="A6" t="s"><v>0</v></c><c r="B6" t="s"><v>1</v></c><c r="C6"><v>3</v></c></row>';
  const merges = '<mergeCells count="1"><mergeCell ref="A6:C7"/></mergeCells>';

  test("shared and rich strings, numbers in formats, dates, booleans, errors, inline strings, formulas and shared formulas, merges: as ExcelJS reads them", async () => {
    const bytes = await handMade(rows.replace("</row><row r=\"6\">", "</row><row r=\"6\">") + "");
    const withMerges = await handMade(rows);
    for (const b of [bytes, withMerges]) {
      const mine = (await readPackageSnapshots(b)).map(withoutLayout);
      const theirs = (await loadWorkbook(b)).worksheets.map((ws) => snapshotOf(ws));
      expect(mine).toEqual(withFalsyResults(theirs, mine).snaps);
    }
    const [s] = await readPackageSnapshots(withMerges);
    expect(s.name).toBe("表 & 1");
    expect(s.values[0]).toEqual(["一级指标", "偏差原因", " 前后空格 ", null, null, null]);
    expect(s.values[1].slice(0, 3)).toEqual([12.5, 0.9815, 9.85]);
    expect(s.text[1]).toEqual(["12.5", "98.15%", "9.9分", "2023/12/31", "1,234,567.89", ""]);
    expect(s.values[2].slice(0, 4)).toEqual([true, "#DIV/0!", "文本 <公式>", "内联"]);
    expect(s.formulas[3]).toEqual(["=SUM(A2:A3)", "=A2*2", "=B2*2", "=C2*2", "=A2-A2", '="x"&"y"']);
    // A formula showing 0 is 0 (ExcelJS would read it as empty).
    expect(s.values[3][4]).toBe(0);
  });

  test("merged cells read empty except the top-left; a value under a merge is not read", async () => {
    const zipped = await handMade(rows, {});
    const zip = await JSZip.loadAsync(zipped);
    const xml = (await zip.file("xl/worksheets/sheet1.xml")!.async("string")).replace("</sheetData>", `</sheetData>${merges}`);
    zip.file("xl/worksheets/sheet1.xml", xml);
    const bytes = await zip.generateAsync({ type: "uint8array" });
    const [s] = await readPackageSnapshots(bytes);
    const theirs = (await loadWorkbook(bytes)).worksheets.map((ws) => snapshotOf(ws));
    expect([withoutLayout(s)]).toEqual(withFalsyResults(theirs, [withoutLayout(s)]).snaps);
    expect(s.merges).toEqual(["A6:C7"]);
    expect(s.values[5].slice(0, 3)).toEqual(["一级指标", null, null]);
    expect(s.values).toHaveLength(7);
  });

  test("attributes in single quotes and after line breaks and tabs, as ExcelJS reads them", async () => {
    const bytes = await handMade(`<row\n r='1'><c\n\tr='A1'\tt="s"><v>1</v></c><c r = "B1" s='1'><v>0.5</v></c></row>`);
    const mine = (await readPackageSnapshots(bytes)).map(withoutLayout);
    expect(mine).toEqual((await loadWorkbook(bytes)).worksheets.map((ws) => snapshotOf(ws)));
    expect(mine[0].text[0]).toEqual(["偏差原因", "50.00%"]);
  });

  test("rows and cells without r (allowed by the schema, refused by ExcelJS) are read in order", async () => {
    const bytes = await handMade('<row><c t="s"><v>0</v></c><c><v>5</v></c></row><row><c/><c t="b"><v>0</v></c></row>');
    const [s] = await readPackageSnapshots(bytes);
    expect(s.origin).toEqual({ row: 1, col: 1 });
    expect(s.values).toEqual([
      ["一级指标", 5],
      [null, false],
    ]);
  });

  test("1904 dates and calcPr fullCalcOnLoad (only with formulas)", async () => {
    const d = await readPackageSnapshots(await handMade('<row r="1"><c r="A1" s="3"><v>0</v></c><c r="B1"><f>A1</f><v>0</v></c></row>', { workbookPr: '<workbookPr date1904="1"/>', calcPr: '<calcPr fullCalcOnLoad="1"/>' }));
    // Serial 0 of the 1904 system is 1904-01-01, shown in id 14 as a Chinese Excel shows it.
    expect(d[0].text[0][0]).toBe("1904/1/1");
    expect(d[0].recalculatesOnLoad).toBe(true);
    const none = await readPackageSnapshots(await handMade('<row r="1"><c r="A1"><v>1</v></c></row>', { calcPr: '<calcPr fullCalcOnLoad="1"/>' }));
    expect(none[0].recalculatesOnLoad).toBeUndefined();
  });

  test("a package written with namespace prefixes throughout (x:workbook, x:sheetData, x:si), which ExcelJS cannot read", async () => {
    const zip = await JSZip.loadAsync(await handMade('<x:row r="2"><x:c r="B2" t="s"><x:v>1</x:v></x:c><x:c r="C2" s="1"><x:v>0.25</x:v></x:c><x:c r="D2"><x:f>C2*2</x:f><x:v>0.5</x:v></x:c></x:row>', { prefix: "x:" }));
    const ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    zip.file("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><x:workbook ${ns}><x:sheets><x:sheet name="表" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`);
    const sst = (await zip.file("xl/sharedStrings.xml")!.async("string")).replace(/<(\/?)(sst|si|t|r|rPr|b|rPh)([\s>/])/g, "<$1x:$2$3").replace('xmlns="', 'xmlns:x="');
    zip.file("xl/sharedStrings.xml", sst);
    const bytes = await zip.generateAsync({ type: "uint8array" });
    const [s] = await readPackageSnapshots(bytes);
    expect(s.name).toBe("表");
    expect(s.origin).toEqual({ row: 2, col: 2 });
    expect(s.values).toEqual([["偏差原因", 0.25, 0.5]]);
    expect(s.text).toEqual([["偏差原因", "25.00%", "0.5"]]);
    expect(s.formulas).toEqual([[null, null, "=C2*2"]]);
    // ExcelJS finds no sheet in it, or refuses it.
    const theirs = await viaExcelJs(bytes);
    expect("error" in theirs || theirs.every((t) => t.values.length === 0)).toBe(true);
  });

  test("what it does not know it leaves to ExcelJS: a shared formula before its master, overlapping merges", async () => {
    await expect(readPackageSnapshots(await handMade('<row r="1"><c r="A1"><f t="shared" si="3"/><v>1</v></c></row>'))).rejects.toBeInstanceOf(UnreadHere);
    const zip = await JSZip.loadAsync(await handMade('<row r="1"><c r="A1"><v>1</v></c></row>'));
    const xml = (await zip.file("xl/worksheets/sheet1.xml")!.async("string")).replace("</sheetData>", '</sheetData><mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>');
    zip.file("xl/worksheets/sheet1.xml", xml);
    await expect(readPackageSnapshots(await zip.generateAsync({ type: "uint8array" }))).rejects.toBeInstanceOf(UnreadHere);
  });
});
