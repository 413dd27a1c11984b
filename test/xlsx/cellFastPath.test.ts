import { parseA1 } from "../../src/core/address";
// The package reader reads most cells, `<c r="B3" s="1" t="s"><v>text</v></c>`, straight from the
// document (plainAttrs and plainValue in src/xlsx/readPackage.ts) and the rest through the XML scanner.
// The two must read alike: the same sheet written so that every cell may take the fast paths, and with
// a comment in every cell and a reference in every start tag so that none does, gives the same
// snapshot, cell for cell, with the other shapes (formulas, inline strings, entities, self-closing
// cells, white space, references written otherwise, attributes in any order and quote) mixed in.
import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { readPackageSnapshots } from "../../src/xlsx/readPackage";
import { checkWorkbookBytes } from "../../src/xlsx/checkBytes";
import fs from "node:fs";
import path from "node:path";

async function base(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  ["甲", "乙", "丙"].forEach((s, i) => (ws.getCell(1, i + 1).value = s));
  ws.getCell("A2").numFmt = "0.00%";
  ws.getCell("A2").value = 0.5;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

// With line ends as writers leave them (a CR LF, a CR alone: XML reads each as one LF) and `]`.
const text = fc.stringMatching(/^[0-9A-Za-z 甲乙丙.%\-&<>"'\r\n\]]{0,12}$/);
const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * A number as a writer may put it: a sign, digits (up to 17: past the 15 the reader takes from the
 * characters, and leading zeros), a fraction (or a bare point), an exponent; only what parseFloat reads.
 */
const decimal = fc
  .tuple(fc.constantFrom("", "", "-", "+"), fc.stringMatching(/^[0-9]{0,17}$/), fc.option(fc.stringMatching(/^[0-9]{0,12}$/), { nil: undefined }), fc.constantFrom("", "", "", "E-3", "e5"))
  .map(([sign, int, frac, exp]) => `${sign}${int}${frac === undefined ? "" : `.${frac}`}${exp}`)
  .filter((v) => /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v));

/** One cell's content after its start tag: what it holds, as a writer would put it. */
const content = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }).map((n) => ({ t: undefined, v: String(n) })),
  decimal.map((v) => ({ t: undefined, v })),
  decimal.map((v) => ({ t: "n", v })),
  fc.integer({ min: 0, max: 2 }).map((i) => ({ t: "s", v: String(i) })),
  fc.constantFrom("00", "01", "002").map((v) => ({ t: "s", v })),
  text.map((s) => ({ t: "str", v: escape(s) })),
  fc.constantFrom("0", "1").map((v) => ({ t: "b", v })),
  fc.constantFrom("#DIV/0!", "#N/A").map((v) => ({ t: "e", v })),
);
/** Cells without a plain value: a formula, an inline string (the scanner's), an empty cell self-closing or closed by its end tag (either). */
/** Formulas as writers put them: plainly (read straight from the document, with their result or none) and otherwise (left to the scanner). */
const FORMULA_TEXTS = ["1", "F3*0.9", "SUM(A1:B2)", 'IF(A1="达成",1,0)', "A1&amp;B1", "A1&gt;0", "A1>0", "A1\r\n+1", "A1\r+1", "A1\n+\t1", " A1 ", "", "<![CDATA[A1+1]]>", "A1]]&gt;", "A1&#43;1"];
const FORMULA_RESULTS = ["", "<v>3</v>", "<v>0.5</v>", " <v>1</v>", "<v>a&amp;b</v>", "<v>-1E-3</v>", "<v></v>"];
const FORMULA_OPENS = ["<f>", '<f aca="false">', "<f aca='false'>", '<f aca="true">', '<f aca="false" t="shared" si="0" ref="A1:A2">', '<f t="shared" si="0" ref="A1:A2">', "<f >", "<x:f>"];
const formulaCell = ([f, v, open]: string[]) => (open === "<x:f>" ? `<x:f xmlns:x="urn:x">${f}</x:f>${v}` : `${open}${f}</f>${v}`);
const other = fc.oneof(
  fc.integer({ min: 1, max: 99 }).map((n) => `<f>${n}+1</f><v>${n + 1}</v>`),
  fc.tuple(fc.constantFrom(...FORMULA_TEXTS), fc.constantFrom(...FORMULA_RESULTS), fc.constantFrom(...FORMULA_OPENS)).map(formulaCell),
  text.map((s) => `<is><t>${escape(s)}</t></is>`),
  fc.constant(null),
  fc.constant(""),
);
/**
 * How a start tag is written: the reference given or implied, either quote, the attributes in either
 * order, attributes the reader does not use (some holding a reference), an `r` it must leave to the
 * scanner (lower case, a leading zero, a space around `=`), `s` with leading zeros.
 */
const tagStyle = fc.record({
  // (`$A$1` is no reference: refused, on both paths — see the examples below.)
  ref: fc.constantFrom("plain", "plain", "plain", "none", "lower", "zero", "spaced"),
  quote: fc.constantFrom('"', "'"),
  typeFirst: fc.boolean(),
  extra: fc.constantFrom("", ' cm="1"', " ph='1'", ' vm="2" x14ac:dyDescent="0.25"', ' foo="&amp;"', ' foo="a&#x26;b"', ' foo="a>b"', " foo='/>'", ' foo=" r=\'Z9\'"'),
  padStyle: fc.boolean(),
});
const cell = fc.record({ style: fc.option(fc.constantFrom(0, 1), { nil: undefined }), plain: fc.option(content, { nil: null, freq: 4 }), other, tag: tagStyle });

interface GenCell {
  style: number | undefined;
  plain: { t: string | undefined; v: string } | null;
  other: string | null;
  tag: { ref: string; quote: string; typeFirst: boolean; extra: string; padStyle: boolean };
}

function sheetData(rows: GenCell[][], slow: boolean): string {
  const col = (j: number) => String.fromCharCode(65 + j);
  const lines = rows.map((cells, i) => {
    const r = i + 1;
    const cs = cells.map((c, j) => {
      const { quote: q, ref, typeFirst, extra, padStyle } = c.tag;
      // A reference left out stands for the column after the cell before (here always the next letter).
      const at =
        ref === "lower" ? ` r=${q}${col(j).toLowerCase()}${r}${q}` :
        ref === "zero" ? ` r=${q}${col(j)}0${r}${q}` :
        ref === "spaced" ? ` r = ${q}${col(j)}${r}${q}` :
        ref === "none" ? "" : ` r=${q}${col(j)}${r}${q}`;
      const st = c.style !== undefined ? ` s=${q}${padStyle ? "00" : ""}${c.style}${q}` : "";
      const type = (t: string | undefined) => (t ? ` t=${q}${t}${q}` : "");
      // The slow copy has an attribute holding a reference in every tag: the whole tag goes to the scanner.
      const attrs = (t: string | undefined) => (typeFirst ? `${type(t)}${at}${st}` : `${at}${st}${type(t)}`) + extra + (slow ? ' slow="&amp;"' : "");
      if (c.plain) return `<c${attrs(c.plain.t)}>${slow ? "<!-- slow -->" : ""}<v>${c.plain.v}</v></c>`;
      if (c.other === null) return `<c${attrs(undefined)}/>`;
      return c.other.startsWith("<is>") ? `<c${attrs("inlineStr")}>${c.other}</c>` : `<c${attrs(undefined)}>${c.other}</c>`;
    });
    return `<row r="${r}">${cs.join("")}</row>`;
  });
  return `<sheetData>${lines.join("")}</sheetData>`;
}

test("a cell read straight from the document reads as the scanner reads it, and the cells after it too", async () => {
  const bytes = await base();
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  const [before, rest] = xml.split(/<sheetData>|<sheetData\/>/);
  const after = rest.includes("</sheetData>") ? rest.slice(rest.indexOf("</sheetData>") + "</sheetData>".length) : rest;
  const withData = async (data: string) => {
    zip.file("xl/worksheets/sheet1.xml", `${before}${data}${after}`);
    return readPackageSnapshots(await zip.generateAsync({ type: "uint8array" }));
  };
  let fastCells = 0;
  let fastFormulas = 0;
  let read = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }), async (rows) => {
      // Read alike, or refused alike (a shared formula before its master, a result that is no number).
      const outcome = (data: string) => withData(data).then((v) => ({ v }), (e: Error) => ({ refused: e.message }));
      const fast = await outcome(sheetData(rows, false));
      const slow = await outcome(sheetData(rows, true));
      expect(fast).toEqual(slow);
      if ("v" in fast) read++;
      fastFormulas += rows.flat().filter((c) => !c.plain && c.other?.startsWith("<f>") && !c.tag.extra.includes("&")).length;
      fastCells += rows.flat().filter((c) => c.plain).length;
    }),
    { numRuns: 60 },
  );
  // Not vacuous: many cells took the fast path, formulas among them, and most sheets were read.
  expect(fastCells).toBeGreaterThan(100);
  expect(fastFormulas).toBeGreaterThan(20);
  expect(read).toBeGreaterThan(30);
});

test("the fast path leaves a cell it cannot read whole to the scanner: entities, white space, a prefix, a stray end tag", async () => {
  const bytes = await base();
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  const [before, rest] = xml.split(/<sheetData>|<sheetData\/>/);
  const after = rest.slice(rest.indexOf("</sheetData>") + "</sheetData>".length);
  const read = async (data: string) => {
    zip.file("xl/worksheets/sheet1.xml", `${before}<sheetData>${data}</sheetData>${after}`);
    return readPackageSnapshots(await zip.generateAsync({ type: "uint8array" }));
  };
  const [s] = await read('<row r="1"><c r="A1" t="str"><v>a&amp;b</v></c><c r="B1"> <v>7</v> </c><c r="C1" t="str"><v>x</v></c></row>');
  expect(s.values[0]).toEqual(["a&b", 7, "x"]);
  // </v></cx> is not the cell's end: the document is not well formed, and is not read as if it were.
  await expect(read('<row r="1"><c r="A1"><v>1</v></cx></row>')).rejects.toThrow();
  // A reference in a start tag is decoded (the tag left to the scanner), and one that stands for nothing is refused.
  const [e] = await read('<row r="1"><c r="&#65;1" t="str"><v>a</v></c><c r="B1" t="&#115;tr"><v>b</v></c></row>');
  expect(e.values[0]).toEqual(["a", "b"]);
  await expect(read('<row r="1"><c r="A1" foo="&nbsp;"><v>1</v></c></row>')).rejects.toThrow();
  // An attribute written twice is not well formed (XML 1.0 §3.1): refused, whichever attribute, on either path.
  for (const tag of ['r="B1" r="D1"', 'r="A1" s="0" s="1"', 'r="A1" t="n" t="s"', 'r="A1" foo="&amp;" r="E1"', 'r="A1" cm="1" cm="1"', 'r="A1" u="1" u="2"', "r='A1' vm=\"1\" s=\"0\" vm='1'"]) {
    await expect(read(`<row r="1"><c ${tag}><v>1</v></c></row>`)).rejects.toThrow(/written twice/);
  }
  // A place that is no cell reference, or one in another row, or beyond the sheet: refused as damage on either path.
  for (const slow of ["", ' slow="&amp;"']) {
    await expect(read(`<row r="1"><c r="$A$1"${slow}><v>1</v></c></row>`)).rejects.toThrow(/written "\$A\$1", which is no cell reference/);
    await expect(read(`<row r="1"><c r="A2"${slow}><v>1</v></c></row>`)).rejects.toThrow(/cell A2 is written inside row 1/);
    await expect(read(`<row r="1"><c r="XFE1"${slow}><v>1</v></c></row>`)).rejects.toThrow(/cell XFE1 lies beyond/);
  }
  // So are attributes run together, and a name that is not a name.
  await expect(read('<row r="1"><c r="A1"s="0"><v>1</v></c></row>')).rejects.toThrow(/white space/);
  await expect(read('<row r="1"><c r="A1" 1s="0"><v>1</v></c></row>')).rejects.toThrow(/not a name/);
  // A carriage return in a value is read as XML reads it, CR LF (or a CR alone) as one LF; a raw ]]> is refused.
  const [cr] = await read('<row r="1"><c r="A1" t="str"><v>a\r\nb</v></c><c r="B1" t="str"><v>c\rd</v></c></row>');
  expect(cr.values[0]).toEqual(["a\nb", "c\nd"]);
  await expect(read('<row r="1"><c r="A1" t="str"><v>a]]>b</v></c></row>')).rejects.toThrow(/]]>/);
  // A tab or line break in a value is normalised by the scanner, so such a tag is left to it.
  const [w] = await read('<row r="1"><c r="A1" t="str" foo="a\tb"><v>x</v></c><c r="B1" t="n&#9;"></c></row>');
  expect(w.values[0]).toEqual(["x"]);
  // The tab read as a space, the type is "s ", which is no cell type: refused as damage, not read as a number.
  await expect(read('<row r="1"><c r="A1" t="str"><v>x</v></c><c r="B1" t="s&#9;"><v>0</v></c></row>')).rejects.toThrow(/cell B1 has the type "s "/);
});

/** A reader of sheetData put into the base workbook: its values, formulas and texts, or the words it was refused with. */
async function sheetOutcomes(): Promise<(data: string) => Promise<Pick<SheetSnapshot, "values" | "formulas" | "text"> | { refused: string }>> {
  const zip = await JSZip.loadAsync(await base());
  const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  const [before, rest] = xml.split(/<sheetData>|<sheetData\/>/);
  const after = rest.slice(rest.indexOf("</sheetData>") + "</sheetData>".length);
  return async (data: string) => {
    zip.file("xl/worksheets/sheet1.xml", `${before}<sheetData>${data}</sheetData>${after}`);
    return readPackageSnapshots(await zip.generateAsync({ type: "uint8array" })).then(
      ([s]) => ({ values: s.values, formulas: s.formulas, text: s.text }),
      (e: Error) => ({ refused: e.message }),
    );
  };
}

test("every formula shape, with every kind of result, reads alike on either path (or is refused alike)", async () => {
  const outcome = await sheetOutcomes();
  let formulasRead = 0;
  for (const f of FORMULA_TEXTS) {
    for (const v of FORMULA_RESULTS) {
      for (const open of FORMULA_OPENS) {
        const cellXml = formulaCell([f, v, open]);
        // The cell after it, read plainly on the fast path: the cursor must stand where the scanner's would.
        const row = (slow: string) => `<row r="1"><c r="A1"${slow}>${cellXml}</c><c r="B1"><v>5</v></c></row>`;
        const fast = await outcome(row(""));
        expect({ cellXml, ...fast }).toEqual({ cellXml, ...(await outcome(row(' slow="&amp;"'))) });
        if ("formulas" in fast && fast.formulas[0][0] !== null) formulasRead++;
      }
    }
  }
  expect(formulasRead).toBeGreaterThan(100);
}, 60_000);

test("a shared formula's dependents, however written, read alike on either path (or are refused alike)", async () => {
  const outcome = await sheetOutcomes();
  const dependents = ['<f t="shared" si="0"/>', '<f t="shared" si="00"/>', '<f t="shared" si="1"/>', '<f t="shared" si=""/>', '<f t="shared" si="0" />', "<f t='shared' si='0'/>", '<f si="0" t="shared"/>', '<f t="shared" si="0"></f>', '<f t="shared" si="0"/ >', '<f t="shared" si="x"/>'];
  const results = ["", "<v>3</v>", "<v>0.25</v>", " <v>1</v>", "<v>a&amp;b</v>", "<v></v>", "<v>1E-3</v>"];
  let read = 0;
  for (const d of dependents) {
    for (const v of results) {
      for (const t of ["", ' t="str"', ' t="b"', ' t="e"', ' s="1"']) {
        // The master in A1 (F1*0.9 down to A3), its dependents in A2 and A3, a plain cell after each.
        const rows = (slow: string) =>
          `<row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">F1*0.9</f><v>9</v></c></row>` +
          `<row r="2"><c r="A2"${t}${slow}>${d}${v}</c><c r="B2"><v>5</v></c></row>` +
          `<row r="3"><c r="A3"${t}${slow}>${d}${v}</c></row>`;
        const fast = await outcome(rows(""));
        expect({ d, v, t, ...fast }).toEqual({ d, v, t, ...(await outcome(rows(' slow="&amp;"'))) });
        if ("formulas" in fast && fast.formulas[2][0] === "=F3*0.9") read++;
      }
    }
  }
  expect(read).toBeGreaterThan(40);
}, 60_000);

test("a form whose formula result has no type and is no number is still checked and filled, not a crash", async () => {
  // <v>a&amp;b</v> after a formula in a cell of no type: it went on as NaN and failed the snapshot's
  // schema, which crashed the check. Such a result is no result: the formula is kept, its value none
  // (computed again by the engine, as for a file stored without results).
  const file = path.join(__dirname, "../fixtures/samples/legacy/gongxiangjiaohuan.xlsx");
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  const at = /<c r="([A-Z]+\d+)"([^>]*?)><v>([0-9.]+)<\/v><\/c>/.exec(xml)!;
  const odd = xml.replace(at[0], `<c r="${at[1]}"${at[2]}><f>1+1</f><v>a&amp;b</v></c>`);
  expect(odd).not.toBe(xml);
  zip.file("xl/worksheets/sheet1.xml", odd);
  const bytes = await zip.generateAsync({ type: "uint8array" });
  const [snap] = await readPackageSnapshots(bytes);
  const { row, col } = parseA1(at[1]);
  expect(snap.formulas[row - snap.origin.row][col - snap.origin.col]).toBe("=1+1");
  expect(snap.values[row - snap.origin.row][col - snap.origin.col]).toBeNull();
  const plain = await checkWorkbookBytes("x.xlsx", new Uint8Array(fs.readFileSync(file)));
  for (const copy of [undefined, "fill"] as const) {
    const { result } = await checkWorkbookBytes("x.xlsx", bytes, copy ? { copy } : {});
    expect(result.error).toBeUndefined();
    expect(result.sheets.map((s) => s.kind)).toEqual(plain.result.sheets.map((s) => s.kind));
  }
});
