import type { Element } from "./xml";
import type { XmlScanner } from "./xmlScan";

/** A row number as the reader and the fill's edit both read it: digits only (Number and parseInt agree). */
const DIGITS = /^[0-9]+$/;

/**
 * Where each row and cell of a sheet stands in its part's text, noted by the package reader as it
 * walks the sheet for a fill (asked for by OpenedWorkbook.cellSpans): the fill then edits the written
 * cells where they stand, without walking the sheet's XML a second time (on a 5,000-row form that
 * walk was most of the package edit). Only what the reader and the edit read alike is noted: where
 * they could differ (a row number or a cell reference written otherwise than writers write them, two
 * sheetData, rows or cells of different prefixes) it is not `usable`, and the edit walks the sheet.
 */
export class CellSpans {
  usable = true;
  /** The worksheet element and its children, as the XML layer lists them (so it need not walk the sheet to list them). */
  root: Element | null = null;
  readonly children: Element[] = [];
  /** Where the (first) sheetData starts and ends (-1 until met). */
  dataStart = -1;
  dataEnd = -1;
  /** Every row's qualified name (`row`, `x:row`), the same for all. */
  rowQname: string | null = null;
  /** Rows in document order: their numbers, start tags, ends, where their content ends, and their first cell. */
  readonly rowNumber: number[] = [];
  readonly rowStart: number[] = [];
  readonly rowTagEnd: number[] = [];
  readonly rowEnd: number[] = [];
  readonly rowContentEnd: number[] = [];
  readonly rowSelfClosing: boolean[] = [];
  readonly rowFirstCell: number[] = [];
  /** Cells in document order, three numbers each (column, start, end), in a buffer grown as needed: an array push per number cost a sheet's read a sixth more. */
  private cells = new Int32Array(3 * 256);
  /** How many cells are noted. */
  cellCount = 0;

  cellCol(k: number): number {
    return this.cells[3 * k];
  }

  cellStart(k: number): number {
    return this.cells[3 * k + 1];
  }

  cellEnd(k: number): number {
    return this.cells[3 * k + 2];
  }

  /** The scanner on the root's start tag, or on one of its children's. */
  opened(sc: XmlScanner, depth: number): void {
    const el: Element = { qname: sc.qname, name: sc.name, start: sc.start, tagEnd: sc.end, end: sc.end, selfClosing: sc.selfClosing, contentEnd: sc.end };
    if (depth === 1) this.root ??= el;
    else this.children.push(el);
  }

  /** The scanner on the end tag of the root (depth 1) or of the child last opened (depth 2). */
  closed(sc: XmlScanner, depth: number): void {
    const el = depth === 1 ? this.root : this.children[this.children.length - 1];
    if (!el || (depth === 1 && this.rootClosed)) return;
    if (depth === 1) this.rootClosed = true;
    el.end = sc.end;
    el.contentEnd = el.selfClosing ? el.tagEnd : sc.start;
  }

  private rootClosed = false;

  /** The scanner on sheetData's start tag. */
  data(sc: XmlScanner): void {
    if (this.dataStart >= 0) this.usable = false;
    else this.dataStart = sc.start;
  }

  /** The scanner on sheetData's end (a self-closing one's too). */
  dataClosed(sc: XmlScanner): void {
    if (this.dataEnd < 0) this.dataEnd = sc.end;
  }

  /** The scanner on a row's start tag; `r` as written, and the number the reader gave the row. */
  row(sc: XmlScanner, r: string | undefined, n: number): void {
    if ((r !== undefined && !DIGITS.test(r)) || (this.rowQname !== null && this.rowQname !== sc.qname)) this.usable = false;
    this.rowQname ??= sc.qname;
    this.rowNumber.push(n);
    this.rowStart.push(sc.start);
    this.rowTagEnd.push(sc.end);
    this.rowSelfClosing.push(sc.selfClosing);
    this.rowFirstCell.push(this.cellCount);
    // Filled in when the row closes.
    this.rowEnd.push(sc.end);
    this.rowContentEnd.push(sc.end);
  }

  /** The scanner on a row's end tag (a self-closing row's too). */
  rowClosed(sc: XmlScanner): void {
    const i = this.rowNumber.length - 1;
    if (i < 0) return;
    this.rowEnd[i] = sc.end;
    this.rowContentEnd[i] = this.rowSelfClosing[i] ? this.rowTagEnd[i] : sc.start;
  }

  /** A cell from `start` to `end`, at column `col` (0: its reference was read otherwise than the edit reads it). */
  cell(start: number, end: number, col: number): void {
    if (col === 0) this.usable = false;
    let cells = this.cells;
    const at = 3 * this.cellCount++;
    if (at + 3 > cells.length) {
      cells = new Int32Array(cells.length * 2);
      cells.set(this.cells);
      this.cells = cells;
    }
    cells[at] = col;
    cells[at + 1] = start;
    cells[at + 2] = end;
  }
}
