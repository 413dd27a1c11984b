// src/core/recalc.ts as it was before it kept its cells' states by row in typed arrays (a map of every
// formula cell before): the oracle test/core/recalc.test.ts holds the new one to.
import { toA1 } from "../../../src/core/address";
import { evaluateFormula, FormulaError, UnsupportedFormula } from "../../../src/core/formula";
import { displayText } from "../../../src/core/numberFormat";
import type { CellValue, SheetSnapshot } from "../../../src/core/snapshot";

/**
 * Formula results the engine can trust (issue 15 §3). A stored result is checked as written; where a
 * file stores none (a writer that never calculates) or a stale one (a workbook asking to be
 * recalculated on opening, as a filled copy does), the engine computes the formula itself, for the
 * formulas forms use. What it cannot compute is listed, so that no figure there is reported wrong on
 * a guess: the rule formula-unchecked says which cells were not checked.
 */
interface Recalculated {
  snapshot: SheetSnapshot;
  /** Formula cells whose result is unknown: none stored (or a stale one) and beyond the evaluator. */
  unknown: string[];
}

/**
 * Formulas followed into one another at most this deep. A form's are a few deep (a score over its
 * weight, a total over the scores); a workbook whose 20,000 rows each add the next row's result ran
 * the check out of stack ("Maximum call stack size exceeded"). Each level is some fifteen frames of
 * the evaluator: 2,000 levels overflowed under the tests' runner, 1,000 did not; half that is kept.
 */
const MAX_DEPTH = 500;

const ERROR_TEXT = /^#(DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|NULL!|SPILL!|CALC!)$/;

export function recalculateBefore(snap: SheetSnapshot): Recalculated {
  const stale = snap.recalculatesOnLoad === true;
  const { row: top, col: left } = snap.origin;
  const needs: Array<{ i: number; j: number }> = [];
  // Indexed loops: a callback made for each of thousands of rows, every read of a sheet.
  const formulas = snap.formulas;
  for (let i = 0; i < formulas.length; i++) {
    const line = formulas[i];
    for (let j = 0; j < line.length; j++) {
      const f = line[j];
      if (f !== null && f !== undefined && (stale || snap.values[i]?.[j] === null)) needs.push({ i, j });
    }
  }
  if (needs.length === 0) return { snapshot: snap, unknown: [] };

  // Only the rows holding a formula to compute are copied: no other cell is written.
  const values = snap.values.slice();
  const text = snap.text.slice();
  for (const i of new Set(needs.map((n) => n.i))) {
    values[i] = [...(snap.values[i] ?? [])];
    text[i] = [...(snap.text[i] ?? [])];
  }
  // 0: not yet, 1: being computed (a cycle if met again), 2: done, 3: unknown.
  const state = new Map<number, number>();
  const key = (i: number, j: number) => i * 16_384 + j;
  for (const n of needs) state.set(key(n.i, n.j), 0);
  const unknown: string[] = [];
  // How many formulas wait on the one computed now: a chain deeper than MAX_DEPTH (each row adding
  // the next row's total) is left unknown, not followed until the stack runs out.
  let depth = 0;

  const compute = (i: number, j: number): CellValue => {
    const k = key(i, j);
    const s = state.get(k);
    if (s === undefined || s === 2) return values[i]?.[j] ?? null;
    if (s === 1 || s === 3) throw new UnsupportedFormula("a cycle or an unknown input");
    if (depth >= MAX_DEPTH) throw new UnsupportedFormula("a chain of formulas too deep to follow");
    state.set(k, 1);
    depth++;
    try {
      const v = evaluateFormula(snap.formulas[i][j]!, {
        cell: (r, c) => {
          const ii = r - top;
          const jj = c - left;
          if (ii < 0 || jj < 0 || ii >= values.length) return null;
          const x = compute(ii, jj);
          if (typeof x === "string" && ERROR_TEXT.test(x)) throw new UnsupportedFormula("an error in an input");
          return x;
        },
      });
      const value: CellValue = v instanceof FormulaError ? v.code : typeof v === "number" && !Number.isFinite(v) ? "#NUM!" : v;
      values[i][j] = value === "" ? null : value;
      text[i][j] = displayText(values[i][j], snap.numberFormats[i]?.[j]);
      state.set(k, 2);
      return values[i][j];
    } catch (e) {
      if (!(e instanceof UnsupportedFormula)) throw e;
      state.set(k, 3);
      unknown.push(toA1(top + i, left + j));
      throw e;
    } finally {
      depth--;
    }
  };
  for (const n of needs) {
    try {
      compute(n.i, n.j);
    } catch (e) {
      if (!(e instanceof UnsupportedFormula)) throw e;
    }
  }
  return { snapshot: { ...snap, values, text }, unknown: [...new Set(unknown)] };
}
