import { DamagedCell } from "../../src/xlsx/valueText";
// Where the package reader puts a sheet's cells (src/xlsx/sheetCells.ts): rows as arrays for sheets
// written in order (DenseCells), cell by cell for any other (SparseCells). Both against a plain map
// of the cells, over generated puts; and the reader against ExcelJS over generated sheets written in
// order, out of order, with cells written twice, gaps, far columns and merged areas.
import fc from "fast-check";
import JSZip from "jszip";
import type { CellValue } from "../../src/core/snapshot";
import { displayText } from "../../src/core/numberFormat";
import { loadWorkbook, snapshotOf } from "../../src/xlsx/readWorkbook";
import { readPackageSnapshots } from "../../src/xlsx/readPackage";
import { BLANK, COUNTS, DenseCells, OCCUPIED, SparseCells, type CellStore } from "../../src/xlsx/sheetCells";
import { withoutLayout } from "../helpers";
import { applyWrites } from "../../src/core/fill";

const FORMATS = [undefined, "0.00%", "0.0", undefined, "#,##0.00"];

interface Put {
  row: number;
  col: number;
  value: CellValue;
  formula: string | null;
  style: number | undefined;
  flags: number;
}

const put: fc.Arbitrary<Put> = fc.record({
  row: fc.integer({ min: 1, max: 12 }),
  col: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 10 }) }, { weight: 1, arbitrary: fc.integer({ min: 11, max: 3000 }) }),
  value: fc.oneof(fc.constant(null), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), fc.string({ maxLength: 4 }), fc.boolean()),
  formula: fc.option(fc.constant("=A1+1"), { freq: 4 }),
  style: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
  flags: fc.constantFrom(BLANK, COUNTS, COUNTS | OCCUPIED),
});

/** What the stores must give: the last put at each cell, the box around those that count. */
function model(puts: Put[]) {
  const last = new Map<string, Put>();
  for (const p of puts) last.set(`${p.row},${p.col}`, p);
  let box: { top: number; left: number; bottom: number; right: number } | null = null;
  for (const p of last.values()) {
    if ((p.flags & COUNTS) === 0) continue;
    box = box
      ? { top: Math.min(box.top, p.row), left: Math.min(box.left, p.col), bottom: Math.max(box.bottom, p.row), right: Math.max(box.right, p.col) }
      : { top: p.row, left: p.col, bottom: p.row, right: p.col };
  }
  const grids = (b: NonNullable<typeof box>) => {
    const rows = (f: (p: Put | undefined) => unknown) =>
      Array.from({ length: b.bottom - b.top + 1 }, (_, r) => Array.from({ length: b.right - b.left + 1 }, (_, c) => f(last.get(`${b.top + r},${b.left + c}`))));
    const fmt = (p: Put | undefined) => (p?.style === undefined ? undefined : FORMATS[p.style]) || "General";
    return {
      values: rows((p) => p?.value ?? null),
      text: rows((p) => displayText(p?.value ?? null, fmt(p))),
      numberFormats: rows(fmt),
      formulas: rows((p) => p?.formula ?? null),
    };
  };
  return { box, grids };
}

function fill(store: CellStore, puts: Put[]): boolean {
  for (const p of puts) if (!store.put(p.row, p.col, p.value, p.formula, p.style, p.flags)) return false;
  return true;
}

const inOrder = (puts: Put[]) => puts.every((p, i) => i === 0 || p.row > puts[i - 1].row || (p.row === puts[i - 1].row && p.col > puts[i - 1].col));
const sorted = (puts: Put[]) => {
  const last = new Map<string, Put>();
  for (const p of puts) last.set(`${p.row},${p.col}`, p);
  return [...last.values()].sort((a, b) => a.row - b.row || a.col - b.col);
};

describe("the cell stores against a map of the cells", () => {
  test("SparseCells: any puts, in any order, written twice or not, or in order", () => {
    fc.assert(
      fc.property(fc.array(put, { maxLength: 60 }), fc.boolean(), (raw, order) => {
        const puts = order ? sorted(raw) : raw;
        const store = new SparseCells(FORMATS);
        expect(fill(store, puts)).toBe(true);
        const m = model(puts);
        expect(store.extent()).toEqual(m.box);
        if (m.box) expect(store.grids(m.box)).toEqual(m.grids(m.box));
      }),
      { numRuns: 300 },
    );
  });

  test("DenseCells: puts in order are taken and read as the map; out of order, refused", () => {
    fc.assert(
      fc.property(fc.array(put, { maxLength: 60 }), fc.boolean(), (raw, order) => {
        const puts = order ? sorted(raw) : raw;
        const store = new DenseCells(FORMATS);
        const taken = fill(store, puts);
        if (!inOrder(puts)) {
          expect(taken).toBe(false);
          return;
        }
        // Gaps are filled up to 65,536 + 2 per cell: these sheets stay within it.
        expect(taken).toBe(true);
        const m = model(puts);
        expect(store.extent()).toEqual(m.box);
        expect(store.anyFormula).toBe(puts.some((p) => p.formula !== null));
        if (m.box) expect(store.grids(m.box)).toEqual(m.grids(m.box));
      }),
      { numRuns: 300 },
    );
  });

  test("SparseCells: a row begun again is refused as damage (LibreOffice merges the two, ExcelJS kept the later); rows out of order are taken", () => {
    const store = new SparseCells(FORMATS);
    store.startRow(3);
    store.put(3, 1, "甲", null, undefined, COUNTS | OCCUPIED);
    store.startRow(1);
    store.put(1, 3, "乙", null, undefined, COUNTS | OCCUPIED);
    expect(() => store.startRow(3)).toThrow(DamagedCell);
    expect(() => store.startRow(1)).toThrow("row 1 is written twice");
    expect(store.grids({ top: 1, left: 1, bottom: 3, right: 3 }).values).toEqual([
      [null, null, "乙"],
      [null, null, null],
      ["甲", null, null],
    ]);
  });

  test("DenseCells refuses a sheet too sparse for rows as arrays (a cell at XFD in every row), so memory stays in proportion to the cells", () => {
    const store = new DenseCells(FORMATS);
    let refusedAt = 0;
    for (let row = 1; row <= 100 && refusedAt === 0; row++) {
      if (!store.put(row, 1, "甲", null, undefined, COUNTS | OCCUPIED)) refusedAt = row;
      else if (!store.put(row, 16_384, 1, null, undefined, COUNTS | OCCUPIED)) refusedAt = row;
    }
    // 65,536 empty places allowed, and two for each cell read: the fifth row's far cell is refused.
    expect(refusedAt).toBe(5);
  });

  test("DenseCells makes a row's arrays as long as the longest of the rows just before, so a row one cell longer than the one above is not grown", () => {
    // Forms' rows alternate in length (a reason written or not): V8 grows an array written one place
    // past its end to half as long again and sixteen more, in each of the four grids.
    const store = new DenseCells(FORMATS);
    const lengths = [8, 7, 8, 7, 6, 8];
    const made: number[] = [];
    const lines = (store as unknown as { lines: Array<{ v: unknown[] }> }).lines;
    lengths.forEach((n, i) => {
      store.startRow(i + 1);
      store.put(i + 1, 1, "甲", null, undefined, COUNTS | OCCUPIED);
      made.push(lines[i].v.length);
      for (let c = 2; c <= n; c++) store.put(i + 1, c, c, null, undefined, COUNTS | OCCUPIED);
    });
    // Seen after each row's first cell: the first row made empty (one place now), every later one as
    // long as the longest just before it (8), never grown; as long as the row just above, they were 8, 7, 8, 7, 6.
    expect(made).toEqual([1, 8, 8, 8, 8, 8]);
    const g = store.grids({ top: 1, left: 1, bottom: 6, right: 8 });
    expect(g.values.map((r) => r.length)).toEqual([8, 8, 8, 8, 8, 8]);
    expect(g.values[3]).toEqual(["甲", 2, 3, 4, 5, 6, 7, null]);
    expect(g.text[4]).toEqual(["甲", "2", "3", "4", "5", "6", "", ""]);
  });

  test("DenseCells: one wide row (a title styled across the sheet) widens only the few rows after it, not every row", () => {
    const store = new DenseCells(FORMATS);
    const lines = (store as unknown as { lines: Array<{ v: unknown[] }> }).lines;
    const made: number[] = [];
    for (let row = 1; row <= 60; row++) {
      store.startRow(row);
      store.put(row, 1, "甲", null, undefined, COUNTS | OCCUPIED);
      made.push(lines[row - 1].v.length);
      const last = row === 2 ? 300 : 8;
      for (let c = 2; c <= last; c++) store.put(row, c, c === 300 ? null : c, null, undefined, c === 300 ? BLANK : COUNTS | OCCUPIED);
    }
    // Made at most MADE_AT_MOST (256) long for some rows after the wide one, and as the form's rows again within 16.
    expect(Math.max(...made)).toBe(256);
    expect(made.filter((n) => n > 8).length).toBeLessThanOrEqual(16);
    expect(made.slice(20)).toEqual(new Array(40).fill(8));
    const g = store.grids({ top: 1, left: 1, bottom: 60, right: 8 });
    expect(g.values.every((r) => r.length === 8)).toBe(true);
    expect(g.values[1]).toEqual(["甲", 2, 3, 4, 5, 6, 7, 8]);
  });
});

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

async function workbook(sheetData: string, merges: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`);
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  zip.file("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`);
  zip.file("xl/styles.xml", `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="10" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="0"/><xf numFmtId="4" applyNumberFormat="1"/></cellXfs></styleSheet>`);
  zip.file("xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>一级指标</t></si><si><t>满意度</t></si></sst>`);
  zip.file("xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${sheetData}</sheetData>${merges}</worksheet>`);
  return zip.generateAsync({ type: "uint8array" });
}

const letters = (col: number): string => (col <= 0 ? "" : letters(Math.floor((col - 1) / 26)) + String.fromCharCode(65 + ((col - 1) % 26)));

/** A cell as a writer puts it: a number, a shared string, a formula with its result, a styled or unstyled empty cell. */
const cellXml = fc.record({
  /** Now and then a reference naming another row than its row's (refused as damage). */
  rowShift: fc.oneof({ weight: 12, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -1, max: 2 }) }),
  col: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 9 }) }, { weight: 1, arbitrary: fc.integer({ min: 10, max: 200 }) }),
  s: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
  what: fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((n) => `<v>${n}</v>`),
    fc.constantFrom(' t="s"><v>0</v>', ' t="s"><v>1</v>'),
    fc.integer({ min: 1, max: 9 }).map((n) => `<f>${n}*2</f><v>${n * 2}</v>`),
    fc.constant(""),
  ),
});
const rowXml = fc.record({ r: fc.integer({ min: 1, max: 14 }), cells: fc.array(cellXml, { minLength: 1, maxLength: 6 }) });

/** Merged areas that do not overlap: blocks of a 4×3 lattice of 4-row, 3-column cells. */
const mergesXml = fc.uniqueArray(fc.record({ i: fc.integer({ min: 0, max: 3 }), j: fc.integer({ min: 0, max: 2 }), h: fc.integer({ min: 1, max: 3 }), w: fc.integer({ min: 1, max: 3 }) }), {
  maxLength: 3,
  selector: (m) => `${m.i},${m.j}`,
});

function sheetXml(rows: Array<{ r: number; cells: Array<{ rowShift: number; col: number; s: number | undefined; what: string }> }>, order: "as-generated" | "in-order"): string {
  const list =
    order === "in-order"
      ? [...new Map(rows.map((r) => [r.r, r])).values()].sort((a, b) => a.r - b.r).map((r) => ({ ...r, cells: [...new Map(r.cells.map((c) => [c.col, c])).values()].sort((a, b) => a.col - b.col) }))
      : rows;
  return list
    .map(({ r, cells }) => `<row r="${r}">${cells.map(({ rowShift, col, s, what }) => {
      const attrs = `r="${letters(col)}${Math.max(1, r + rowShift)}"${s === undefined ? "" : ` s="${s}"`}`;
      if (what === "") return `<c ${attrs}/>`;
      return what.startsWith(" t=") ? `<c ${attrs}${what}</c>` : `<c ${attrs}>${what}</c>`;
    }).join("")}</row>`)
    .join("");
}

describe("the reader against ExcelJS over generated sheets", () => {
  test("in order, out of order, cells written twice, gaps, far columns, merged areas: the same snapshot", async () => {
    const samples = fc.sample(fc.tuple(fc.array(rowXml, { minLength: 1, maxLength: 10 }), mergesXml, fc.constantFrom("as-generated" as const, "in-order" as const)), { numRuns: 200, seed: 20261206 });
    let compared = 0;
    let refused = 0;
    for (const [rows, merges, order] of samples) {
      const m = merges.map(({ i, j, h, w }) => `<mergeCell ref="${letters(j * 3 + 1)}${i * 4 + 1}:${letters(j * 3 + w)}${i * 4 + h}"/>`).filter((x) => !/ref="([A-Z]+\d+):\1"/.test(x));
      const data = sheetXml(rows, order);
      const bytes = await workbook(data, m.length ? `<mergeCells count="${m.length}">${m.join("")}</mergeCells>` : "");
      let theirs;
      try {
        theirs = (await loadWorkbook(bytes)).worksheets.map((ws) => snapshotOf(ws));
      } catch {
        continue; // ExcelJS refuses it: nothing to compare with
      }
      // A cell naming another row than its row's: ExcelJS places it in its row, LibreOffice where it
      // names; the reader refuses it as damage, naming it.
      const rowsOf = [...data.matchAll(/<row r="(\d+)">(.*?)<\/row>/g)];
      const astray = rowsOf.some(([, r, cells]) => [...cells.matchAll(/<c r="[A-Z]+(\d+)"/g)].some(([, cr]) => cr !== r));
      // And a row written twice: LibreOffice merges the two, ExcelJS kept the later; refused as damage.
      const twice = new Set(rowsOf.map(([, r]) => r)).size < rowsOf.length;
      if (astray || twice) {
        await expect(readPackageSnapshots(bytes)).rejects.toThrow(/is written inside row \d+|row \d+ is written twice/);
        refused++;
        continue;
      }
      const mine = (await readPackageSnapshots(bytes)).map(withoutLayout);
      // ExcelJS drops a formula's result of 0 (see readPackage.test.ts): none is generated (n*2 ≥ 2).
      expect(mine).toEqual(theirs);
      compared++;
    }
    // Not vacuous: many samples are compared, in both orders, and some refused.
    expect(compared).toBeGreaterThan(80);
    expect(refused).toBeGreaterThan(20);
  }, 60_000);

  test("examples: an empty cell without a style is not kept; a row written again is refused", async () => {
    const read = async (data: string) => (await readPackageSnapshots(await workbook(data, ""))).map(withoutLayout)[0];
    const unstyled = await read('<row r="1"><c r="A1"><v>1</v></c><c r="F1"/></row><row r="3"><c r="B3" s="0"/></row>');
    expect(unstyled.values).toEqual([[1]]);
    const styled = await read('<row r="1"><c r="A1"><v>1</v></c><c r="B1" s="1"/></row>');
    expect(styled.numberFormats).toEqual([["General"]]);
    await expect(read('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="A2"><v>3</v></c></row><row r="1"><c r="C1"><v>4</v></c></row>')).rejects.toThrow(
      /in sheet "表1", row 1 is written twice/,
    );
    const outOfOrder = await read('<row r="2"><c r="A2"><v>3</v></c></row><row r="1"><c r="C1"><v>4</v></c></row>');
    expect(outOfOrder.values).toEqual([
      [null, null, 4],
      [3, null, null],
    ]);
    for (const data of ['<row r="1"><c r="A1"><v>1</v></c><c r="F1"/></row>', '<row r="2"><c r="A2"><v>3</v></c></row><row r="1"><c r="C1"><v>4</v></c></row>']) {
      const bytes = await workbook(data, "");
      expect((await readPackageSnapshots(bytes)).map(withoutLayout)).toEqual((await loadWorkbook(bytes)).worksheets.map((ws) => snapshotOf(ws)));
    }
  });
});

describe("rows alike share their formats and formulas", () => {
  const rows = (n: number, cell: (r: number) => string) => Array.from({ length: n }, (_, i) => `<row r="${i + 1}">${cell(i + 1)}</row>`).join("");

  test("a table's rows of the same formats and no formula hold one array of each, not one a row", async () => {
    const [s] = await readPackageSnapshots(await workbook(rows(6, (r) => `<c r="A${r}" t="s"><v>0</v></c><c r="B${r}" s="1"><v>0.${r}</v></c><c r="C${r}" s="2"><v>${r}</v></c>`), ""));
    expect(new Set(s.numberFormats).size).toBe(1);
    expect(new Set(s.formulas).size).toBe(1);
    expect(s.numberFormats[0]).toEqual(["General", "0.00%", "0.0"]);
    expect(s.formulas[0]).toEqual([null, null, null]);
    // A row of other formats has its own; the rows after it share the rows' before it again.
    const [t] = await readPackageSnapshots(await workbook(rows(6, (r) => `<c r="A${r}" t="s"><v>0</v></c><c r="B${r}" s="${r === 3 ? 4 : 1}"><v>0.${r}</v></c>`), ""));
    expect(t.numberFormats.map((f) => f[1])).toEqual(["0.00%", "0.00%", "#,##0.00", "0.00%", "0.00%", "0.00%"]);
    expect(new Set(t.numberFormats).size).toBe(2);
    expect(t.numberFormats[5]).toBe(t.numberFormats[0]);
  });

  test("a row holding a formula keeps its own formulas: a merged area's covered cell is emptied in its row, not in a row of the same formula", async () => {
    const xml = rows(4, (r) => `<c r="A${r}"><f>1+1</f><v>2</v></c><c r="B${r}" t="s"><v>1</v></c>`);
    const [s] = await readPackageSnapshots(await workbook(xml, '<mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells>'));
    expect(s.formulas.map((f) => f[0])).toEqual(["=1+1", "=1+1", null, "=1+1"]);
    expect(s.values.map((v) => v[0])).toEqual([2, 2, null, 2]);
    expect(new Set(s.formulas).size).toBe(4);
    // As ExcelJS reads it.
    const wb = await loadWorkbook(Buffer.from(await workbook(xml, '<mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells>')));
    expect(withoutLayout(s)).toEqual(withoutLayout(snapshotOf(wb.worksheets[0])));
  });

  test("a fill writing a number format into a row that shares its formats changes that row only", async () => {
    const [s] = await readPackageSnapshots(await workbook(rows(3, (r) => `<c r="A${r}" s="1"><v>0.5</v></c><c r="B${r}"><v>1</v></c>`), ""));
    expect(s.numberFormats[0]).toBe(s.numberFormats[2]);
    const after = applyWrites(s, [{ cell: "B2", value: 0.25, numberFormat: "0.00%", purpose: "score", message: { zh: "得分", en: "score" } }]);
    expect(after.numberFormats.map((f) => f[1])).toEqual(["General", "0.00%", "General"]);
    expect(s.numberFormats.map((f) => f[1])).toEqual(["General", "General", "General"]);
  });
});
