import ExcelJS from "exceljs";
import { noteText } from "./cells";
import { isOwnFormula, markFormula, MARK_COLORS, NOTE_PREFIX, type WritePlan } from "../core/plan";

type CfRule = { type?: string; formulae?: string[]; priority?: number };
type Cf = { ref: string; rules: CfRule[] };

function argb(hex: string): string {
  return `FF${hex.replace("#", "").toUpperCase()}`;
}

/** Truly empty: a cell holding only a space or a tab holds what a person typed, and is kept. */
function isEmptyCell(cell: ExcelJS.Cell): boolean {
  if (cell.type === ExcelJS.ValueType.Merge) return false;
  const v = cell.value as unknown;
  return v === null || v === undefined || v === "";
}


/** Remove the add-in's own marks (tagged rules, prefixed notes) from a sheet; the user's stay. */
export function clearMarks(ws: ExcelJS.Worksheet): number {
  let removed = 0;
  const cfs = ((ws as unknown as { conditionalFormattings?: Cf[] }).conditionalFormattings ?? []) as Cf[];
  const kept: Cf[] = [];
  for (const cf of cfs) {
    const rules = cf.rules.filter((r) => !(r.formulae ?? []).some((f) => isOwnFormula(f)));
    removed += cf.rules.length - rules.length;
    if (rules.length > 0) kept.push({ ...cf, rules });
  }
  (ws as unknown as { conditionalFormattings: Cf[] }).conditionalFormattings = kept;
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (noteText(cell).startsWith(NOTE_PREFIX.zh)) {
        cell.note = undefined as unknown as string;
        removed++;
      }
    });
  });
  return removed;
}

export interface ApplyReport {
  written: string[];
  /** Writes refused because the cell was no longer empty (typed into or a formula). */
  skipped: string[];
}

/**
 * Apply a plan to a worksheet: values only into empty cells, marks as conditional formats that
 * clear themselves, notes only where the user has none. Running it twice gives the same sheet.
 */
export function applyPlan(ws: ExcelJS.Worksheet, plan: WritePlan): ApplyReport {
  const report: ApplyReport = { written: [], skipped: [] };
  for (const w of plan.writes) {
    const cell = ws.getCell(w.cell);
    if (!isEmptyCell(cell) || cell.formula) {
      report.skipped.push(w.cell);
      continue;
    }
    cell.value = w.value;
    // ExcelJS shares one style object among the cells that had the same style in the file: setting
    // cell.numFmt would change the format of all of them. This cell gets a style of its own.
    if (w.numberFormat) cell.style = { ...cell.style, numFmt: w.numberFormat };
    report.written.push(w.cell);
  }
  clearMarks(ws);
  let priority = 1;
  for (const m of plan.marks) {
    const color = MARK_COLORS[m.severity];
    ws.addConditionalFormatting({
      ref: m.cell,
      rules: [
        {
          type: "expression",
          priority: priority++,
          formulae: [markFormula(m.cell, m.condition).slice(1)],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(color.fill) } },
            font: { color: { argb: argb(color.font) } },
          },
        } as unknown as ExcelJS.ConditionalFormattingRule,
      ],
    });
    const cell = ws.getCell(m.cell);
    if (noteText(cell) === "") cell.note = `${NOTE_PREFIX.zh}${m.note.zh}`;
  }
  return report;
}
