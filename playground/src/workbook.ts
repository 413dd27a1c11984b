// The playground's side of the emulated workbook: opening an .xlsx, what the grid shows of a sheet
// (values as Excel displays them, merged areas, the add-in's conditional formats as evaluated by
// the emulator, notes, the file's own cell styles), a person typing into a cell, and the export.
import ExcelJS from "exceljs";
import { columnLetters, parseA1, parseRange, toA1, type RangeRef } from "../../src/core/address";
import { dumpSheet, EmulatedExcel, fromExcelJs, toExcelJs, toSnapshot } from "../../src/emulator";
import { evaluate, recalculate } from "../../src/emulator/recalc";
import { cellText } from "../../src/emulator/proxies/range";
import { cellKey, contains, usedRange, type Scalar, type SheetState } from "../../src/emulator/state";

export interface OpenWorkbook {
  host: EmulatedExcel;
  /** The workbook as ExcelJS read it: column widths and the file's own cell styles (not in the emulator). */
  source: ExcelJS.Workbook;
  /** The file name shown and used for the download. */
  fileName: string;
  /** The sample path, when it is a bundled sample. */
  sample: string | null;
}

/** Read .xlsx bytes into an emulated Excel (what fromXlsx does, keeping the ExcelJS workbook for styles). */
export async function openXlsx(bytes: ArrayBuffer, fileName: string, sample: string | null): Promise<OpenWorkbook> {
  const source = new ExcelJS.Workbook();
  await source.xlsx.load(bytes);
  if (source.worksheets.length === 0) throw new Error("no worksheets");
  const host = fromExcelJs(source);
  return { host, source, fileName, sample };
}

/** Why a file could not be opened, in both languages. */
export function openError(fileName: string, err: unknown): { zh: string; en: string } {
  const detail = err instanceof Error ? err.message : String(err);
  if (/\.xls$/i.test(fileName)) {
    return { zh: `无法打开「${fileName}」：这是旧的 .xls 格式，请在 Excel 中另存为 .xlsx 后再试。`, en: `Cannot open ${fileName}: an old .xls file; save it as .xlsx first.` };
  }
  return { zh: `无法打开「${fileName}」：不是有效的 .xlsx 文件，或文件已损坏、受密码保护。`, en: `Cannot open ${fileName}: not a readable .xlsx file (${detail}).` };
}

/** The current workbook as .xlsx bytes (toExcelJs → writeBuffer). */
export async function exportXlsx(host: EmulatedExcel): Promise<Blob> {
  const wb = await toExcelJs(host);
  const buffer = await wb.xlsx.writeBuffer();
  return new Blob([buffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
}

export function downloadName(fileName: string): string {
  const base = fileName.replace(/\.xlsx$/i, "");
  return `${base}.playground.xlsx`;
}

/** The whole workbook as plain data (dumpSheet of every sheet), or one sheet's. */
export function workbookDump(host: EmulatedExcel, sheet?: string): unknown {
  return sheet === undefined ? host.state.sheets.map(dumpSheet) : dumpSheet(host.sheet(sheet));
}

export function engineSnapshot(host: EmulatedExcel, sheet?: string): unknown {
  return toSnapshot(sheet === undefined ? host.activeSheet : host.sheet(sheet));
}

// ---------------------------------------------------------------------------------------------
// The grid's view of a sheet

export interface CellView {
  row: number;
  col: number;
  address: string;
  text: string;
  rowSpan: number;
  colSpan: number;
  /** The add-in's (or any custom) conditional format that holds here. */
  cfFill: string | null;
  cfFont: string | null;
  note: string | null;
  style: StaticStyle;
  /** A number (right-aligned unless the file says otherwise, as Excel's General alignment). */
  numeric: boolean;
  /** Pixels a left-aligned text may run on over the empty cells to its right (Excel's overflow), or 0. */
  spill: number;
}

export interface StaticStyle {
  bold?: boolean;
  italic?: boolean;
  color?: string;
  fill?: string;
  align?: "left" | "center" | "right";
  valign?: "top" | "middle" | "bottom";
  wrap?: boolean;
  fontSize?: number;
}

export interface SheetView {
  sheetId: string;
  name: string;
  rows: number;
  cols: number;
  /** Pixel widths of columns 1..cols. */
  widths: number[];
  /** Per row (1..rows) the cells that have a td (merged areas: only the top-left one). */
  cells: CellView[][];
  /** Rows of the sheet beyond what is drawn. */
  truncated: boolean;
  protected: boolean;
}

const MAX_ROWS = 1000;
const MAX_COLS = 60;
const EXTRA_ROWS = 4;
const EXTRA_COLS = 2;
/** An empty sheet still looks like a sheet. */
const MIN_ROWS = 40;
const MIN_COLS = 12;

function argbToCss(argb: unknown): string | undefined {
  return typeof argb === "string" && /^[0-9A-Fa-f]{6,8}$/.test(argb) ? `#${argb.slice(-6).toUpperCase()}` : undefined;
}

/** The file's own look of a cell (bold, alignment, wrap, solid fill), from the ExcelJS workbook. */
function staticStyle(ws: ExcelJS.Worksheet | undefined, row: number, col: number): StaticStyle {
  if (!ws) return {};
  const r = ws.findRow(row);
  const cell = r ? r.findCell(col) : undefined;
  const st = cell?.style;
  if (!st) return {};
  const out: StaticStyle = {};
  if (st.font?.bold) out.bold = true;
  if (st.font?.italic) out.italic = true;
  const color = argbToCss(st.font?.color?.argb);
  if (color && color !== "#000000") out.color = color;
  if (typeof st.font?.size === "number" && st.font.size !== 11) out.fontSize = st.font.size;
  const fill = st.fill as { type?: string; pattern?: string; fgColor?: { argb?: string } } | undefined;
  if (fill?.type === "pattern" && fill.pattern === "solid") {
    const c = argbToCss(fill.fgColor?.argb);
    if (c) out.fill = c;
  }
  const h = st.alignment?.horizontal;
  if (h === "left" || h === "center" || h === "right") out.align = h;
  else if (h === "centerContinuous" || h === "distributed" || h === "justify") out.align = "center";
  const v = st.alignment?.vertical;
  if (v === "top" || v === "bottom") out.valign = v;
  else if (v === "middle" || v === "distributed" || v === "justify") out.valign = "middle";
  if (st.alignment?.wrapText) out.wrap = true;
  return out;
}

/** Excel column width (characters of the default font) to pixels. */
function columnPixels(width: number | undefined): number {
  const w = typeof width === "number" && width > 0 ? width : 8.43;
  return Math.round(w * 7 + 5);
}

/** Everything the grid draws of one sheet. */
export function sheetView(host: EmulatedExcel, source: ExcelJS.Workbook | null, sheet: SheetState): SheetView {
  const ws = source?.getWorksheet(sheet.name);
  const used = usedRange(sheet);
  let bottom = used?.bottom ?? 1;
  let right = used?.right ?? 1;
  for (const a of sheet.notes.keys()) {
    const r = parseRange(a);
    bottom = Math.max(bottom, r.bottom);
    right = Math.max(right, r.right);
  }
  const rowsWanted = Math.max(bottom + EXTRA_ROWS, MIN_ROWS);
  const rows = Math.min(rowsWanted, MAX_ROWS);
  const cols = Math.min(Math.max(right + EXTRA_COLS, MIN_COLS), MAX_COLS);
  const widths: number[] = [];
  for (let c = 1; c <= cols; c++) widths.push(columnPixels(ws?.getColumn(c).width));

  const masters = new Map<number, RangeRef>();
  const hidden = new Set<number>();
  for (const m of sheet.merges) {
    masters.set(cellKey(m.top, m.left), m);
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) hidden.add(cellKey(r, c));
  }
  const cfAreas = sheet.cfs.filter((cf) => cf.type === "Custom" && cf.formula).flatMap((cf) => cf.ranges);

  const out: CellView[][] = [];
  for (let r = 1; r <= rows; r++) {
    const line: CellView[] = [];
    for (let c = 1; c <= cols; c++) {
      const key = cellKey(r, c);
      if (hidden.has(key)) continue;
      const m = masters.get(key);
      const address = toA1(r, c);
      let cfFill: string | null = null;
      let cfFont: string | null = null;
      if (cfAreas.some((a) => contains(a, r, c))) {
        try {
          const shown = host.displayFormat(sheet.name, address);
          cfFill = shown?.fill ?? null;
          cfFont = shown?.font ?? null;
        } catch {
          // A rule beyond the emulator's small formula evaluator: shown without it.
        }
      }
      const data = sheet.cells.get(key);
      line.push({
        row: r,
        col: c,
        address,
        text: cellText(data),
        numeric: typeof data?.value === "number",
        spill: 0,
        rowSpan: m ? Math.min(m.bottom, rows) - m.top + 1 : 1,
        colSpan: m ? Math.min(m.right, cols) - m.left + 1 : 1,
        cfFill,
        cfFont,
        note: sheet.notes.get(address)?.content ?? null,
        style: staticStyle(ws, r, c),
      });
    }
    spillOver(line, widths);
    out.push(line);
  }
  return { sheetId: sheet.id, name: sheet.name, rows, cols, widths, cells: out, truncated: rowsWanted > rows, protected: sheet.protected };
}

/** Excel lets a text that does not wrap run on over the empty cells to its right. */
function spillOver(line: CellView[], widths: number[]): void {
  for (let i = 0; i < line.length; i++) {
    const cell = line[i];
    if (!cell.text || cell.numeric || cell.style.wrap || cell.colSpan > 1 || cell.rowSpan > 1) continue;
    if (cell.style.align && cell.style.align !== "left") continue;
    let width = widths[cell.col - 1];
    let next = cell.col + 1;
    for (let j = i + 1; j < line.length && j <= i + 20; j++) {
      const n = line[j];
      if (n.col !== next || n.text || n.colSpan > 1 || n.rowSpan > 1 || n.cfFill || n.style.fill) break;
      width += widths[n.col - 1];
      next += 1;
    }
    // Measuring the text is the browser's job; it is clipped at this width.
    if (next > cell.col + 1) cell.spill = width;
  }
}

export { columnLetters };

/** The merged area holding a cell, or the cell itself. */
export function areaAt(sheet: SheetState, row: number, col: number): RangeRef {
  return sheet.merges.find((m) => contains(m, row, col)) ?? { top: row, left: col, bottom: row, right: col };
}

/** What a cell shows in the formula bar: its formula, else its value as typed. */
export function formulaBarText(sheet: SheetState, row: number, col: number): string {
  const c = sheet.cells.get(cellKey(row, col));
  if (!c) return "";
  if (c.formula) return c.formula;
  if (c.value === null) return "";
  if (typeof c.value === "boolean") return c.value ? "TRUE" : "FALSE";
  return String(c.value);
}

// ---------------------------------------------------------------------------------------------
// A person typing into a cell

/** What Excel makes of text typed into a cell (the emulator's userEdit takes a value, not an entry). */
export function parseTyped(input: string): { value: Scalar; formula: string | null } {
  if (input === "") return { value: null, formula: null };
  if (input.startsWith("'")) return { value: input.slice(1), formula: null };
  if (input.startsWith("=") && input.length > 1) return { value: null, formula: input };
  const t = input.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return { value: Number(t), formula: null };
  if (/^(TRUE|FALSE)$/i.test(t)) return { value: t.toUpperCase() === "TRUE", formula: null };
  return { value: input, formula: null };
}

/**
 * The person types `input` into a cell and presses Enter: the emulator's userEdit (which raises
 * Worksheet.onChanged as Excel does for a person's edit), then the formula if one was typed, then
 * recalculation. Returns false on a protected sheet (Excel refuses the edit).
 */
export function typeInto(host: EmulatedExcel, sheetName: string, address: string, input: string): boolean {
  const sheet = host.sheet(sheetName);
  if (sheet.protected) return false;
  const entry = parseTyped(input);
  if (entry.formula) {
    const value = evaluate(sheet, entry.formula);
    host.userEdit(sheetName, address, value);
    // userEdit stores a value; the formula goes with it before the change event is delivered.
    const { row, col } = parseA1(address);
    const key = cellKey(row, col);
    const c = sheet.cells.get(key);
    if (c) sheet.cells.set(key, { ...c, formula: entry.formula, value });
  } else {
    host.userEdit(sheetName, address, entry.value === null ? "" : entry.value);
  }
  recalculate(sheet);
  return true;
}
