import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { CellWrite, Mark } from "../../src/core/plan";
import { fillPackage } from "../../src/xlsx/package/fillPackage";
import { elementAt, escapeText, rootOf, childrenOf, textOf } from "../../src/xlsx/package/xml";
import { csvCell, recalculatedCsvs, soffice } from "./libreoffice";

/**
 * The package writer against hand-made XML: what Excel and other writers may put in a file that
 * ExcelJS never writes (a namespace prefix, rows and cells without r, no styles part, an empty
 * shared string, self-closing elements), each read back by ExcelJS and by LibreOffice.
 */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

interface Made {
  sheet: string;
  shared?: string[];
  styles?: string;
  prefix?: string;
}

async function makePackage(m: Made): Promise<Uint8Array> {
  const zip = new JSZip();
  const p = m.prefix ? `${m.prefix}:` : "";
  const ns = m.prefix ? `xmlns:${m.prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${m.shared ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ""}${m.styles ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' : ""}</Types>`,
  );
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><${p}workbook ${ns} xmlns:r="${R}"><${p}sheets><${p}sheet name="表 &amp; 一" sheetId="1" r:id="rId1"/></${p}sheets></${p}workbook>`);
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="/xl/worksheets/sheet1.xml"/>${m.shared ? `<Relationship Id="rId2" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>` : ""}${m.styles ? `<Relationship Id="rId3" Type="${R}/styles" Target="styles.xml"/>` : ""}</Relationships>`,
  );
  zip.file("xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?>\n<${p}worksheet ${ns} xmlns:r="${R}">${m.sheet.replace(/<(\/?)([a-zA-Z])/g, `<$1${p}$2`)}</${p}worksheet>`);
  if (m.shared) zip.file("xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${m.shared.length}" uniqueCount="${m.shared.length}">${m.shared.map((t) => `<si><t xml:space="preserve">${escapeText(t)}</t></si>`).join("")}</sst>`);
  if (m.styles) zip.file("xl/styles.xml", m.styles);
  return zip.generateAsync({ type: "uint8array" });
}

const write = (cell: string, value: number | string, numberFormat?: string): CellWrite => ({ cell, value, purpose: "score", message: { zh: "", en: "" }, ...(numberFormat ? { numberFormat } : {}) });
const mark = (cell: string): Mark => ({ cell, severity: "error", codes: ["missing-score"], condition: "blank", note: { zh: "未填写得分", en: "No score" } });

async function partText(bytes: Uint8Array, name: string): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file(name)!.async("string");
}

async function excelJs(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-pkg-"));
const forLibreOffice: Array<{ file: string; expect: Record<string, string> }> = [];

test("rows and cells without r, a self-closing row, no styles part: cells go in column order, a styles part is made", async () => {
  const bytes = await makePackage({
    sheet: '<dimension ref="A1:B2"/><sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row r="3"/><row><c r="B4"><v>4</v></c></row></sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
  });
  const out = await fillPackage(bytes, [{ sheet: "表 & 一", writes: [write("C1", 3, "0.00"), write("A3", "甲 <&> 乙"), write("A4", 0.5), write("A2", 7)], marks: [] }]);
  expect(out.sheets.get("表 & 一")!.written.sort()).toEqual(["A2", "A3", "A4", "C1"]);
  const xml = await partText(out.bytes, "xl/worksheets/sheet1.xml");
  expect(xml).toContain('<row><c><v>1</v></c><c><v>2</v></c><c r="C1" s="1"><v>3</v></c></row><row r="2"><c r="A2"><v>7</v></c></row><row r="3"><c r="A3" t="inlineStr">');
  expect(xml).toContain('<row><c r="A4"><v>0.5</v></c><c r="B4"><v>4</v></c></row>');
  expect(xml).toContain('<dimension ref="A1:C4"/>');
  const styles = await partText(out.bytes, "xl/styles.xml");
  expect(styles).toMatch(/<cellXfs count="2"><xf [^>]*\/><xf numFmtId="2"[^>]*applyNumberFormat="1"\/><\/cellXfs>/);
  expect(await partText(out.bytes, "[Content_Types].xml")).toContain('PartName="/xl/styles.xml"');
  expect(await partText(out.bytes, "xl/_rels/workbook.xml.rels")).toContain("/styles");
  // ExcelJS cannot read rows without r (neither in the original): LibreOffice reads the copy below.
  await expect(excelJs(bytes)).rejects.toThrow(/row number/);
  const file = path.join(tmp, "no-r.xlsx");
  fs.writeFileSync(file, out.bytes);
  forLibreOffice.push({ file, expect: { A1: "1", C1: "3", A2: "7", A3: "甲 <&> 乙", A4: "0.5", B4: "4" } });
});

test("a prefixed namespace (x:worksheet) gets prefixed elements; marks go between mergeCells and dataValidations", async () => {
  const bytes = await makePackage({
    prefix: "x",
    sheet: '<sheetData><row r="1" spans="1:2"><c r="A1"><v>1</v></c><c r="B1" s="0"/></row></sheetData><mergeCells count="1"><mergeCell ref="D1:E1"/></mergeCells><dataValidations count="1"><dataValidation type="list" sqref="A1"><formula1>"a,b"</formula1></dataValidation></dataValidations><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
  });
  const out = await fillPackage(bytes, [{ sheet: "表 & 一", writes: [write("B1", 2), write("F1", 6)], marks: [mark("G1")] }]);
  const xml = await partText(out.bytes, "xl/worksheets/sheet1.xml");
  expect(xml).toContain('<x:row r="1" spans="1:6"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1"><x:v>2</x:v></x:c><x:c r="F1"><x:v>6</x:v></x:c></x:row>');
  expect(xml).toMatch(/<\/x:mergeCells><x:conditionalFormatting sqref="G1"><x:cfRule type="expression" dxfId="0" priority="1"><x:formula>AND\(N\("jixiao"\)=0,LEN\(TRIM\(G1\)\)=0\)<\/x:formula><\/x:cfRule><\/x:conditionalFormatting><x:dataValidations/);
  expect(xml).toMatch(/footer="0.3"\/><x:legacyDrawing xmlns:r="[^"]+" r:id="rId\d+"\/><\/x:worksheet>$/);
  expect(await partText(out.bytes, "xl/comments1.xml")).toContain('<comment ref="G1" authorId="0">');
  // ExcelJS cannot read a prefixed workbook (as the OpenXML SDK writes them), the original neither.
  await expect(excelJs(bytes)).rejects.toThrow();
  const file = path.join(tmp, "prefixed.xlsx");
  fs.writeFileSync(file, out.bytes);
  forLibreOffice.push({ file, expect: { A1: "1", B1: "2", F1: "6" } });
});

test("marks take priorities after every rule the sheet has, its extLst's too", async () => {
  const X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
  const bytes = await makePackage({
    sheet:
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lt;cfRule priority="99"&gt;</t></is></c></row></sheetData>' +
      '<conditionalFormatting sqref="A1"><cfRule type="expression" dxfId="0" priority="7"><formula>A1&gt;1</formula></cfRule></conditionalFormatting>' +
      `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${X14}"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="dataBar" priority="12" id="{00000000-0000-0000-0000-000000000001}"/><xm:sqref>B1</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>`,
  });
  const out = await fillPackage(bytes, [{ sheet: "表 & 一", writes: [], marks: [mark("B2"), mark("C2")] }]);
  const xml = await partText(out.bytes, "xl/worksheets/sheet1.xml");
  const priorities = [...xml.matchAll(/sqref="([A-Z]+\d+)"><cfRule [^>]*priority="(\d+)"/g)].map((m) => `${m[1]}:${m[2]}`);
  expect(priorities).toEqual(["A1:7", "B2:13", "C2:14"]);
});

test("what a person put in a cell is kept: a formula, a space, a tab, a shared string; an empty shared string and an empty styled cell are written", async () => {
  const bytes = await makePackage({
    shared: ["", " ", "说明"],
    sheet:
      '<sheetData><row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1" t="inlineStr"><is><t xml:space="preserve">&#9;</t></is></c><c r="C1" t="s"><v>1</v></c><c r="D1" t="s"><v>2</v></c><c r="E1" t="s"><v>0</v></c><c r="F1" s="0"/><c r="G1" t="str"><v> </v></c></row></sheetData>',
  });
  const writes = ["A1", "B1", "C1", "D1", "E1", "F1", "G1"].map((c) => write(c, 9));
  const out = await fillPackage(bytes, [{ sheet: "表 & 一", writes: [...writes, write("H1", Infinity), write("I1", NaN)], marks: [] }]);
  const r = out.sheets.get("表 & 一")!;
  expect(r.written).toEqual(["E1", "F1"]);
  expect(r.skipped.sort()).toEqual(["A1", "B1", "C1", "D1", "G1", "H1", "I1"]);
  const xml = await partText(out.bytes, "xl/worksheets/sheet1.xml");
  expect(xml).not.toMatch(/Infinity|NaN/);
  expect(xml).toContain('<c r="A1"><f>1+1</f><v>2</v></c>');
  const ws = await excelJs(out.bytes);
  expect([ws.getCell("E1").value, ws.getCell("F1").value, ws.getCell("D1").value]).toEqual([9, 9, "说明"]);
});

test("running twice gives the same parts; marks and notes of the earlier run are replaced, a person's note is kept", async () => {
  const bytes = await makePackage({ sheet: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' });
  const first = await fillPackage(bytes, [{ sheet: "表 & 一", writes: [], marks: [mark("B1"), mark("C1")] }]);
  const second = await fillPackage(first.bytes, [{ sheet: "表 & 一", writes: [], marks: [mark("B1"), mark("C1")] }]);
  for (const name of first.changedParts) expect({ name, text: await partText(second.bytes, name) }).toEqual({ name, text: await partText(first.bytes, name) });
  // Once the problems are gone, the marks and notes go too.
  const third = await fillPackage(second.bytes, [{ sheet: "表 & 一", writes: [], marks: [] }]);
  expect(await partText(third.bytes, "xl/worksheets/sheet1.xml")).not.toContain("conditionalFormatting");
  expect(await partText(third.bytes, "xl/comments1.xml")).not.toContain("<comment ");
  expect(await partText(third.bytes, "xl/drawings/vmlDrawing1.vml")).not.toContain("<v:shape ");
});

test("a protected sheet is not changed at all", async () => {
  const bytes = await makePackage({ sheet: '<sheetData/><sheetProtection password="CC3D" sheet="1"/>' });
  const out = await fillPackage(bytes, [{ sheet: "表 & 一", writes: [write("A1", 1)], marks: [mark("A1")] }]);
  expect(out.sheets.get("表 & 一")!.protected).toBe(true);
  expect(out.changedParts).toEqual([]);
});

test("the XML scanner steps over quoted '>' and comments, and reads entities and CDATA", () => {
  const xml = '<a x="1>2"><!-- <b> --><b y=\'>\'>t&amp;<![CDATA[<u>]]></b><c/></a>';
  const a = rootOf(xml);
  expect(a.end).toBe(xml.length);
  const kids = childrenOf(xml, a);
  expect(kids.map((k) => k.name)).toEqual(["b", "c"]);
  expect(textOf(xml, kids[0])).toBe("t&<u>");
  expect(() => elementAt("<a><b></a>", 0)).toThrow();
});

const needLo = soffice() || process.env.CI === "true" ? test : test.skip;

needLo("LibreOffice opens every hand-made copy with the written values", () => {
  expect(forLibreOffice).toHaveLength(2);
  const csvs = recalculatedCsvs(forLibreOffice.map((f) => f.file), { asShown: false });
  forLibreOffice.forEach((f, i) => {
    for (const [cell, want] of Object.entries(f.expect)) expect({ file: path.basename(f.file), cell, got: csvCell(csvs[i], cell) }).toEqual({ file: path.basename(f.file), cell, got: want });
  });
}, 120_000);

test("a sheet whose drawing cannot be read gets its marks, no notes, and the command says so", async () => {
  const { checkWorkbook } = await import("../../src/xlsx/checkWorkbook");
  const { SAMPLES } = await import("../helpers");
  // A drawing in other VML prefixes (valid XML, but not the v:/o:/x: the writer adds shapes with).
  const zip = await JSZip.loadAsync(fs.readFileSync(path.join(SAMPLES, "selfeval-defects/missing-reasons.xlsx")));
  const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  zip.file("xl/worksheets/sheet1.xml", sheet.replace(/<\/worksheet>$/, `<legacyDrawing xmlns:r="${R}" r:id="rIdVml"/></worksheet>`));
  zip.file("xl/drawings/vmlDrawing9.vml", '<xml xmlns:q="urn:schemas-microsoft-com:vml"><q:shape id="s1"/></xml>');
  const rels = zip.file("xl/worksheets/_rels/sheet1.xml.rels");
  const relXml = rels ? await rels.async("string") : `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  zip.file("xl/worksheets/_rels/sheet1.xml.rels", relXml.replace("</Relationships>", `<Relationship Id="rIdVml" Type="${R}/vmlDrawing" Target="../drawings/vmlDrawing9.vml"/></Relationships>`));
  const input = path.join(tmp, "odd-drawing.xlsx");
  fs.writeFileSync(input, await zip.generateAsync({ type: "nodebuffer" }));
  const out = path.join(tmp, "odd-drawing.filled.xlsx");
  const r = await checkWorkbook(input, { fixOut: out });
  expect(r.note?.zh).toContain("未写入批注");
  const copy = await JSZip.loadAsync(fs.readFileSync(out));
  expect(await copy.file("xl/worksheets/sheet1.xml")!.async("string")).toContain('N("jixiao")');
  expect(await copy.file("xl/drawings/vmlDrawing9.vml")!.async("string")).toBe('<xml xmlns:q="urn:schemas-microsoft-com:vml"><q:shape id="s1"/></xml>');
});
