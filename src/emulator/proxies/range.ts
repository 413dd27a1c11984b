import { rangeToA1, toA1, type RangeRef } from "../../core/address";
import { displayText } from "../../core/numberFormat";
import { cellCount, rangeAddress } from "../addresses";
import { ClientObject, ClientResult } from "../clientObject";
import { layoutOf, standardWidthPoints } from "../layout";
import type { RangeTarget } from "./targets";
import { ClientCollection } from "../collection";
import type { EmuRequestContext } from "../context";
import { accessDenied, EmulatorError } from "../errors";
import { evaluateFormula, FormulaError } from "../../core/formula";
import type { ContextHost } from "../hostTypes";
import { payloadBytes } from "../payload";
import { cellEditable, cellKey, emptyCell, mergeAt, type CellData, type Scalar, type SheetState } from "../state";
import { ConditionalFormatCollection, useRange } from "./conditionalFormats";
import { DataValidation } from "./dataValidation";

export type { RangeTarget } from "./targets";

/** Look a range up from its sheet proxy, in batch order. */
export function rangeResolver(
  sheet: ClientObject<SheetState>,
  make: (s: SheetState) => RangeTarget | null,
): () => RangeTarget | null {
  return () => {
    const s = sheet._resolve();
    return s === null ? null : make(s);
  };
}

const ERROR_VALUE = /^#(DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!)$/;
const MAX_CELLS = 5_000_000;

function grid<V>(t: RangeTarget, f: (cell: CellData | undefined, slave: boolean, row: number, col: number) => V): V[][] {
  if (cellCount(t.ref) > MAX_CELLS) throw new EmulatorError("GeneralException", "The response payload size has exceeded the limit.");
  const out: V[][] = [];
  for (let r = t.ref.top; r <= t.ref.bottom; r++) {
    const row: V[] = [];
    for (let c = t.ref.left; c <= t.ref.right; c++) {
      const m = mergeAt(t.sheet, r, c);
      row.push(f(t.sheet.cells.get(cellKey(r, c)), !!m && (m.top !== r || m.left !== c), r, c));
    }
    out.push(row);
  }
  return out;
}

export function cellText(cell: CellData | undefined): string {
  return displayText(cell?.value ?? null, cell?.numberFormat);
}

/** What Excel makes of an entry typed into a cell (Range.values and Range.formulas alike). */
function parseEntry(sheet: SheetState, input: unknown): { value: Scalar; formula: string | null } {
  if (input === "" ) return { value: null, formula: null };
  if (typeof input === "number" || typeof input === "boolean") return { value: input, formula: null };
  const s = String(input);
  if (s.startsWith("'")) return { value: s.slice(1), formula: null };
  if (s.startsWith("=")) {
    let value: Scalar = null;
    try {
      const v = evaluateFormula(s, { cell: (r, c) => sheet.cells.get(cellKey(r, c))?.value ?? null });
      value = v instanceof FormulaError ? v.code : v;
    } catch {
      value = null;
    }
    return { value, formula: s };
  }
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s.trim())) return { value: Number(s), formula: null };
  if (/^(TRUE|FALSE)$/i.test(s)) return { value: s.toUpperCase() === "TRUE", formula: null };
  return { value: s, formula: null };
}

function write(host: ContextHost, t: RangeTarget, input: unknown, kind: "values" | "formulas" | "numberFormat"): void {
  const { sheet, ref } = t;
  const rows = ref.bottom - ref.top + 1;
  const cols = ref.right - ref.left + 1;
  if (Array.isArray(input) && (input.length !== rows || input.some((r) => !Array.isArray(r) || r.length !== cols))) {
    throw new EmulatorError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
  }
  const at = (i: number, j: number): unknown => (Array.isArray(input) ? (input[i] as unknown[])[j] : input);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = at(i, j);
      if (v === null || v === undefined) continue;
      // A protected sheet takes entries in its unlocked cells only, and formats only where the
      // protection allows formatting cells (Excel's "Format cells" option).
      if (!cellEditable(sheet, ref.top + i, ref.left + j) || (kind === "numberFormat" && sheet.protected && !sheet.protectionOptions.allowFormatCells)) {
        throw accessDenied(sheet.name, `Range.${kind} (${toA1(ref.top + i, ref.left + j)})`);
      }
      if (kind === "numberFormat" || v === "") continue;
      const m = mergeAt(sheet, ref.top + i, ref.left + j);
      if (m && (m.top !== ref.top + i || m.left !== ref.left + j)) {
        throw new EmulatorError("InvalidOperation", `Cannot write into ${toA1(ref.top + i, ref.left + j)}: it is inside the merged area ${rangeToA1(m)}.`);
      }
    }
  }
  host._touch();
  let before: Scalar | undefined;
  let after: Scalar | undefined;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = at(i, j);
      // null leaves a cell as it is; "" clears it.
      if (v === null || v === undefined) continue;
      const key = cellKey(ref.top + i, ref.left + j);
      const cell = { ...(sheet.cells.get(key) ?? emptyCell()) };
      before = cell.value;
      if (kind === "numberFormat") cell.numberFormat = String(v);
      else Object.assign(cell, parseEntry(sheet, v));
      after = cell.value;
      sheet.cells.set(key, cell);
    }
  }
  if (kind !== "numberFormat") {
    host._changed({ sheetId: sheet.id, address: rangeToA1(ref), before, after, single: rows * cols === 1, origin: "api" });
  }
}

export class Range extends ClientObject<RangeTarget> {
  protected readonly _scalars = [
    "address",
    "addressLocal",
    "values",
    "text",
    "numberFormat",
    "formulas",
    "valueTypes",
    "rowIndex",
    "columnIndex",
    "rowCount",
    "columnCount",
    "cellCount",
  ] as const;

  protected _read(t: RangeTarget, prop: string): unknown {
    switch (prop) {
      case "address":
      case "addressLocal":
        return rangeAddress(t.sheet.name, t.ref);
      case "values":
        return grid(t, (c, slave) => (slave ? "" : c?.value ?? ""));
      case "text":
        return grid(t, (c, slave) => (slave ? "" : cellText(c)));
      case "numberFormat":
        return grid(t, (c) => c?.numberFormat ?? "General");
      case "formulas":
        return grid(t, (c, slave) => (slave ? "" : c?.formula ?? c?.value ?? ""));
      case "valueTypes":
        return grid(t, (c, slave) => {
          const v = slave ? null : c?.value ?? null;
          if (v === null) return "Empty";
          if (typeof v === "number") return "Double";
          if (typeof v === "boolean") return "Boolean";
          return ERROR_VALUE.test(v) ? "Error" : "String";
        });
      case "rowIndex":
        return t.ref.top - 1;
      case "columnIndex":
        return t.ref.left - 1;
      case "rowCount":
        return t.ref.bottom - t.ref.top + 1;
      case "columnCount":
        return t.ref.right - t.ref.left + 1;
      default:
        return cellCount(t.ref);
    }
  }

  get address(): string {
    return this._get("address");
  }
  get addressLocal(): string {
    return this._get("addressLocal");
  }
  get values(): unknown[][] {
    return this._get("values");
  }
  set values(v: unknown[][]) {
    this.context._requestBytes += payloadBytes(v);
    this._queue((t) => write(this.context.host, t, v, "values"));
  }
  get formulas(): unknown[][] {
    return this._get("formulas");
  }
  set formulas(v: unknown[][]) {
    this.context._requestBytes += payloadBytes(v);
    this._queue((t) => write(this.context.host, t, v, "formulas"));
  }
  get numberFormat(): unknown[][] {
    return this._get("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this._queue((t) => write(this.context.host, t, v, "numberFormat"));
  }
  get text(): string[][] {
    return this._get("text");
  }
  get valueTypes(): string[][] {
    return this._get("valueTypes");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }

  /** ExcelApi 1.6: the conditional formats that intersect the range. */
  get conditionalFormats(): ConditionalFormatCollection {
    return this._child(
      "conditionalFormats",
      () =>
        new ConditionalFormatCollection(
          this.context,
          () => {
            this.context.host.requireSet("1.6", "Range.conditionalFormats");
            return this._resolve();
          },
          true,
        ),
    );
  }

  /** Range.format; the emulator models its protection (ExcelApi 1.2). */
  get format(): RangeFormat {
    return this._child("format", () => new RangeFormat(this.context, () => this._resolve(), true));
  }

  /** ExcelApi 1.8. */
  get dataValidation(): DataValidation {
    return this._child(
      "dataValidation",
      () =>
        new DataValidation(
          this.context,
          () => {
            this.context.host.requireSet("1.8", "Range.dataValidation");
            return this._resolve();
          },
          true,
        ),
    );
  }

  getCell(row: number, column: number): Range {
    return new Range(this.context, () => {
      const t = this._resolve();
      if (!t) return null;
      const r = t.ref.top + row;
      const c = t.ref.left + column;
      return { sheet: t.sheet, ref: { top: r, left: c, bottom: r, right: c } };
    });
  }

  /**
   * ExcelApi 1.13: the merged areas whose top-left cell is in this range (a null object when none).
   * Fails beyond 512 areas, as documented.
   */
  getMergedAreasOrNullObject(): RangeAreas {
    return new RangeAreas(
      this.context,
      () => {
        this.context.host.requireSet("1.13", "Range.getMergedAreasOrNullObject");
        const t = this._resolve();
        if (!t) return null;
        const areas = t.sheet.merges.filter((m) => m.top >= t.ref.top && m.top <= t.ref.bottom && m.left >= t.ref.left && m.left <= t.ref.right);
        if (areas.length > 512) throw new EmulatorError("GeneralException", "There are more than 512 merged areas in the range.");
        return areas.length === 0 ? null : { sheet: t.sheet, areas };
      },
      true,
    );
  }

  /** ExcelApi 1.9: each row's hiddenness and height (points), as asked for. */
  getRowProperties(opts: { rowIndex?: boolean; rowHidden?: boolean; format?: { rowHeight?: boolean; useStandardHeight?: boolean } }): ClientResult<Array<Record<string, unknown>>> {
    const r = new ClientResult<Array<Record<string, unknown>>>();
    this._queue((t) => {
      this.context.host.requireSet("1.9", "Range.getRowProperties");
      const l = layoutOf(t.sheet);
      const out: Array<Record<string, unknown>> = [];
      for (let row = t.ref.top; row <= t.ref.bottom; row++) {
        const hidden = l.rowHidden.has(row);
        const height = hidden ? 0 : (l.rowHeight.get(row) ?? l.standardHeight);
        out.push({
          ...(opts.rowIndex ? { rowIndex: row - 1 } : {}),
          ...(opts.rowHidden ? { rowHidden: hidden } : {}),
          ...(opts.format ? { format: { ...(opts.format.rowHeight ? { rowHeight: height } : {}), ...(opts.format.useStandardHeight ? { useStandardHeight: !l.rowHeight.has(row) && !hidden } : {}) } } : {}),
        });
      }
      this.context.host._respond(out);
      r._fill(out);
    });
    return r;
  }

  /** ExcelApi 1.9: each column's hiddenness and width (points), as asked for. */
  getColumnProperties(opts: { columnIndex?: boolean; columnHidden?: boolean; format?: { columnWidth?: boolean } }): ClientResult<Array<Record<string, unknown>>> {
    const r = new ClientResult<Array<Record<string, unknown>>>();
    this._queue((t) => {
      this.context.host.requireSet("1.9", "Range.getColumnProperties");
      const l = layoutOf(t.sheet);
      const out: Array<Record<string, unknown>> = [];
      for (let col = t.ref.left; col <= t.ref.right; col++) {
        const hidden = l.colHidden.has(col);
        const width = hidden ? 0 : (l.colWidth.get(col) ?? standardWidthPoints(l.standardWidth));
        out.push({
          ...(opts.columnIndex ? { columnIndex: col - 1 } : {}),
          ...(opts.columnHidden ? { columnHidden: hidden } : {}),
          ...(opts.format?.columnWidth ? { format: { columnWidth: width } } : {}),
        });
      }
      this.context.host._respond(out);
      r._fill(out);
    });
    return r;
  }

  /** ExcelApi 1.9: each cell's wrapping and font size, as asked for (rows of cells). */
  getCellProperties(opts: { format?: { wrapText?: boolean; font?: { size?: boolean } } }): ClientResult<Array<Array<Record<string, unknown>>>> {
    const r = new ClientResult<Array<Array<Record<string, unknown>>>>();
    this._queue((t) => {
      this.context.host.requireSet("1.9", "Range.getCellProperties");
      const l = layoutOf(t.sheet);
      const out: Array<Array<Record<string, unknown>>> = [];
      for (let row = t.ref.top; row <= t.ref.bottom; row++) {
        const line: Array<Record<string, unknown>> = [];
        for (let col = t.ref.left; col <= t.ref.right; col++) {
          const k = cellKey(row, col);
          const format: Record<string, unknown> = {};
          if (opts.format?.wrapText) format.wrapText = l.wrap.has(k);
          if (opts.format?.font?.size) format.font = { size: l.fontSize.get(k) ?? 11 };
          line.push(opts.format ? { format } : {});
        }
        out.push(line);
      }
      this.context.host._respond(out);
      r._fill(out);
    });
    return r;
  }

  select(): void {
    this._queue((t) => {
      const st = this.context.host.state;
      st.activeSheetId = t.sheet.id;
      st.selection = { sheetId: t.sheet.id, address: rangeToA1(t.ref) };
    });
  }
}

interface AreasTarget {
  sheet: SheetState;
  areas: RangeRef[];
}

export class RangeAreas extends ClientObject<AreasTarget> {
  protected readonly _scalars = ["address", "addressLocal", "areaCount", "cellCount"] as const;

  protected _read(t: AreasTarget, prop: string): unknown {
    if (prop === "areaCount") return t.areas.length;
    if (prop === "cellCount") return t.areas.reduce((n, a) => n + cellCount(a), 0);
    // office-js issue 1590: in real Excel the address lists only each area's top-left cell; the
    // areas themselves (RangeAreas.areas) have the whole addresses.
    const bug = this.context.host.knownBugs;
    return t.areas.map((a) => rangeAddress(t.sheet.name, bug ? { top: a.top, left: a.left, bottom: a.top, right: a.left } : a)).join(", ");
  }

  get address(): string {
    return this._get("address");
  }
  get addressLocal(): string {
    return this._get("addressLocal");
  }
  get areaCount(): number {
    return this._get("areaCount");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }

  get areas(): RangeCollection {
    return this._child("areas", () => new RangeCollection(this.context, () => this._resolve(), true));
  }
}

export class RangeCollection extends ClientCollection<AreasTarget, RangeTarget, Range> {
  constructor(context: EmuRequestContext, resolver: () => AreasTarget | null, nullable: boolean) {
    super(context, resolver, nullable);
  }

  protected _keys(t: AreasTarget): RangeTarget[] {
    return t.areas.map((ref) => ({ sheet: t.sheet, ref }));
  }

  protected _item(key: RangeTarget): Range {
    return new Range(this.context, () => key, false, false);
  }
}

class RangeFormat extends ClientObject<RangeTarget> {
  protected readonly _scalars = ["wrapText", "rowHeight", "columnWidth"] as const;

  protected _read(t: RangeTarget, prop: string): unknown {
    const l = layoutOf(t.sheet);
    if (prop === "wrapText") {
      let all: boolean | null | undefined;
      for (let r = t.ref.top; r <= t.ref.bottom; r++) {
        for (let c = t.ref.left; c <= t.ref.right; c++) {
          const w = l.wrap.has(cellKey(r, c));
          if (all === undefined) all = w;
          else if (all !== w) return null;
        }
      }
      return all ?? false;
    }
    // Of a range whose rows (columns) differ, Excel gives null.
    if (prop === "rowHeight") {
      const hs = new Set<number>();
      for (let r = t.ref.top; r <= t.ref.bottom; r++) hs.add(l.rowHidden.has(r) ? 0 : (l.rowHeight.get(r) ?? l.standardHeight));
      return hs.size === 1 ? [...hs][0] : null;
    }
    const ws = new Set<number>();
    for (let c = t.ref.left; c <= t.ref.right; c++) ws.add(l.colHidden.has(c) ? 0 : (l.colWidth.get(c) ?? standardWidthPoints(l.standardWidth)));
    return ws.size === 1 ? [...ws][0] : null;
  }

  get wrapText(): boolean | null {
    return this._get("wrapText");
  }
  set wrapText(v: boolean) {
    this._queue((t) => {
      if (t.sheet.protected && !t.sheet.protectionOptions.allowFormatCells) throw accessDenied(t.sheet.name, "RangeFormat.wrapText");
      this.context.host._touch();
      const l = layoutOf(t.sheet);
      for (let r = t.ref.top; r <= t.ref.bottom; r++) {
        for (let c = t.ref.left; c <= t.ref.right; c++) {
          if (v) l.wrap.add(cellKey(r, c));
          else l.wrap.delete(cellKey(r, c));
        }
      }
    });
  }

  get rowHeight(): number | null {
    return this._get("rowHeight");
  }
  /** Points; Excel refuses a height past 409. */
  set rowHeight(v: number) {
    this._queue((t) => {
      if (!(v >= 0 && v <= 409)) throw new EmulatorError("InvalidArgument", `The row height ${v} is out of range.`);
      // Excel asks for "format rows" (allowFormatRows), which the emulator does not grant: refused on any protected sheet.
      if (t.sheet.protected) throw accessDenied(t.sheet.name, "RangeFormat.rowHeight");
      this.context.host._touch();
      const l = layoutOf(t.sheet);
      for (let r = t.ref.top; r <= t.ref.bottom; r++) l.rowHeight.set(r, v);
    });
  }

  get columnWidth(): number | null {
    return this._get("columnWidth");
  }

  get protection(): FormatProtection {
    return this._child("protection", () => new FormatProtection(this.context, () => this._resolve(), true));
  }
}

/** Range.format.protection: locked is true, false, or null where the range mixes both. */
class FormatProtection extends ClientObject<RangeTarget> {
  protected readonly _scalars = ["locked", "formulaHidden"] as const;

  protected _read(t: RangeTarget, prop: string): unknown {
    if (prop === "formulaHidden") return false;
    let locked: boolean | null | undefined;
    for (let r = t.ref.top; r <= t.ref.bottom; r++) {
      for (let c = t.ref.left; c <= t.ref.right; c++) {
        const l = !t.sheet.unlocked.has(cellKey(r, c));
        if (locked === undefined) locked = l;
        else if (locked !== l) return null;
      }
    }
    return locked ?? true;
  }

  get locked(): boolean | null {
    return this._get("locked");
  }
  set locked(v: boolean) {
    this._queue((t) => {
      if (t.sheet.protected) throw accessDenied(t.sheet.name, "FormatProtection.locked");
      this.context.host._touch();
      for (let r = t.ref.top; r <= t.ref.bottom; r++) {
        for (let c = t.ref.left; c <= t.ref.right; c++) {
          if (v) t.sheet.unlocked.delete(cellKey(r, c));
          else t.sheet.unlocked.add(cellKey(r, c));
        }
      }
    });
  }
}

// The rules' getRange makes a Range; this module makes their collections, so it hands the class over.
useRange((ctx, resolve) => new Range(ctx, resolve));
