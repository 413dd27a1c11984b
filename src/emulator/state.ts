import type { RangeRef } from "../core/address";
import { cloneLayout, type LayoutState } from "./layout";

/** What the emulated host stores: the workbook as Excel holds it, no proxies. */

export type Scalar = string | number | boolean | null;

export interface CellData {
  /** The value, or for a formula its cached result. Null: empty. */
  value: Scalar;
  formula: string | null;
  numberFormat: string;
}

/** Excel.ConditionalFormatType values. */
export type CfType =
  | "Custom"
  | "DataBar"
  | "ColorScale"
  | "IconSet"
  | "TopBottom"
  | "PresetCriteria"
  | "ContainsText"
  | "CellValue";

export interface CfRule {
  id: string;
  type: CfType;
  ranges: RangeRef[];
  /** Custom rules: the formula with its "=". */
  formula: string | null;
  fill: string | null;
  font: string | null;
  /** A rule read from a file, kept to write it back unchanged (ExcelJS rule object). */
  source?: unknown;
}

interface NoteData {
  content: string;
  author: string;
}

export interface ValidationData {
  /** Excel.DataValidationType. */
  type: "List" | "WholeNumber" | "Decimal" | "Date" | "Time" | "TextLength" | "Custom";
  list?: { source: string; inCellDropDown: boolean };
  prompt: { showPrompt: boolean; title: string; message: string };
  source?: unknown;
}

/** Excel.WorksheetProtectionOptions, as far as the add-in's writes care. */
export interface ProtectionOptions {
  allowFormatCells: boolean;
  allowEditObjects: boolean;
}

export const DEFAULT_PROTECTION: ProtectionOptions = { allowFormatCells: false, allowEditObjects: false };

export interface SheetState {
  id: string;
  name: string;
  /** Worksheet.visibility where the workbook hides the sheet (absent: Visible). */
  visibility?: "Hidden" | "VeryHidden";
  /** Keyed by cellKey(row, col). */
  cells: Map<number, CellData>;
  merges: RangeRef[];
  /** Cells that hold formatting only (from a file): they count towards the used range. */
  formatted: RangeRef | null;
  protected: boolean;
  protectionOptions: ProtectionOptions;
  /** Cells whose format.protection.locked is false (every other cell is locked, as in Excel). */
  unlocked: Set<number>;
  /** Threaded comments (ExcelApi 1.10), keyed by A1 address: a cell holds a note or a comment, not both. */
  comments: Map<string, string>;
  /** Index 0 is the top priority. */
  cfs: CfRule[];
  /** Keyed by A1 address. */
  notes: Map<string, NoteData>;
  validations: Map<string, ValidationData>;
  /** Row heights, column widths, wrapping and page setup; Excel's defaults while absent. */
  layout?: LayoutState;
}

export interface CustomXmlPartData {
  id: string;
  namespaceUri: string;
  xml: string;
}

export interface WorkbookState {
  sheets: SheetState[];
  /** Workbook.customXmlParts (ExcelApi 1.5). */
  customXml?: CustomXmlPartData[];
  activeSheetId: string;
  selection: { sheetId: string; address: string } | null;
  nextId: number;
}

const COLS = 16384;

export function cellKey(row: number, col: number): number {
  return row * COLS + col;
}

export function keyRow(key: number): number {
  return Math.floor(key / COLS);
}

export function keyCol(key: number): number {
  return key % COLS;
}

export function emptyCell(): CellData {
  return { value: null, formula: null, numberFormat: "General" };
}

function isBlank(c: CellData | undefined): boolean {
  return !c || (c.value === null && c.formula === null);
}

export function newId(state: WorkbookState, prefix: string): string {
  state.nextId += 1;
  return `{${prefix}-${String(state.nextId).padStart(8, "0")}}`;
}

export function newSheet(state: WorkbookState, name: string): SheetState {
  return {
    id: newId(state, "sheet"),
    name,
    cells: new Map(),
    merges: [],
    formatted: null,
    protected: false,
    protectionOptions: { ...DEFAULT_PROTECTION },
    unlocked: new Set(),
    comments: new Map(),
    cfs: [],
    notes: new Map(),
    validations: new Map(),
  };
}

export function cloneState(s: WorkbookState): WorkbookState {
  return {
    activeSheetId: s.activeSheetId,
    selection: s.selection ? { ...s.selection } : null,
    nextId: s.nextId,
    customXml: (s.customXml ?? []).map((p) => ({ ...p })),
    sheets: s.sheets.map((sh) => ({
      ...sh,
      cells: new Map([...sh.cells].map(([k, c]) => [k, { ...c }])),
      merges: sh.merges.map((m) => ({ ...m })),
      formatted: sh.formatted ? { ...sh.formatted } : null,
      protectionOptions: { ...sh.protectionOptions },
      unlocked: new Set(sh.unlocked),
      comments: new Map(sh.comments),
      cfs: sh.cfs.map((cf) => ({ ...cf, ranges: cf.ranges.map((r) => ({ ...r })) })),
      notes: new Map([...sh.notes].map(([k, n]) => [k, { ...n }])),
      validations: new Map([...sh.validations].map(([k, v]) => [k, structuredCloneSafe(v)])),
      ...(sh.layout ? { layout: cloneLayout(sh.layout) } : {}),
    })),
  };
}

function structuredCloneSafe(v: ValidationData): ValidationData {
  return { ...v, prompt: { ...v.prompt }, ...(v.list ? { list: { ...v.list } } : {}) };
}

export function intersects(a: RangeRef, b: RangeRef): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function contains(outer: RangeRef, row: number, col: number): boolean {
  return row >= outer.top && row <= outer.bottom && col >= outer.left && col <= outer.right;
}

/** Whether a cell may be changed: any cell of an unprotected sheet, an unlocked cell of a protected one. */
export function cellEditable(sheet: SheetState, row: number, col: number): boolean {
  return !sheet.protected || sheet.unlocked.has(cellKey(row, col));
}

/** The merged area holding (row, col), if any. */
export function mergeAt(sheet: SheetState, row: number, col: number): RangeRef | undefined {
  return sheet.merges.find((m) => contains(m, row, col));
}

/** The used range: every cell with a value, a formula or formatting (merged areas are formatted). */
export function usedRange(sheet: SheetState, valuesOnly = false): RangeRef | null {
  let r: RangeRef | null = valuesOnly ? null : sheet.formatted ? { ...sheet.formatted } : null;
  const grow = (top: number, left: number, bottom: number, right: number) => {
    if (!r) r = { top, left, bottom, right };
    else {
      r.top = Math.min(r.top, top);
      r.left = Math.min(r.left, left);
      r.bottom = Math.max(r.bottom, bottom);
      r.right = Math.max(r.right, right);
    }
  };
  for (const [k, c] of sheet.cells) {
    const formattedOnly = isBlank(c);
    if (formattedOnly && (valuesOnly || c.numberFormat === "General")) continue;
    grow(keyRow(k), keyCol(k), keyRow(k), keyCol(k));
  }
  if (!valuesOnly) for (const m of sheet.merges) grow(m.top, m.left, m.bottom, m.right);
  return r;
}
