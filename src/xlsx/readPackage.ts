import { columnLetters, columnNumber, parseA1, parseRange, rangeToA1 } from "../core/address";
import { displayText } from "../core/numberFormat";
import type { CellValue, SheetSnapshot } from "../core/snapshot";
import { dateCell } from "./dates";
import { Package, REL, relationshipsOf, sameType } from "./package/opc";
import { attr, childrenOf, relIdOf, rootOf, unescapeXml } from "./package/xml";
import { clipMerges, densestBox, MAX_SNAPSHOT_CELLS, type Box } from "./extent";

/**
 * Reads an .xlsx into snapshots straight from its parts: only what a form needs (cell values, their
 * number formats, formulas, merges, protection, calcPr), in one pass over each sheet's XML. It is the
 * reader ExcelJS would be, cell for cell (test/xlsx/readPackage.test.ts holds every fixture to that),
 * at a fraction of the time and without loading ExcelJS at all: the command's cold start and its
 * hundred-workbook runs are mostly this. What it does not know (a part it cannot find, a shape it does
 * not expect) it does not guess: it throws, and the caller reads the file with ExcelJS instead.
 */

export class UnreadHere extends Error {}

/** Built-in number formats as ExcelJS maps them (ECMA-376 Part 1 §18.8.30; the locale-dependent ones are General). */
const BUILT_IN: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** A format shows a date when, outside quotes and brackets, it has a date or time letter (ExcelJS's test). */
function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** A serial number as ExcelJS turns it into a date (to the millisecond), and back as the snapshot holds it. */
const dateOf = (v: number, date1904: boolean) => dateCell(new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 86_400_000)));

interface Cell {
  value: CellValue;
  formula: string | null;
  style: number | undefined;
  /** ExcelJS's "null" cell: no value but a style; it does not count towards the sheet's extent. */
  blank: boolean;
  /** It holds something (a value, even "", or a formula): what a too-large sheet is read around. */
  occupied?: boolean;
  dateText?: string;
}

/** Shift a shared formula's relative references from its master to a dependent (ExcelJS's slideFormula). */
function slide(formula: string, from: { row: number; col: number }, to: { row: number; col: number }): string {
  return formula.replace(/(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi, (whole, sheet: string | undefined, _s, addr: string, paren: string | undefined) => {
    if (paren) return whole;
    const m = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i.exec(addr);
    if (!m) return whole;
    const letters = m[2].toUpperCase();
    if (letters.length > 3 || (letters.length === 3 && letters > "XFD")) return whole;
    let col = columnNumber(letters);
    let row = parseInt(m[4], 10);
    if (!m[1]) col += to.col - from.col;
    if (!m[3]) row += to.row - from.row;
    return `${sheet ?? ""}${m[1] ?? ""}${columnLetters(col)}${m[3] ?? ""}${row}`;
  });
}

const ATTR = new Map<string, RegExp>();

/** The value of an attribute in a start tag's text (`<c r="A1" s="3" t="s">`), decoded; any white space, either quote. */
function attrIn(tag: string, name: string): string | undefined {
  let re = ATTR.get(name);
  if (!re) ATTR.set(name, (re = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  if (!m) return undefined;
  const v = m[1] ?? m[2];
  return v.includes("&") ? unescapeXml(v) : v;
}

/** The text inside `<t>` elements of a string item (rich-text runs joined; phonetic runs left out). */
function stringItem(xml: string, from: number, to: number): string {
  let out = "";
  let i = from;
  for (;;) {
    const open = xml.indexOf("<", i);
    if (open < 0 || open >= to) break;
    const gt = xml.indexOf(">", open);
    const tag = xml.slice(open, gt + 1);
    if (/^<(\w+:)?rPh[\s>]/.test(tag)) {
      const close = xml.indexOf("rPh>", gt);
      i = close < 0 ? to : close + 4;
      continue;
    }
    if (/^<(\w+:)?t[\s>]/.test(tag) && !tag.endsWith("/>")) {
      const end = xml.indexOf("</", gt);
      out += unescapeXml(xml.slice(gt + 1, end));
      i = end;
      continue;
    }
    i = gt + 1;
  }
  return out;
}

function sharedStrings(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  const out: string[] = [];
  const re = /<(\w+:)?si(\s[^>]*)?(\/)?>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[3]) {
      out.push("");
      continue;
    }
    const end = xml.indexOf(`</${m[1] ?? ""}si>`, re.lastIndex);
    if (end < 0) throw new UnreadHere("unterminated <si>");
    out.push(stringItem(xml, re.lastIndex, end));
    re.lastIndex = end;
  }
  return out;
}

/** Each cellXfs entry's number format (undefined: General). */
function styleFormats(xml: string | undefined): Array<string | undefined> {
  if (xml === undefined) return [];
  const root = rootOf(xml);
  const custom = new Map<number, string>();
  const out: Array<string | undefined> = [];
  for (const c of childrenOf(xml, root)) {
    if (c.name === "numFmts") {
      for (const f of childrenOf(xml, c)) {
        const id = Number(attr(xml, f, "numFmtId"));
        const code = attr(xml, f, "formatCode");
        if (code !== undefined) custom.set(id, code);
      }
    }
  }
  for (const c of childrenOf(xml, root)) {
    if (c.name !== "cellXfs") continue;
    for (const x of childrenOf(xml, c)) {
      if (x.name !== "xf") continue;
      const id = Number(attr(xml, x, "numFmtId") ?? 0);
      out.push(id ? (custom.get(id) ?? BUILT_IN[id]) : undefined);
    }
  }
  return out;
}

interface SheetRead {
  cells: Map<number, Map<number, Cell>>;
  merges: string[];
  protected: boolean;
}

/** One pass over a worksheet's XML: its cells, merges and protection. */
function readSheet(xml: string, strings: string[], formats: Array<string | undefined>, date1904: boolean): SheetRead {
  const cells = new Map<number, Map<number, Cell>>();
  const shared = new Map<string, { formula: string; at: { row: number; col: number } }>();
  const dataStart = xml.search(/<(\w+:)?sheetData[\s>/]/);
  if (dataStart < 0) throw new UnreadHere("no sheetData");
  const prefix = /<(\w+:)?sheetData/.exec(xml.slice(dataStart))![1] ?? "";
  const selfClosed = /^<(\w+:)?sheetData[^>]*\/>/.test(xml.slice(dataStart, dataStart + 200));
  const dataEnd = selfClosed ? dataStart : xml.indexOf(`</${prefix}sheetData>`, dataStart);
  if (dataEnd < 0) throw new UnreadHere("unterminated sheetData");
  const p = prefix;
  const cTag = `<${p}c`;
  const fRe = new RegExp(`<${p}f(\\s[^>]*)?(/>|>([\\s\\S]*?)</${p}f>)`);
  const vRe = new RegExp(`<${p}v(\\s[^>]*)?>([\\s\\S]*?)</${p}v>`);
  const isRe = new RegExp(`<${p}is(\\s[^>]*)?>([\\s\\S]*?)</${p}is>`);
  const rowTag = `<${p}row`;
  let i = dataStart;
  let rowNumber = 0;
  let colNumber = 0;
  while (i < dataEnd) {
    const lt = xml.indexOf("<", i + 1);
    if (lt < 0 || lt >= dataEnd) break;
    i = lt;
    if (xml.startsWith(rowTag, lt) && /[\s>/]/.test(xml[lt + rowTag.length])) {
      const gt = xml.indexOf(">", lt);
      const r = attrIn(xml.slice(lt, gt + 1), "r");
      rowNumber = r === undefined ? rowNumber + 1 : parseInt(r, 10);
      colNumber = 0;
      i = gt;
      continue;
    }
    if (!(xml.startsWith(cTag, lt) && /[\s>/]/.test(xml[lt + cTag.length]))) continue;
    const gt = xml.indexOf(">", lt);
    const tag = xml.slice(lt, gt + 1);
    const ref = attrIn(tag, "r");
    const at = ref === undefined ? { row: rowNumber, col: colNumber + 1 } : parseA1(ref);
    colNumber = at.col;
    rowNumber = at.row;
    const s = attrIn(tag, "s");
    const style = s === undefined ? undefined : parseInt(s, 10);
    const t = attrIn(tag, "t");
    let formula: string | null = null;
    let fType: string | undefined;
    let si: string | undefined;
    let fRef: string | undefined;
    let v: string | undefined;
    let inline: string | undefined;
    let end = gt;
    if (!tag.endsWith("/>")) {
      end = xml.indexOf(`</${p}c>`, gt);
      if (end < 0) throw new UnreadHere("unterminated <c>");
      const body = xml.slice(gt + 1, end);
      const f = fRe.exec(body);
      if (f) {
        const ftag = `<f${f[1] ?? ""}>`;
        fType = attrIn(ftag, "t");
        si = attrIn(ftag, "si");
        fRef = attrIn(ftag, "ref");
        const text = f[3] !== undefined ? unescapeXml(f[3]) : "";
        if (text !== "") formula = text;
      }
      const vm = vRe.exec(body);
      if (vm) v = unescapeXml(vm[2]);
      const is = isRe.exec(body);
      if (is) inline = stringItem(is[2], 0, is[2].length);
    }
    i = end;
    const fmt = style === undefined ? undefined : formats[style];
    let cell: Cell;
    const isFormula = formula !== null || fType !== undefined;
    if (isFormula) {
      if (fType === "shared" && si !== undefined) {
        if (fRef !== undefined && formula !== null) shared.set(si, { formula, at });
        else if (formula === null) {
          const master = shared.get(si);
          if (!master) throw new UnreadHere("a shared formula before its master");
          formula = slide(master.formula, master.at, at);
        }
      }
      let result: CellValue = null;
      let dateText: string | undefined;
      if (v !== undefined && v !== "") {
        if (t === "str") result = v;
        else if (t === "b") result = parseInt(v, 10) !== 0;
        else if (t === "e") result = v;
        else {
          const n = parseFloat(v);
          if (isDateFormat(fmt)) ({ value: result, text: dateText } = dateOf(n, date1904));
          else result = n;
        }
      }
      cell = { value: result === "" ? null : result, formula: formula === null ? null : `=${formula}`, style, blank: false, occupied: true, ...(dateText ? { dateText } : {}) };
    } else if (v !== undefined || inline !== undefined) {
      let value: CellValue;
      let dateText: string | undefined;
      if (t === "s") value = strings[parseInt(v ?? "", 10)] ?? null;
      else if (t === "str") value = v ?? "";
      else if (t === "inlineStr") value = inline ?? v ?? "";
      else if (t === "b") value = parseInt(v ?? "", 10) !== 0;
      else if (t === "e") value = v ?? "";
      else {
        const n = parseFloat(v ?? "");
        if (isDateFormat(fmt)) ({ value, text: dateText } = dateOf(n, date1904));
        else value = n;
      }
      if (typeof value === "number" && Number.isNaN(value)) throw new UnreadHere("a number that is not one");
      cell = { value: value === "" ? null : value, formula: null, style, blank: false, occupied: true, ...(dateText ? { dateText } : {}) };
    } else {
      // ExcelJS: a styled empty cell is "null" (outside the extent); an unstyled one counts.
      cell = { value: null, formula: null, style, blank: style !== undefined };
    }
    let row = cells.get(at.row);
    if (!row) cells.set(at.row, (row = new Map()));
    row.set(at.col, cell);
  }
  const merges: string[] = [];
  const mergeRe = new RegExp(`<${p}mergeCell\\s[^>]*>`, "g");
  for (let m = mergeRe.exec(xml); m; m = mergeRe.exec(xml)) {
    const ref = attrIn(m[0], "ref");
    if (!ref) continue;
    const r = parseRange(ref);
    merges.push(rangeToA1(r));
  }
  const prot = new RegExp(`<${p}sheetProtection\\s[^>]*>`).exec(xml);
  const sheetAttr = prot ? attrIn(prot[0], "sheet") : undefined;
  return { cells, merges, protected: sheetAttr === "1" || sheetAttr === "true" };
}

/**
 * Merged areas as ExcelJS keeps them: the master keeps its cell (or gets a blank one), every other
 * cell becomes an empty one that counts towards the extent. Overlapping merges make ExcelJS refuse
 * the file; that refusal, in its words, is left to it.
 */
function applyMerges(cells: SheetRead["cells"], merges: string[]): void {
  const taken = new Set<number>();
  for (const m of merges) {
    const r = parseRange(m);
    if ((r.bottom - r.top + 1) * (r.right - r.left + 1) > MAX_SNAPSHOT_CELLS) throw new UnreadHere("a merge too large to walk");
    for (let row = r.top; row <= r.bottom; row++) {
      let line = cells.get(row);
      if (!line) cells.set(row, (line = new Map()));
      for (let col = r.left; col <= r.right; col++) {
        const key = row * 16_384 + col;
        if (taken.has(key)) throw new UnreadHere("overlapping merges");
        taken.add(key);
        if (row === r.top && col === r.left) {
          if (!line.has(col)) line.set(col, { value: null, formula: null, style: undefined, blank: true });
          continue;
        }
        const old = line.get(col);
        line.set(col, { value: null, formula: null, style: old?.style, blank: false });
      }
    }
  }
}

function extent(cells: SheetRead["cells"]): Box | null {
  let box: Box | null = null;
  for (const [row, line] of cells) {
    for (const [col, cell] of line) {
      if (cell.blank) continue;
      if (!box) box = { top: row, left: col, bottom: row, right: col };
      else {
        box.top = Math.min(box.top, row);
        box.bottom = Math.max(box.bottom, row);
        box.left = Math.min(box.left, col);
        box.right = Math.max(box.right, col);
      }
    }
  }
  return box;
}

function snapshot(name: string, read: SheetRead, formats: Array<string | undefined>, recalc: boolean): SheetSnapshot {
  const flags = { protected: read.protected, ...(recalc ? { recalculatesOnLoad: true } : {}) };
  let merges = read.merges;
  applyMerges(read.cells, merges);
  let box = extent(read.cells);
  if (box && (box.bottom - box.top + 1) * (box.right - box.left + 1) > MAX_SNAPSHOT_CELLS) {
    const occupied: Array<{ r: number; c: number }> = [];
    for (const [row, line] of read.cells) for (const [col, cell] of line) if (cell.occupied) occupied.push({ r: row, c: col });
    box = densestBox(occupied);
    if (box) merges = clipMerges(merges, box);
  }
  if (!box) return { name, origin: { row: 1, col: 1 }, values: [], text: [], numberFormats: [], formulas: [], merges, ...flags };
  const values: CellValue[][] = [];
  const text: string[][] = [];
  const numberFormats: string[][] = [];
  const formulas: Array<Array<string | null>> = [];
  for (let r = box.top; r <= box.bottom; r++) {
    const line = read.cells.get(r);
    const vr: CellValue[] = [];
    const tr: string[] = [];
    const nr: string[] = [];
    const fr: Array<string | null> = [];
    for (let c = box.left; c <= box.right; c++) {
      const cell = line?.get(c);
      const fmt = (cell?.style === undefined ? undefined : formats[cell.style]) || "General";
      const value = cell?.value ?? null;
      vr.push(value);
      nr.push(fmt);
      fr.push(cell?.formula ?? null);
      tr.push(cell?.dateText ?? displayText(value, fmt));
    }
    values.push(vr);
    text.push(tr);
    numberFormats.push(nr);
    formulas.push(fr);
  }
  return { name, origin: { row: box.top, col: box.left }, values, text, numberFormats, formulas, merges, ...flags };
}

/** The sheets of an .xlsx package, as snapshots; UnreadHere for what this reader leaves to ExcelJS. */
export async function readPackageSnapshots(bytes: Uint8Array): Promise<SheetSnapshot[]> {
  let pkg: Package;
  try {
    pkg = await Package.open(bytes);
  } catch (e) {
    throw new UnreadHere(`zip: ${(e as Error).message}`);
  }
  const text = (part: string | undefined) => (part === undefined ? Promise.resolve(undefined) : pkg.read(part));
  const rels = (source: string) => relationshipsOf(pkg, source);
  const top = await rels("");
  const book = top.find((r) => sameType(r.type, REL.officeDocument) && !r.external)?.target;
  if (!book) throw new UnreadHere("no workbook part");
  const wbXml = await text(book);
  if (wbXml === undefined) throw new UnreadHere("workbook part missing");
  // Any namespace prefix (`<x:workbook>`, as some .NET writers write): elements are found by local name.
  const wbRoot = rootOf(wbXml);
  if (wbRoot.name !== "workbook") throw new UnreadHere("no workbook element");
  const kids = childrenOf(wbXml, wbRoot);
  const pr = kids.find((c) => c.name === "workbookPr");
  const date1904 = pr ? /^(1|true)$/.test(attr(wbXml, pr, "date1904") ?? "") : false;
  const calc = kids.find((c) => c.name === "calcPr");
  const fullCalc = calc ? /^(1|true)$/.test(attr(wbXml, calc, "fullCalcOnLoad") ?? "") : false;
  const sheetsEl = kids.find((c) => c.name === "sheets");
  const bookRels = await rels(book);
  const partOf = (type: string) => bookRels.find((r) => sameType(r.type, type) && !r.external)?.target;
  const strings = sharedStrings(await text(partOf(REL.sharedStrings)));
  const formats = styleFormats(await text(partOf(REL.styles)));
  const entries: Array<{ name: string; part: string }> = [];
  for (const s of sheetsEl ? childrenOf(wbXml, sheetsEl) : []) {
    if (s.name !== "sheet") continue;
    const rid = relIdOf(wbXml, s);
    const rel = bookRels.find((r) => r.id === rid);
    if (!rel || rel.external) throw new UnreadHere("a sheet without its part");
    if (!sameType(rel.type, REL.worksheet)) throw new UnreadHere("a sheet that is not a worksheet");
    entries.push({ name: attr(wbXml, s, "name") ?? "", part: rel.target });
  }
  const read: Array<{ name: string; sheet: SheetRead }> = [];
  let anyFormula = false;
  for (const e of entries) {
    const xml = await text(e.part);
    if (xml === undefined) throw new UnreadHere("a worksheet part missing");
    const sheet = readSheet(xml, strings, formats, date1904);
    for (const line of sheet.cells.values()) for (const c of line.values()) if (c.formula !== null) anyFormula = true;
    read.push({ name: e.name, sheet });
  }
  // As the ExcelJS reader: calcPr counts only where the workbook has formulas.
  return read.map((r) => snapshot(r.name, r.sheet, formats, fullCalc && anyFormula));
}
