import { evaluateFormula, FormulaError, UnsupportedFormula } from "../core/formula";
import { cellKey, type Scalar, type SheetState } from "./state";

/** A formula's result on this sheet; "#NAME?" for what the core's evaluator does not know. */
export function evaluate(sheet: SheetState, formula: string): Scalar {
  try {
    const v = evaluateFormula(formula, { cell: (r, c) => sheet.cells.get(cellKey(r, c))?.value ?? null });
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

