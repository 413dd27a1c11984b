// The fill's cell edits (sheetXml.cellEdits) walk sheetData once, editing each row as it is walked when
// the rows stand in order, else walking again and collecting. Held equal to the edit as it stood
// before (oracle/cellEditsBefore.ts: every row listed, then each written row's cells walked) over
// generated sheets: rows in order, out of order, repeated, without numbers, self-closing; cells
// without references, repeated, holding formulas, shared and inline strings, comments; array formulas;
// column and row styles; spans; a prefix. Same edits, same cells written and skipped, same styles.
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import JSZip from "jszip";
import { checkWorkbookBytes } from "../../src/xlsx/checkBytes";
import * as readPackage from "../../src/xlsx/readPackage";
import { readWorkbookSnapshots } from "../../src/xlsx/readPackage";
import type { CellSpans } from "../../src/xlsx/package/cellSpans";
import { cellEdits } from "../../src/xlsx/package/sheetXml";
import { openWorkbook, type OpenedWorkbook } from "../../src/xlsx/package/workbook";
import { SAMPLES } from "../helpers";
import { MINIMAL_STYLES, Styles } from "../../src/xlsx/package/styles";
import { childrenOf, forgetTexts, rootOf, splice, wellFormed } from "../../src/xlsx/package/xml";
import { cellEdits as cellEditsBefore } from "./oracle/cellEditsBefore";
import { setRowHeights as setRowHeightsBefore } from "./oracle/setRowHeightsBefore";
import type { RowHeight } from "../../src/core/planTypes";

const SHARED = ["", "甲", " ", "乙"];
const sharedString = (i: number) => SHARED[i];
const colName = (c: number) => String.fromCharCode(64 + c);

const cell = fc.record({
  col: fc.integer({ min: 1, max: 6 }),
  ref: fc.constantFrom("own", "own", "own", "none", "otherRow", "lower"),
  style: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
  content: fc.constantFrom("none", "selfClosing", "number", "emptyV", "shared0", "shared1", "shared2", "inlineEmpty", "inline", "formula", "arrayFormula", "comment", "extra"),
});

const row = fc.record({
  r: fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined, freq: 6 }),
  // The number as writers write it, or as only some readers take it alike (05, 5.0, 5x).
  rForm: fc.constantFrom("plain", "plain", "plain", "plain", "zero", "decimal", "junk"),
  spans: fc.constantFrom(undefined, "1:3", "2:4", "1:6"),
  custom: fc.boolean(),
  // The row's height as writers note it: set, fixed by a person, hidden.
  height: fc.constantFrom(undefined, undefined, ' ht="15"', ' ht="30" customHeight="1"', ' ht="409"', ' customHeight="true"', ' hidden="1"', ' ht="12.75" customHeight="0"'),
  cells: fc.array(cell, { maxLength: 5 }),
  selfClosing: fc.boolean(),
});

const sheet = fc.record({
  prefix: fc.constantFrom("", "x:"),
  ordered: fc.boolean(),
  rows: fc.array(row, { maxLength: 7 }),
  cols: fc.boolean(),
  dimension: fc.constantFrom(undefined, "A1:C3", "B2"),
  foreign: fc.boolean(),
});

const write = fc.record({
  row: fc.integer({ min: 1, max: 8 }),
  col: fc.integer({ min: 1, max: 7 }),
  value: fc.oneof(fc.integer({ min: -5, max: 100 }), fc.constantFrom(0.5, Infinity, NaN), fc.constantFrom("说明", "a<b&c", "")),
  numberFormat: fc.constantFrom(undefined, "0.00", "0.0%"),
  wrap: fc.constantFrom(undefined, true),
});

type Sheet = typeof sheet extends fc.Arbitrary<infer T> ? T : never;

function sheetXml(s: Sheet): string {
  const p = s.prefix;
  let rows = s.rows;
  if (s.ordered) {
    // Numbered, ascending, each once: as every writer lists them.
    let n = 0;
    rows = rows.map((r) => ({ ...r, r: (n += 1 + ((r.r ?? 1) % 2)) }));
  }
  const cellText = (c: Sheet["rows"][number]["cells"][number], rowNo: number | undefined) => {
    const ref =
      c.ref === "own" ? ` r="${colName(c.col)}${rowNo ?? 1}"` : c.ref === "otherRow" ? ` r="${colName(c.col)}9"` : c.ref === "lower" ? ` r="${colName(c.col).toLowerCase()}${rowNo ?? 1}"` : "";
    const st = c.style !== undefined ? ` s="${c.style}"` : "";
    const open = (t = "") => `<${p}c${ref}${st}${t}>`;
    const close = `</${p}c>`;
    switch (c.content) {
      case "none":
        return `${open()}${close}`;
      case "selfClosing":
        return `<${p}c${ref}${st}/>`;
      case "number":
        return `${open()}<${p}v>7</${p}v>${close}`;
      case "emptyV":
        return `${open()}<${p}v></${p}v>${close}`;
      case "shared0":
      case "shared1":
      case "shared2":
        return `${open(' t="s"')}<${p}v>${c.content.slice(-1)}</${p}v>${close}`;
      case "inlineEmpty":
        return `${open(' t="inlineStr"')}<${p}is><${p}t></${p}t></${p}is>${close}`;
      case "inline":
        return `${open(' t="inlineStr"')}<${p}is><${p}t>字</${p}t></${p}is>${close}`;
      case "formula":
        return `${open()}<${p}f>1+1</${p}f><${p}v>2</${p}v>${close}`;
      case "arrayFormula":
        return `${open()}<${p}f t="array" ref="${colName(c.col)}${rowNo ?? 1}:${colName(c.col)}${(rowNo ?? 1) + 1}">1</${p}f>${close}`;
      case "comment":
        return `${open()}<!-- <${p}v>1</${p}v> -->${close}`;
      case "extra":
        return `${open()}<${p}extLst/>${close}`;
    }
  };
  const rowText = (r: Sheet["rows"][number]) => {
    const rText = r.rForm === "zero" ? `0${r.r}` : r.rForm === "decimal" ? `${r.r}.0` : r.rForm === "junk" ? `${r.r}x` : `${r.r}`;
    const attrs = `${r.r !== undefined ? ` r="${rText}"` : ""}${r.spans ? ` spans="${r.spans}"` : ""}${r.custom ? ` customFormat="1" s="2"` : ""}${r.height ?? ""}`;
    if (r.selfClosing && r.cells.length === 0) return `<${p}row${attrs}/>`;
    return `<${p}row${attrs}>${r.cells.map((c) => cellText(c, r.r)).join("")}</${p}row>`;
  };
  const data = rows.length === 0 ? `<${p}sheetData/>` : `<${p}sheetData>${rows.map(rowText).join(s.foreign ? `<!-- - -->` : "")}</${p}sheetData>`;
  const ns = p ? `xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"` : `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${p}worksheet ${ns}>` +
    (s.dimension ? `<${p}dimension ref="${s.dimension}"/>` : "") +
    (s.cols ? `<${p}cols><${p}col min="2" max="3" width="9" style="1"/></${p}cols>` : "") +
    data +
    (s.foreign ? `<!-- after --><${p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><${p}extLst><${p}ext uri="x"><${p}sheetData/></${p}ext></${p}extLst>` : "") +
    `</${p}worksheet>`
  );
}

/** The edits in the order splice makes them (by place, ties as listed): the order they were listed in is the edit's own affair. */
const asMade = (edits: ReturnType<typeof cellEdits>["edits"]) =>
  edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i)
    .map((x) => x.e);

function outcome(edit: typeof cellEdits, xml: string, writes: Parameters<typeof cellEdits>[1], withStyles: boolean, spans?: CellSpans, heights?: RowHeight[]) {
  forgetTexts();
  rootOf(xml);
  const styles = withStyles ? new Styles(MINIMAL_STYLES) : null;
  try {
    const out = heights ? edit(xml, writes, styles, sharedString, spans, heights) : edit(xml, writes, styles, sharedString, spans);
    return { ...out, edits: asMade(out.edits), text: splice(xml, out.edits), styles: styles?.text() };
  } catch (e) {
    return { threw: (e as Error).message };
  } finally {
    forgetTexts();
  }
}

const writesOf = (ws: Array<typeof write extends fc.Arbitrary<infer T> ? T : never>) =>
  ws.map((w) => ({ cell: `${colName(w.col)}${w.row}`, value: w.value, ...(w.numberFormat ? { numberFormat: w.numberFormat } : {}), ...(w.wrap ? { wrap: w.wrap } : {}) }));

/** The sheet in a package of its own, read by the package reader noting where its rows and cells stand: the notes, or null where it does not read the sheet. */
/**
 * A cell as the reader takes it, for the tests of its notes: an empty <v> is no number it takes (it
 * leaves such a sheet to ExcelJS), and a cell naming another row it refuses as damage.
 */
const readable = (c: Sheet["rows"][number]["cells"][number]): Sheet["rows"][number]["cells"][number] => ({
  ...c,
  ...(c.content === "emptyV" ? { content: "number" as const } : {}),
  ...(c.ref === "otherRow" ? { ref: "own" as const } : {}),
});

async function spansOf(xml: string): Promise<CellSpans | null> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
  );
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  zip.file(
    "xl/sharedStrings.xml",
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${SHARED.map((t) => `<si><t xml:space="preserve">${t}</t></si>`).join("")}</sst>`,
  );
  zip.file("xl/worksheets/sheet1.xml", xml);
  try {
    const book = await openWorkbook(new Uint8Array(await zip.generateAsync({ type: "uint8array" })));
    book.cellSpans = new Map();
    readWorkbookSnapshots(book);
    return book.cellSpans.get("xl/worksheets/sheet1.xml") ?? null;
  } catch {
    return null;
  } finally {
    forgetTexts();
  }
}

test("the one walk edits cells as the edit did before, whatever the rows' order", () => {
  let unordered = 0;
  fc.assert(
    fc.property(sheet, fc.array(write, { maxLength: 8 }), fc.boolean(), (s, ws, withStyles) => {
      const xml = sheetXml(s);
      const writes = writesOf(ws);
      if (!s.ordered) unordered++;
      expect(outcome(cellEdits, xml, writes, withStyles)).toEqual(outcome(cellEditsBefore, xml, writes, withStyles));
    }),
    { numRuns: 3000 },
  );
  expect(unordered).toBeGreaterThan(500);
});

/** Rows to grow for drafts, as a fill plans them: each row once, its drafts at or above it, some of them among the writes. */
const heightsFor = (ws: ReadonlyArray<{ row: number; col: number }>) =>
  fc.uniqueArray(
    fc.record({
      row: fc.integer({ min: 1, max: 9 }),
      height: fc.constantFrom(14.25, 20.25, 30, 409),
      drafts: fc.array(fc.record({ pick: fc.nat(), up: fc.nat({ max: 2 }), col: fc.integer({ min: 1, max: 7 }), written: fc.boolean() }), { minLength: 1, maxLength: 3 }),
    }),
    { selector: (h) => h.row, maxLength: 4 },
  ).map((hs) =>
    hs.map(({ row, height, drafts }) => {
      const above = ws.filter((w) => w.row <= row);
      const cells = drafts.map((d) => (d.written && above.length > 0 ? above[d.pick % above.length] : { row: Math.max(1, row - d.up), col: d.col })).map((c) => `${colName(c.col)}${c.row}`);
      return { row, height, cells: [...new Set(cells)] };
    }),
  );

/** The cells' edits made, then the rows grown in a second edit of the text they made: as the fill did before. */
function twoEdits(xml: string, writes: Parameters<typeof cellEdits>[1], withStyles: boolean, heights: RowHeight[]) {
  const cells = outcome(cellEditsBefore, xml, writes, withStyles);
  if ("threw" in cells) return { threw: true };
  const done = new Set(cells.written);
  forgetTexts();
  try {
    const text = setRowHeightsBefore(cells.text, heights.filter((h) => h.cells.some((c) => done.has(c))));
    return { text, written: cells.written, skipped: cells.skipped, styles: cells.styles };
  } catch {
    return { threw: true };
  } finally {
    forgetTexts();
  }
}

const oneEdit = (out: ReturnType<typeof outcome>) => ("threw" in out ? { threw: true } : { text: out.text, written: out.written, skipped: out.skipped, styles: out.styles });

const writesAndHeights = fc.array(write, { maxLength: 8 }).chain((ws) => fc.tuple(fc.constant(ws), heightsFor(ws)));

/** The one edit held to the two (from the reader's notes, when given); whether a row grew. */
function asTwoEdits(xml: string, writes: Parameters<typeof cellEdits>[1], withStyles: boolean, heights: RowHeight[], spans?: CellSpans): boolean {
  const now = oneEdit(outcome(cellEdits, xml, writes, withStyles, spans, heights));
  expect(now).toEqual(twoEdits(xml, writes, withStyles, heights));
  return "text" in now && / ht="(14\.25|20\.25|30)"/.test(now.text!);
}

test("rows grown with the cells' edits, in one edit of the text, as the second edit grew them after the cells'", () => {
  let grown = 0;
  fc.assert(
    fc.property(
      sheet,
      writesAndHeights,
      fc.boolean(),
      (s, [ws, heights], withStyles) => {
        if (asTwoEdits(sheetXml(s), writesOf(ws), withStyles, heights)) grown++;
      },
    ),
    { numRuns: 3000 },
  );
  expect(grown).toBeGreaterThan(300);
});

test("rows grown from the reader's notes of where rows stand, as the second edit grew them", async () => {
  let grown = 0;
  await fc.assert(
    fc.asyncProperty(
      sheet,
      writesAndHeights,
      fc.boolean(),
      async (generated, [ws, heights], withStyles) => {
        const s = { ...generated, ordered: true, rows: generated.rows.map((r) => ({ ...r, cells: r.cells.map(readable) })) };
        const xml = sheetXml(s);
        const spans = await spansOf(xml);
        if (spans !== null && asTwoEdits(xml, writesOf(ws), withStyles, heights, spans)) grown++;
      },
    ),
    { numRuns: 600 },
  );
  expect(grown).toBeGreaterThan(60);
});

test("rows out of order: the edit walks again, and styles taken while walking the first time are given back", () => {
  // Row 3 listed before row 2: the first walk, taking row 2 for one the sheet lacks, has given A2 a
  // new style (its format over the column's style) when it meets row 2; the second walk gives A2 its
  // cell's own style with the format, and the first one's must not stay behind in styles.xml.
  const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="3"><c r="A3"/></row><row r="2"><c r="A2" s="5"/></row></sheetData></worksheet>`;
  const writes = [
    { cell: "A3", value: 7 },
    { cell: "A2", value: 0.5, numberFormat: "0.000" },
  ];
  const now = outcome(cellEdits, xml, writes, true) as ReturnType<typeof cellEdits> & { styles: string };
  expect(now).toEqual(outcome(cellEditsBefore, xml, writes, true));
  expect(now.written).toEqual(["A2", "A3"]);
  expect((now.styles!.match(/<xf /g) ?? []).length - (MINIMAL_STYLES.match(/<xf /g) ?? []).length).toBe(1);
});

test("from the reader's notes of where rows and cells stand, the edit is the walk's: same edits, written, skipped, styles", async () => {
  let usable = 0;
  let read = 0;
  await fc.assert(
    fc.asyncProperty(sheet, fc.array(write, { maxLength: 8 }), fc.boolean(), async (generated, ws, withStyles) => {
      const s = { ...generated, rows: generated.rows.map((r) => ({ ...r, cells: r.cells.map(readable) })) };
      const xml = sheetXml(s);
      const spans = await spansOf(xml);
      if (spans === null) return;
      read++;
      if (spans.usable && spans.rowNumber.every((n, i) => i === 0 || n > spans.rowNumber[i - 1])) usable++;
      // Each cell noted is one element, from its start tag to the end of its end tag (or of a self-closing tag).
      for (let k = 0; k < spans.cellCount; k++) expect(xml.slice(spans.cellStart(k), spans.cellEnd(k))).toMatch(/^<(?:x:)?c(?:\s[^<]*)?\/>$|^<(?:x:)?c[\s>][\s\S]*<\/(?:x:)?c>$/);
      const writes = writesOf(ws);
      expect(outcome(cellEdits, xml, writes, withStyles, spans)).toEqual(outcome(cellEditsBefore, xml, writes, withStyles));
      // The worksheet and its children as the XML layer lists them, walking the text itself.
      forgetTexts();
      const root = rootOf(xml);
      expect(spans.root).toEqual(root);
      expect(spans.children).toEqual(childrenOf(xml, root));
      forgetTexts();
    }),
    { numRuns: 800 },
  );
  // Most generated sheets are read, and the notes of many stand for the walk (rows in order, read alike).
  expect(read).toBeGreaterThan(400);
  expect(usable).toBeGreaterThan(120);
});

describe("a fill over the samples, and over their copies LibreOffice wrote", () => {
  const xlsxIn = (dir: string) =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => fs.readdirSync(path.join(dir, d.name)).filter((f) => f.endsWith(".xlsx")).map((f) => path.join(dir, d.name, f)));
  const files = [...xlsxIn(SAMPLES), ...xlsxIn(path.join(SAMPLES, "..", "converted"))];

  /** The fill's copy, with the reader's notes of where cells stand or (`without`) with none, and the books the reader read. */
  async function filled(bytes: Uint8Array, opts: { copy?: "fill" }, without = false) {
    const books: OpenedWorkbook[] = [];
    const real = readPackage.readWorkbookSnapshots;
    const spy = jest.spyOn(readPackage, "readWorkbookSnapshots").mockImplementation((book) => {
      if (without) delete book.cellSpans;
      books.push(book);
      return real(book);
    });
    try {
      const out = await checkWorkbookBytes("x.xlsx", bytes, opts);
      return { copy: out.copy, books };
    } finally {
      spy.mockRestore();
    }
  }

  test("the reader notes where cells stand for a fill only, and the copy is the same byte for byte as one edited by walking the sheet", async () => {
    expect(files.filter((f) => f.includes("converted")).length).toBeGreaterThan(10);
    let noted = 0;
    for (const f of files) {
      const bytes = new Uint8Array(fs.readFileSync(f));
      const checked = await filled(bytes, {});
      expect(checked.books.every((b) => b.cellSpans === undefined)).toBe(true);
      const withNotes = await filled(bytes, { copy: "fill" });
      const walked = await filled(bytes, { copy: "fill" }, true);
      if (withNotes.books.some((b) => [...(b.cellSpans?.values() ?? [])].some((s) => s.usable))) noted++;
      expect(walked.books.every((b) => b.cellSpans === undefined)).toBe(true);
      expect(withNotes.copy && Buffer.from(withNotes.copy).equals(Buffer.from(walked.copy!))).toBe(true);
    }
    expect(noted).toBe(files.length);
  }, 60_000);
});

test("with the reader's notes the edit reads only the rows it writes: a row it does not write may not even be well-formed", async () => {
  const rowsXml = [1, 2, 3, 4, 5, 6].map((r) => `<row r="${r}" spans="1:3"><c r="A${r}" s="1"><v>${r}</v></c><c r="B${r}"/><c r="C${r}" t="s"><v>1</v></c></row>`).join("");
  const xml = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C6"/><sheetData>${rowsXml}</sheetData></worksheet>`;
  const spans = await spansOf(xml);
  expect(spans?.usable).toBe(true);
  // Row 3's content (not written) made into XML no scanner takes, its length kept: every place stays where
  // it was. The comment makes a walk read the row token by token (stepping over a row, it looks for
  // nothing but its end tag unless something could hide one).
  const open = xml.indexOf('<row r="3"');
  const from = xml.indexOf(">", open) + 1;
  const to = xml.indexOf("</row>", from);
  const poisoned = xml.slice(0, from) + "<!----><a></b>".padEnd(to - from, " ") + xml.slice(to);
  expect(poisoned.length).toBe(xml.length);
  const writes = [
    { cell: "B2", value: 9.5, numberFormat: "0.00" },
    { cell: "D5", value: "说明" },
  ];
  const run = (text: string, withSpans: boolean) => {
    forgetTexts();
    // As the fill registers a sheet the reader walked: its root and the root's children as the reader noted them.
    wellFormed(text, spans!.root, spans!.children);
    try {
      const out = cellEdits(text, writes, new Styles(MINIMAL_STYLES), sharedString, withSpans ? spans! : undefined);
      return { ...out, text: splice(text, out.edits) };
    } finally {
      forgetTexts();
    }
  };
  const clean = run(xml, true);
  expect(clean.written).toEqual(["B2", "D5"]);
  const fromNotes = run(poisoned, true);
  expect(fromNotes.edits).toEqual(clean.edits);
  // The damaged row is left as it stands.
  expect(fromNotes.text).toContain(poisoned.slice(open, to));
  // Walking the sheet meets the damaged row.
  expect(() => run(poisoned, false)).toThrow(/closes/);
});

test("Styles.mark takes back every entry added after it: number formats, cell styles, mark colours", () => {
  const styles = new Styles(MINIMAL_STYLES);
  const before = styles.text();
  const back = styles.mark();
  styles.withNumberFormat(0, "0.000");
  styles.withWrap(0);
  styles.dxf("FF000000", "FFFFFF00");
  expect(styles.changed).toBe(true);
  back();
  expect(styles.changed).toBe(false);
  expect(styles.text()).toBe(before);
  // And asked again, the same entries are made again, numbered as at first.
  expect(styles.withNumberFormat(0, "0.000")).toBe(1);
});

test("a sheet in order gets its edits listed in the text's order, start tags grown and cells filled alike (the splice need not sort ten thousand edits)", () => {
  // Rows 1–300, cells A–H but G; every third row's G is there and empty; every fifth row's spans
  // stop at E, so its start tag grows in the same row as its cells' edits.
  const rows: string[] = [];
  for (let r = 1; r <= 300; r++) {
    const cells = ["A", "B", "C", "D", "E", "F", "H"].map((c) => `<c r="${c}${r}"><v>1</v></c>`);
    if (r % 3 === 0) cells.splice(6, 0, `<c r="G${r}"/>`);
    rows.push(`<row r="${r}" spans="${r % 5 === 0 ? "1:5" : "1:8"}">${cells.join("")}</row>`);
  }
  const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`;
  const writes = Array.from({ length: 300 }, (_, i) => ({ cell: `G${i + 1}`, value: i }));
  forgetTexts();
  const out = cellEdits(xml, writes, new Styles(MINIMAL_STYLES), sharedString);
  forgetTexts();
  expect(out.written).toHaveLength(300);
  expect(out.edits.length).toBe(300 + 60);
  for (let i = 1; i < out.edits.length; i++) expect(out.edits[i].start).toBeGreaterThanOrEqual(out.edits[i - 1].end);
  expect(outcome(cellEdits, xml, writes, true)).toEqual(outcome(cellEditsBefore, xml, writes, true));
});
