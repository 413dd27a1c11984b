import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { checkWorkbook, type FileResult } from "../../src/xlsx/checkWorkbook";
import { loadWorkbook } from "../../src/xlsx/readWorkbook";
import { SAMPLES } from "../helpers";
import expected from "../fixtures/samples/expected.json";
import { csvCell, recalculatedCsvs, soffice } from "./libreoffice";

/**
 * The filled copy changes only what it fills (issue 7): every part a fill does not need is byte for
 * byte the original's, and in the parts it edits, everything but the written cells, the marks and
 * the appended styles reads as before. These checks parse the parts with plain regular expressions,
 * not with the writer's own XML code.
 */

const OTHER_WRITER = path.join(__dirname, "..", "fixtures", "other-writers", "xlsxwriter-form.xlsx");
const FILES = [...expected.map((e) => path.join(SAMPLES, e.file)), OTHER_WRITER];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-lossless-"));

type Parts = Map<string, Buffer>;

async function parts(file: string): Promise<Parts> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const out: Parts = new Map();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) out.set(name, Buffer.from(await zip.files[name].async("uint8array")));
  return out;
}

const text = (p: Parts, name: string) => p.get(name)?.toString("utf8") ?? "";

/** Every `<c>` of a sheet by its address, as written. */
function cellsOf(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<c\b[^>]*?\br="([A-Z]+[0-9]+)"[^>]*?(?:\/>|>.*?<\/c>)/gs)) out.set(m[1], m[0]);
  return out;
}

/** The sheet XML without what a fill may change: its cells, its dimension, the marks, the notes reference. */
function sheetFrame(xml: string): string {
  return xml
    .replace(/<sheetData\b[^>]*?(\/>|>.*?<\/sheetData>)/s, "<sheetData/>")
    .replace(/<dimension\b[^>]*\/>/, "")
    .replace(/<conditionalFormatting\b[^>]*>(?:(?!<\/conditionalFormatting>).)*N\((?:&quot;|")jixiao(?:&quot;|")\)(?:(?!<\/conditionalFormatting>).)*<\/conditionalFormatting>/gs, "")
    .replace(/<legacyDrawing\b[^>]*\/>/, "");
}

/** The contents of one child of styles.xml. */
const block = (xml: string, name: string) => new RegExp(`<${name}\\b[^>]*>(.*?)</${name}>`, "s").exec(xml)?.[1] ?? "";

function sheetPartsOf(p: Parts): Map<string, string> {
  const wb = text(p, "xl/workbook.xml");
  const rels = text(p, "xl/_rels/workbook.xml.rels");
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b[^>]*?name="([^"]*)"[^>]*?r:id="([^"]*)"/g)) {
    const target = new RegExp(`<Relationship\\b[^>]*Id="${m[2]}"[^>]*Target="([^"]*)"`).exec(rels)?.[1] ?? new RegExp(`<Relationship\\b[^>]*Target="([^"]*)"[^>]*Id="${m[2]}"`).exec(rels)?.[1];
    out.set(m[1], target!.startsWith("/") ? target!.slice(1) : `xl/${target}`);
  }
  return out;
}

const results = new Map<string, { result: FileResult; copy: string }>();

beforeAll(async () => {
  let i = 0;
  for (const file of FILES) {
    const copy = path.join(tmp, `copy-${i++}.xlsx`);
    results.set(file, { result: await checkWorkbook(file, { fixOut: copy }), copy });
  }
}, 120_000);

describe.each(FILES.map((f) => [path.relative(path.join(__dirname, ".."), f), f]))("the copy of %s", (_name, file) => {
  test("changes only the parts a fill needs; the rest keep their bytes", async () => {
    const { result, copy } = results.get(file)!;
    const before = await parts(file);
    const after = await parts(copy);
    const sheets = sheetPartsOf(before);
    const touched = result.sheets.filter((s) => (s.written?.length ?? 0) > 0 || s.findings.some((f) => f.severity !== "info"));
    const allowed = new Set(["[Content_Types].xml", "xl/styles.xml", "xl/workbook.xml"]);
    for (const s of touched) {
      const part = sheets.get(s.sheet)!;
      allowed.add(part);
      allowed.add(part.replace(/([^/]+)$/, "_rels/$1.rels"));
    }
    const isNotePart = (n: string) => /^xl\/comments\d+\.xml$/.test(n) || /^xl\/drawings\/vmlDrawing\d+\.vml$/.test(n);
    for (const [name, bytes] of before) {
      if (allowed.has(name) || isNotePart(name)) continue;
      expect({ name, same: after.get(name)?.equals(bytes) }).toEqual({ name, same: true });
    }
    for (const name of after.keys()) if (!before.has(name)) expect({ name, allowed: isNotePart(name) || allowed.has(name) }).toEqual({ name, allowed: true });
    // Content types and relationships only gain entries.
    const types = text(before, "[Content_Types].xml").replace(/<\/Types>$/, "");
    expect(text(after, "[Content_Types].xml").startsWith(types)).toBe(true);
  });

  test("in each edited sheet, every cell not written keeps its XML, and so does everything but the marks", async () => {
    const { result, copy } = results.get(file)!;
    const before = await parts(file);
    const after = await parts(copy);
    for (const [sheet, part] of sheetPartsOf(before)) {
      const a = text(before, part);
      const b = text(after, part);
      const written = new Set(result.sheets.find((s) => s.sheet === sheet)?.written?.map((w) => w.cell) ?? []);
      const ca = cellsOf(a);
      const cb = cellsOf(b);
      for (const [ref, xml] of ca) if (!written.has(ref)) expect({ ref, xml: cb.get(ref) }).toEqual({ ref, xml });
      for (const ref of cb.keys()) if (!ca.has(ref)) expect(written.has(ref)).toBe(true);
      for (const ref of written) expect(cb.get(ref)).toMatch(/<v>|<is>/);
      expect(sheetFrame(b)).toBe(sheetFrame(a));
    }
  });

  test("styles.xml: existing entries unedited, new ones appended", async () => {
    const { copy } = results.get(file)!;
    const a = text(await parts(file), "xl/styles.xml");
    const b = text(await parts(copy), "xl/styles.xml");
    for (const name of ["numFmts", "cellXfs", "dxfs"]) expect(block(b, name).startsWith(block(a, name))).toBe(true);
    const rest = (x: string) => x.replace(/<(numFmts|cellXfs|dxfs)\b[^>]*(\/>|>.*?<\/\1>)/gs, "");
    expect(rest(b)).toBe(rest(a));
  });

  test("opens in ExcelJS with the totals the engine reported; filling it again changes no part", async () => {
    const { result, copy } = results.get(file)!;
    const reread = await checkWorkbook(copy);
    expect(reread.sheets.map((s) => [s.sheet, s.kind, s.figures?.total ?? null])).toEqual(result.sheets.map((s) => [s.sheet, s.kind, s.figures?.total ?? null]));
    const again = path.join(tmp, `again-${path.basename(copy)}`);
    await checkWorkbook(copy, { fixOut: again });
    const first = await parts(copy);
    const second = await parts(again);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [name, bytes] of first) expect({ name, same: second.get(name)!.equals(bytes) }).toEqual({ name, same: true });
  });
});

describe("a workbook from another writer (XlsxWriter)", () => {
  test("keeps its chart, image, text box, table, sparkline, custom properties, names, page breaks, comment authors and protection password", async () => {
    const { copy } = results.get(OTHER_WRITER)!;
    const before = await parts(OTHER_WRITER);
    const after = await parts(copy);
    for (const name of ["xl/charts/chart1.xml", "xl/media/image1.png", "xl/drawings/drawing1.xml", "xl/tables/table1.xml", "docProps/custom.xml", "xl/workbook.xml"]) {
      expect(before.has(name)).toBe(true);
      expect(after.get(name)!.equals(before.get(name)!)).toBe(true);
    }
    const wb = text(after, "xl/workbook.xml");
    expect(wb).toMatch(/<definedName name="本表总分" localSheetId="0">自评表!\$F\$31<\/definedName>/);
    expect(wb).toMatch(/<definedName name="合计" localSheetId="1">/);
    const sheets = sheetPartsOf(after);
    expect(text(after, sheets.get("明细")!)).toMatch(/<sheetProtection password="[0-9A-F]{4}"/);
    expect(text(after, sheets.get("明细")!)).toContain("x14:sparklineGroup");
    expect(text(after, sheets.get("自评表")!)).toMatch(/<rowBreaks count="1"/);
    // The person's notes are kept with their author; the add-in's are added beside them.
    const comments = text(after, "xl/comments1.xml");
    expect(comments).toContain("<author>张会计</author>");
    expect(comments).toContain("已与运维科核对。");
    expect(comments).toContain("<author>绩效自评助手</author>");
  });

  test("a typed cell sharing the written score's style keeps its format; the written score gets a style of its own", async () => {
    const { result, copy } = results.get(OTHER_WRITER)!;
    const ws = (await loadWorkbook(fs.readFileSync(copy))).worksheets[0];
    const written = result.sheets[0].written!.map((w) => w.cell);
    expect(written).toEqual(expect.arrayContaining(["G13", "G14", "G6", "H6"]));
    for (const typed of ["G16", "G17", "F13", "F30"]) expect(ws.getCell(typed).numFmt).toBe('0.0"分"');
    expect(ws.getCell("G13").numFmt).toBe("0.00");
    expect(ws.getCell("G13").value).toBe(10);
    // A cell carrying a person's note gets a mark but no second note.
    expect(JSON.stringify(ws.getCell("G14").note)).toContain("得分待复核。");
    expect(JSON.stringify(ws.getCell("G14").note)).not.toContain("绩效自评助手");
  });
});

const needLo = soffice() || process.env.CI === "true" ? test : test.skip;

needLo("every copy opens in LibreOffice with the totals ExcelJS reads, formulas recalculated to the engine's", async () => {
  const withTotal = FILES.map((f) => ({ f, ...results.get(f)! })).filter((x) => x.result.sheets[0].figures?.total != null && x.result.sheets[0].form?.total?.score);
  expect(withTotal.length).toBeGreaterThan(10);
  const csvs = recalculatedCsvs(withTotal.map((x) => x.copy), { asShown: false });
  let formulas = 0;
  for (const [i, x] of withTotal.entries()) {
    const s = x.result.sheets[0];
    const address = s.form!.total!.score!.address;
    const cell = (await loadWorkbook(fs.readFileSync(x.copy))).worksheets[0].getCell(address);
    // A typed total stays as typed (a wrong one is reported, never overwritten); a written or formula total is the engine's.
    const want = cell.formula ? s.figures!.total! : Number(cell.value);
    if (cell.formula) formulas++;
    expect({ file: path.basename(x.f), total: Number(csvCell(csvs[i], address)) }).toEqual({ file: path.basename(x.f), total: expect.closeTo(want, 2) });
  }
  expect(formulas).toBeGreaterThan(0);
}, 300_000);
