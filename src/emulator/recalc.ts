import { parseRange, toA1 } from "../core/address";
import { evaluateFormula, FormulaError, UnsupportedFormula } from "./formula";
import { cellKey, type Scalar, type SheetState } from "./state";

/**
 * SUM over cells and ranges written as N(…)+N(…), which the emulator's evaluator (made for the
 * add-in's rule formulas: no ranges, no SUM) knows; N gives 0 for text and blanks, as SUM skips them.
 * Anything else inside SUM is left as it is (and stays unsupported).
 */
export function expandSums(formula: string): string {
  return formula.replace(/\bSUM\(([^()]*)\)/gi, (whole, args: string) => {
    const terms: string[] = [];
    for (const arg of args.split(",")) {
      const m = /^\s*([A-Z]{1,3}\d+)(?::([A-Z]{1,3}\d+))?\s*$/i.exec(arg.replace(/\$/g, ""));
      if (!m) return whole;
      const r = parseRange(m[2] ? `${m[1]}:${m[2]}` : m[1]);
      if ((r.bottom - r.top + 1) * (r.right - r.left + 1) > 5000) return whole;
      for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) terms.push(`N(${toA1(row, col)})`);
    }
    return `(${terms.join("+") || "0"})`;
  });
}

/** A formula's result on this sheet; "#NAME?" for what the emulator's small evaluator does not know. */
export function evaluate(sheet: SheetState, formula: string): Scalar {
  try {
    const v = evaluateFormula(expandSums(formula), { cell: (r, c) => sheet.cells.get(cellKey(r, c))?.value ?? null });
    return v instanceof FormulaError ? v.code : v;
  } catch (e) {
    if (e instanceof UnsupportedFormula) return "#NAME?";
    throw e;
  }
}

/**
 * Recalculate the sheet's formulas after its values changed, as Excel does in automatic calculation
 * mode; the emulator calls it after every batch and every edit, so a =SUM total follows the scores
 * the add-in fills. A formula beyond the small evaluator keeps its cached result.
 * True when a result changed.
 */
export function recalculate(sheet: SheetState): boolean {
  const formulas = [...sheet.cells.keys()].filter((k) => sheet.cells.get(k)!.formula !== null).sort((a, b) => a - b);
  let any = false;
  for (let pass = 0; pass < 3 && formulas.length > 0; pass++) {
    let changed = false;
    for (const key of formulas) {
      const c = sheet.cells.get(key)!;
      const v = evaluate(sheet, c.formula!);
      if (v === "#NAME?" || v === c.value) continue;
      sheet.cells.set(key, { ...c, value: v });
      changed = true;
      any = true;
    }
    if (!changed) break;
  }
  return any;
}

