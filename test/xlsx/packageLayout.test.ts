// The package reader's paper layout (issue 19 §5): column widths, row heights, hidden rows and
// columns, wrapping, the page setup, the print area and titles — read from hand-made XML as the
// schema writes it, and held to what ExcelJS reads of the same files (samples, LibreOffice's copies,
// XlsxWriter's), an independent reading of the same parts.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { readPackageSnapshots } from "../../src/xlsx/readPackage";
import { checkWorkbook } from "../../src/xlsx/checkWorkbook";
import { checkWorkbookBytes } from "../../src/xlsx/checkBytes";
import { SAMPLES } from "../helpers";

const FIXTURES = path.join(__dirname, "..", "fixtures");

async function withSheet(sheet: { head?: string; rows: string; tail?: string }, workbookExtra = "", styles?: string): Promise<Uint8Array> {
  const zip = new JSZip();
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  zip.file("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`);
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns}><sheets><sheet name="说明" sheetId="2" r:id="rId4"/><sheet name="绩效 表" sheetId="1" r:id="rId1"/></sheets>${workbookExtra}</workbook>`);
  zip.file("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`);
  zip.file("xl/styles.xml", styles ?? `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="12"/><name val="宋体"/></font></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="0" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf><xf numFmtId="0"><alignment wrapText="0"/></xf></cellXfs></styleSheet>`);
  zip.file("xl/worksheets/sheet2.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>说明</t></is></c></row></sheetData></worksheet>`);
  zip.file("xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}>${sheet.head ?? ""}<sheetData>${sheet.rows}</sheetData>${sheet.tail ?? ""}</worksheet>`);
  return zip.generateAsync({ type: "uint8array" });
}

const ROWS =
  '<row r="1" ht="30" customHeight="1"><c r="A1" t="inlineStr" s="1"><is><t>长文字</t></is></c><c r="B1" t="inlineStr" s="2"><is><t>不换行</t></is></c></row>' +
  '<row r="2" hidden="1"><c r="A2"><v>1</v></c></row>' +
  '<row r="3" ht="18.75"><c r="A3" s="1"><v>5</v></c></row>';

test("hand-made: widths, heights, hidden, wrapping, page setup, print area and titles of the right sheet", async () => {
  const bytes = await withSheet(
    {
      head:
        '<sheetPr><tabColor rgb="FFFF0000"/><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:B3"/><sheetFormatPr baseColWidth="10" defaultRowHeight="14.25"/>' +
        '<cols><col min="1" max="1" width="20.5" customWidth="1"/><col min="3" max="4" width="9" hidden="1"/></cols>',
      rows: ROWS,
      tail: '<pageMargins left="0.5" right="0.25" top="1" bottom="1" header="0.3" footer="0.3"/><pageSetup paperSize="8" orientation="landscape" scale="85" fitToWidth="1" fitToHeight="0"/>',
    },
    `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">'绩效 表'!$A$1:$F$40</definedName><definedName name="_xlnm.Print_Titles" localSheetId="1">'绩效 表'!$A:$B,'绩效 表'!$3:$4</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">说明!$A$1:$B$2</definedName></definedNames>`,
  );
  const [about, form] = await readPackageSnapshots(bytes);
  expect(about.layout!.page!.printArea).toEqual(["A1:B2"]);
  const l = form.layout!;
  expect(l.fontSize).toBe(12);
  // 宋体 12 pt: a widest digit of 8 px. 20.5 characters = 164 px = 123 pt; 9 = 72 px = 54 pt.
  expect(l.cols).toEqual([
    { min: 1, max: 1, width: 123 },
    { min: 3, max: 4, width: 54, hidden: true },
  ]);
  // baseColWidth 10 of 8 px digits, 5 px of padding: 85 px, rounded up to 88 px = 66 pt.
  expect(l.defaultColWidth).toBe(66);
  expect(l.defaultRowHeight).toBe(14.25);
  expect(l.rows).toEqual([
    { row: 1, height: 30, fixed: true },
    { row: 2, hidden: true },
    { row: 3, height: 18.75 },
  ]);
  // Only the texts whose style wraps; a number in a wrapping style is no text to wrap.
  expect(l.wrapped).toEqual(["A1"]);
  expect(l.page).toEqual({
    orientation: "landscape",
    paperSize: 8,
    scale: 85,
    fitTo: { width: 1, height: 0 },
    margins: { left: 36, right: 18, top: 72, bottom: 72 },
    printArea: ["A1:F40"],
    titleRows: { first: 3, last: 4 },
  });
});

test("hand-made: a sheet with no page setup prints as Excel's defaults on A4; Calibri 11's 64 px columns", async () => {
  const bytes = await withSheet({ rows: ROWS }, "", `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>`);
  const form = (await readPackageSnapshots(bytes))[1];
  expect(form.layout).toMatchObject({ fontSize: 11, defaultColWidth: 48, defaultRowHeight: 14.25, cols: [], wrapped: [] });
  expect(form.layout!.page).toEqual({
    orientation: "portrait",
    paperSize: 9,
    scale: 100,
    fitTo: null,
    margins: { left: 50.4, right: 50.4, top: 54, bottom: 54 },
    printArea: null,
    titleRows: null,
  });
});

/** What ExcelJS reads of the same sheet, in the snapshot's terms. */
async function excelJsView(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const hiddenCols: number[] = [];
    const widths: Array<[number, number]> = [];
    ws.columns?.forEach((c, i) => {
      if (c.hidden) hiddenCols.push(i + 1);
      if (c.width !== undefined) widths.push([i + 1, c.width]);
    });
    const rows: Array<{ row: number; height?: number; hidden?: boolean }> = [];
    const wrapped: string[] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      if (row.height !== undefined || row.hidden) rows.push({ row: n, ...(row.height !== undefined ? { height: row.height } : {}), ...(row.hidden ? { hidden: true } : {}) });
      row.eachCell({ includeEmpty: false }, (cell) => {
        // A merged cell other than the top-left shows its master's value in ExcelJS: not a text of its own.
        if (cell.isMerged && cell.master !== cell) return;
        const v = cell.value;
        const text = typeof v === "string" ? v : v && typeof v === "object" && "richText" in v ? v.richText.map((r) => r.text).join("") : "";
        if (cell.alignment?.wrapText && text !== "") wrapped.push(cell.address);
      });
    });
    const ps = ws.pageSetup;
    return { hiddenCols, widths, rows, wrapped, orientation: ps.orientation ?? "portrait", scale: ps.scale ?? 100, fitToPage: !!ps.fitToPage, printArea: ps.printArea ?? null, titles: ps.printTitlesRow ?? null };
  });
}

const FILES = [
  ...fs.readdirSync(SAMPLES, { recursive: true }).map(String).filter((f) => f.endsWith(".xlsx")).map((f) => path.join(SAMPLES, f)),
  ...fs.readdirSync(path.join(FIXTURES, "converted"), { recursive: true }).map(String).filter((f) => f.endsWith(".xlsx")).map((f) => path.join(FIXTURES, "converted", f)),
  path.join(FIXTURES, "other-writers", "xlsxwriter-form.xlsx"),
];

test.each(FILES.map((f) => [path.relative(FIXTURES, f), f]))("%s: the layout ExcelJS reads too", async (_rel, file) => {
  const mine = await readPackageSnapshots(new Uint8Array(fs.readFileSync(file)));
  const theirs = await excelJsView(file);
  expect(mine).toHaveLength(theirs.length);
  mine.forEach((s, i) => {
    const t = theirs[i];
    const l = s.layout!;
    const hidden = l.cols.filter((c) => c.hidden).flatMap((c) => Array.from({ length: Math.min(c.max, 200) - c.min + 1 }, (_, k) => c.min + k));
    expect(hidden.filter((c) => c <= 200)).toEqual(t.hiddenCols.filter((c) => c <= 200));
    // Every width ExcelJS gives, in points as Excel draws it (7 px digits for an 11-point default font).
    for (const [col, chars] of t.widths) {
      const c = l.cols.find((x) => col >= x.min && col <= x.max);
      if (c?.width !== undefined && l.fontSize === 11) expect(c.width).toBeCloseTo(Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7) * 0.75, 5);
    }
    expect(l.rows.map(({ row, height, hidden: h }) => ({ row, ...(height !== undefined ? { height } : {}), ...(h ? { hidden: true } : {}) }))).toEqual(t.rows);
    expect([...l.wrapped].sort()).toEqual([...t.wrapped].sort());
    expect(l.page!.orientation).toBe(t.orientation);
    expect(l.page!.scale).toBe(t.scale);
    expect(l.page!.fitTo !== null).toBe(t.fitToPage);
    if (t.printArea) expect(l.page!.printArea!.join("&&")).toBe(t.printArea.replace(/\$/g, ""));
    else expect(l.page!.printArea).toBeNull();
    if (t.titles) expect(`${l.page!.titleRows!.first}:${l.page!.titleRows!.last}`).toBe(t.titles.replace(/\$/g, ""));
    else expect(l.page!.titleRows).toBeNull();
  });
});

test("a form saved again by LibreOffice gets the same print check of its page (width, pages, print area, hidden rows)", async () => {
  const paged = new Set(["print-too-wide", "print-titles-missing", "print-area-cuts", "print-hidden-content"]);
  const facts = (r: Awaited<ReturnType<typeof checkWorkbook>>) => r.sheets.flatMap((s) => s.findings.filter((f) => paged.has(f.code)).map((f) => `${f.code}@${f.cell}`));
  let compared = 0;
  for (const f of FILES.filter((x) => x.includes(`${path.sep}converted${path.sep}`))) {
    const original = path.join(SAMPLES, path.relative(path.join(FIXTURES, "converted"), f));
    if (!fs.existsSync(original)) continue;
    expect(facts(await checkWorkbook(f))).toEqual(facts(await checkWorkbook(original)));
    compared++;
  }
  expect(compared).toBeGreaterThan(10);
});

test("hostile layouts: any attribute value the schema's types allow, or not, reads and checks without a crash", async () => {
  const fc = await import("fast-check");
  const { checkWorkbookBytes } = await import("../../src/xlsx/checkBytes");
  const src = await JSZip.loadAsync(fs.readFileSync(path.join(SAMPLES, "selfeval-defects/missing-reasons.xlsx")));
  const sheet = await src.file("xl/worksheets/sheet1.xml")!.async("string");
  const book = await src.file("xl/workbook.xml")!.async("string");
  const junk = fc.oneof(
    fc.constantFrom("", "-1", "0", "1", "1e308", "NaN", "Infinity", "-0", "abc", "9.5", "410", "16385", "0.0001", "$0:$0", "#REF!", "'x'!A", "A", "$A$1:$XFD$1048576"),
    fc.double({ noNaN: false }).map(String),
    fc.integer({ min: -5, max: 20_000 }).map(String),
  );
  await fc.assert(
    fc.asyncProperty(fc.record({ w: junk, min: junk, max: junk, ht: junk, row: junk, dcw: junk, drh: junk, scale: junk, paper: junk, ftw: junk, fth: junk, margin: junk, area: junk, titles: junk }), async (j) => {
      const x = sheet
        .replace("<sheetData>", `<cols><col min="${j.min}" max="${j.max}" width="${j.w}" hidden="1"/></cols><sheetData>`)
        .replace(/<row r="13"[^>]*>/, `<row r="13" ht="${j.ht}" customHeight="1" hidden="${j.row}">`)
        .replace(/<sheetFormatPr[^>]*\/>/, `<sheetFormatPr defaultColWidth="${j.dcw}" defaultRowHeight="${j.drh}"/>`)
        .replace(/<pageMargins[^>]*\/>/, `<pageMargins left="${j.margin}" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`)
        .replace(/<pageSetup[^>]*\/>/, `<pageSetup paperSize="${j.paper}" scale="${j.scale}" fitToWidth="${j.ftw}" fitToHeight="${j.fth}"/>`);
      const esc = (v: string) => v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
      const names = `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">${esc(j.area)}</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">${esc(j.titles)}</definedName></definedNames>`;
      src.file("xl/worksheets/sheet1.xml", x);
      src.file("xl/workbook.xml", book.replace("</sheets>", `</sheets>${names}`));
      const bytes = await src.generateAsync({ type: "uint8array" });
      const r = await checkWorkbookBytes("x.xlsx", bytes);
      if (r.result.error) return; // said, not thrown
      expect(r.result.sheets[0].kind).toBe("self-evaluation");
    }),
    { numRuns: 40, seed: 19 },
  );
}, 120_000);

test("hand-made: rows formatted far below the sheet's cells are not listed, those a merged area reaches are", async () => {
  const below = Array.from({ length: 3000 }, (_, k) => `<row r="${10 + k}" ht="20" customHeight="1" customFormat="1" s="1"/>`).join("");
  const bytes = await withSheet({ rows: ROWS.replace("</row><row r=\"3\"", '</row><row r="3"') + '<row r="5" ht="25" customHeight="1"/><row r="7" hidden="1"/>' + below, tail: '<mergeCells count="1"><mergeCell ref="A3:A5"/></mergeCells>' });
  const form = (await readPackageSnapshots(bytes))[1];
  // Row 5 lies in the merged area A3:A5; rows 7 and on lie below every cell and area.
  expect(form.layout!.rows).toEqual([
    { row: 1, height: 30, fixed: true },
    { row: 2, hidden: true },
    { row: 3, height: 18.75 },
    { row: 5, height: 25, fixed: true },
  ]);
});

test.each(["selfeval", "targets"])("a %s sample with thousands of formatted rows below its form: checked and filled as without them", async (dir) => {
  const file = fs.readdirSync(path.join(SAMPLES, dir)).filter((f) => f.endsWith(".xlsx")).sort()[0];
  const original = fs.readFileSync(path.join(SAMPLES, dir, file));
  const zip = await JSZip.loadAsync(original);
  const part = Object.keys(zip.files).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
  const xml = await zip.file(part)!.async("string");
  const last = Math.max(...[...xml.matchAll(/<row[^>]*\br="(\d+)"/g)].map((m) => Number(m[1])));
  const below = Array.from({ length: 5000 }, (_, k) => `<row r="${last + 1 + k}" ht="21" customHeight="1"/>`).join("");
  zip.file(part, xml.replace(/<\/(\w+:)?sheetData>/, (end) => below + end));
  const padded = await zip.generateAsync({ type: "uint8array" });
  const dirOut = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-rows-"));
  const a = path.join(dirOut, "a.xlsx");
  const b = path.join(dirOut, "b.xlsx");
  fs.writeFileSync(a, original);
  fs.writeFileSync(b, padded);
  const [ra, rb] = [await checkWorkbook(a), await checkWorkbook(b)];
  const view = (r: Awaited<ReturnType<typeof checkWorkbook>>) => r.sheets.map((s) => ({ kind: s.kind, figures: s.figures, findings: s.findings.map((f) => `${f.code} ${f.cell} ${f.message.zh}`) }));
  expect(view(rb)).toEqual(view(ra));
  const filled = async (bytes: Uint8Array) => (await checkWorkbookBytes("x.xlsx", bytes, { copy: "fill" })).result.sheets.map((s) => ({ written: s.written, findings: s.findings.map((f) => `${f.code} ${f.cell}`) }));
  expect(await filled(padded)).toEqual(await filled(new Uint8Array(original)));
  const snaps = await readPackageSnapshots(padded);
  for (const s of snaps) expect(s.layout!.rows.every((r) => r.row <= last)).toBe(true);
  fs.rmSync(dirOut, { recursive: true, force: true });
});
