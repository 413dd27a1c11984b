import ExcelJS from "exceljs";
import { parseRange, toA1 } from "../../src/core/address";
import { formatNumber } from "../../src/core/numberFormat";
import type { CellValue, SheetSnapshot } from "../../src/core/snapshot";

interface Entry {
  value: CellValue;
  format?: string;
  formula?: string;
}

/** Builds a sheet cell by cell, as a snapshot (what the hosts produce) or as a real workbook. */
export class SheetBuilder {
  private cells = new Map<string, Entry & { row: number; col: number }>();
  readonly merges: string[] = [];

  constructor(readonly name = "绩效自评表") {}

  set(row: number, col: number, value: CellValue, opts: { format?: string; formula?: string } = {}): this {
    this.cells.set(`${row},${col}`, { row, col, value, ...opts });
    return this;
  }

  merge(range: string): this {
    this.merges.push(range);
    return this;
  }

  get(row: number, col: number): Entry | undefined {
    return this.cells.get(`${row},${col}`);
  }

  toSnapshot(): SheetSnapshot {
    const entries = [...this.cells.values()];
    let bottom = 1;
    let right = 1;
    for (const e of entries) {
      bottom = Math.max(bottom, e.row);
      right = Math.max(right, e.col);
    }
    for (const m of this.merges) {
      const r = parseRange(m);
      bottom = Math.max(bottom, r.bottom);
      right = Math.max(right, r.right);
    }
    const values: CellValue[][] = [];
    const text: string[][] = [];
    const numberFormats: string[][] = [];
    const formulas: Array<Array<string | null>> = [];
    for (let r = 1; r <= bottom; r++) {
      values.push(new Array(right).fill(null));
      text.push(new Array(right).fill(""));
      numberFormats.push(new Array(right).fill("General"));
      formulas.push(new Array(right).fill(null));
    }
    for (const e of entries) {
      const i = e.row - 1;
      const j = e.col - 1;
      values[i][j] = e.value;
      numberFormats[i][j] = e.format ?? "General";
      formulas[i][j] = e.formula ?? null;
      text[i][j] = e.value === null ? "" : typeof e.value === "number" ? formatNumber(e.value, e.format) : String(e.value);
    }
    return { name: this.name, origin: { row: 1, col: 1 }, values, text, numberFormats, formulas, merges: [...this.merges] };
  }

  addTo(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
    const ws = wb.addWorksheet(this.name);
    for (const e of this.cells.values()) {
      const cell = ws.getCell(toA1(e.row, e.col));
      cell.value = e.formula ? ({ formula: e.formula.replace(/^=/, ""), result: e.value ?? undefined } as ExcelJS.CellFormulaValue) : e.value;
      if (e.format) cell.numFmt = e.format;
    }
    for (const m of this.merges) ws.mergeCells(m);
    return ws;
  }

  async toBuffer(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    this.addTo(wb);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
}
