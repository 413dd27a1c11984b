import type { PageSetup, SheetLayout } from "../../core/snapshot";
import { attr, childrenOf, rootOf, textOf } from "./xml";
import { MAX_COL, MAX_ROW } from "../valueText";

/**
 * The paper side of a package (ECMA-376 §18.3.1): the styles' wrapping and default font, a sheet's
 * column widths, row heights, hidden rows and columns and page setup, and the workbook's print areas
 * and print titles. Units as the snapshot holds them: points.
 */

/** What the styles give a sheet's layout (read by stylesRead.ts). */
interface StyleLayout {
  /** Per cellXfs entry: its text wraps. */
  wraps: boolean[];
  /** The default font's size (the first font), in points. */
  fontSize: number;
}

const on = (v: string | undefined) => v === "1" || v === "true";

/** A number attribute within [lo, hi], or undefined (absent, not a number, out of range). */
function sane(v: string | undefined, lo: number, hi: number): number | undefined {
  if (v === undefined || v.trim() === "") return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n >= lo && n <= hi ? n : undefined;
}

/** The widest digit of the default font, in pixels (7 for 11-point Calibri, 宋体 or 等线). */
const digitWidth = (fontSize: number) => Math.max(5, Math.round((fontSize * 7) / 11));

/** A width in characters (as `<col width>` holds it) in points (ECMA-376 §18.3.1.13). */
function widthPoints(chars: number, fontSize: number): number {
  const mdw = digitWidth(fontSize);
  return Math.trunc(((256 * chars + Math.trunc(128 / mdw)) / 256) * mdw) * 0.75;
}

/** A sheet's paper facts as the reader meets them, element by element. */
export class SheetLayoutReader {
  private readonly cols: SheetLayout["cols"] = [];
  private readonly rows: SheetLayout["rows"] = [];
  readonly wrapped: string[] = [];
  private defaultColWidth: number | null = null;
  private baseColWidth = 8;
  private defaultRowHeight: number | null = null;
  private fitToPage = false;
  private setup: Record<string, string> = {};
  private margins: Record<string, string> = {};

  constructor(private readonly style: StyleLayout) {}

  wrapsStyle(style: number | undefined): boolean {
    return style !== undefined && this.style.wraps[style] === true;
  }

  /** `<sheetFormatPr>`'s, `<pageSetUpPr>`'s, `<pageMargins>`' or `<pageSetup>`'s attributes. */
  element(name: string, attrs: Record<string, string>): void {
    if (name === "sheetFormatPr") {
      // Only what a sheet can hold: a width of 0–255 characters, a height of 0–409 points.
      const cw = sane(attrs.defaultColWidth, 0, 255);
      const bw = sane(attrs.baseColWidth, 0, 255);
      const rh = sane(attrs.defaultRowHeight, 0, 409);
      if (cw !== undefined) this.defaultColWidth = cw;
      if (bw !== undefined) this.baseColWidth = bw;
      if (rh !== undefined) this.defaultRowHeight = rh;
    } else if (name === "pageSetUpPr") this.fitToPage = on(attrs.fitToPage);
    else if (name === "pageMargins") this.margins = attrs;
    else if (name === "pageSetup") this.setup = attrs;
    else if (name === "col") {
      const min = Number(attrs.min);
      const max = Number(attrs.max);
      if (!(Number.isInteger(min) && Number.isInteger(max) && min >= 1 && max >= min && min <= MAX_COL)) return;
      const chars = sane(attrs.width, 0, 255);
      const width = chars !== undefined ? widthPoints(chars, this.style.fontSize) : undefined;
      const hidden = on(attrs.hidden);
      if (width !== undefined || hidden) this.cols.push({ min, max: Math.min(max, MAX_COL), ...(width !== undefined ? { width } : {}), ...(hidden ? { hidden } : {}) });
    }
  }

  row(row: number, ht: string | undefined, customHeight: string | undefined, hidden: string | undefined): void {
    if (!(Number.isInteger(row) && row >= 1 && row <= MAX_ROW)) return;
    const height = sane(ht, 0, 409);
    if (height === undefined && !on(hidden)) return;
    this.rows.push({ row, ...(height !== undefined ? { height } : {}), ...(on(customHeight) ? { fixed: true } : {}), ...(on(hidden) ? { hidden: true } : {}) });
  }

  layout(print: { area: string[] | null; titleRows: PageSetup["titleRows"] }): SheetLayout {
    const fs = this.style.fontSize;
    const mdw = digitWidth(fs);
    const defaultColWidth = this.defaultColWidth !== null && this.defaultColWidth > 0 ? widthPoints(this.defaultColWidth, fs) : Math.ceil((this.baseColWidth * mdw + 5) / 8) * 8 * 0.75;
    const inch = (k: string, d: number) => (sane(this.margins[k], 0, 100) ?? d) * 72;
    const num = (k: string, d: number) => (this.setup[k] !== undefined && Number.isFinite(Number(this.setup[k])) ? Number(this.setup[k]) : d);
    const scale = num("scale", 100);
    return {
      fontSize: fs,
      defaultColWidth,
      defaultRowHeight: this.defaultRowHeight ?? Math.round(fs * 1.3 * 4) / 4,
      cols: this.cols,
      rows: this.rows,
      wrapped: this.wrapped,
      page: {
        orientation: this.setup.orientation === "landscape" ? "landscape" : "portrait",
        // A sheet that never had its page set up prints on the printer's paper: A4 in China.
        paperSize: Math.trunc(sane(this.setup.paperSize, 1, 255) ?? 9),
        scale: scale >= 10 && scale <= 400 ? scale : 100,
        // Excel's own bounds: 0 (automatic) to 32767 pages.
        fitTo: this.fitToPage ? { width: Math.trunc(sane(this.setup.fitToWidth, 0, 32_767) ?? 1), height: Math.trunc(sane(this.setup.fitToHeight, 0, 32_767) ?? 1) } : null,
        margins: { left: inch("left", 0.7), right: inch("right", 0.7), top: inch("top", 0.75), bottom: inch("bottom", 0.75) },
        printArea: print.area,
        titleRows: print.titleRows,
      },
    };
  }
}

/** The ranges of a defined name's formula that are on the sheet (`'表 1'!$A$1:$J$40,'表 1'!$1:$3`), without the sheet. */
function rangesOf(formula: string): string[] {
  const out: string[] = [];
  for (const part of formula.match(/(?:'(?:[^']|'')*'|[^,'])+/g) ?? []) {
    const bang = part.lastIndexOf("!");
    const ref = (bang >= 0 ? part.slice(bang + 1) : part).trim();
    const bare = ref.replace(/\$/g, "").toUpperCase();
    // A cell, a range, whole columns or whole rows of this sheet; anything else (#REF!, a name) is not an area.
    if (/^[A-Z]{1,3}[1-9]\d*(:[A-Z]{1,3}[1-9]\d*)?$|^[A-Z]{1,3}:[A-Z]{1,3}$|^[1-9]\d*:[1-9]\d*$/.test(bare)) out.push(bare);
  }
  return out;
}

/** Print areas and print titles, by the sheet's index in the workbook (`localSheetId`). */
export function printNamesOf(workbookXml: string): Map<number, { area: string[] | null; titleRows: PageSetup["titleRows"] }> {
  const out = new Map<number, { area: string[] | null; titleRows: PageSetup["titleRows"] }>();
  const root = rootOf(workbookXml);
  const names = childrenOf(workbookXml, root).find((c) => c.name === "definedNames");
  if (!names) return out;
  const get = (i: number) => {
    let x = out.get(i);
    if (!x) out.set(i, (x = { area: null, titleRows: null }));
    return x;
  };
  for (const d of childrenOf(workbookXml, names)) {
    if (d.name !== "definedName") continue;
    const name = (attr(workbookXml, d, "name") ?? "").toLowerCase();
    const id = Number(attr(workbookXml, d, "localSheetId"));
    if (!Number.isInteger(id) || id < 0) continue;
    const formula = textOf(workbookXml, d);
    if (name === "_xlnm.print_area") {
      const area = rangesOf(formula);
      if (area.length > 0) get(id).area = area;
    } else if (name === "_xlnm.print_titles") {
      for (const r of rangesOf(formula)) {
        const m = /^(\d+):(\d+)$/.exec(r);
        const inRows = (v: string) => Number(v) >= 1 && Number(v) <= MAX_ROW;
        if (m && inRows(m[1]) && inRows(m[2])) get(id).titleRows = { first: Math.min(Number(m[1]), Number(m[2])), last: Math.max(Number(m[1]), Number(m[2])) };
      }
    }
  }
  return out;
}
