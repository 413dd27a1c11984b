import { toA1 } from "./address";
import { evaluateFormula, FormulaError, UnsupportedFormula } from "./formula";
import { displayText } from "./numberFormat";
import type { CellValue, SheetSnapshot } from "./snapshot";

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

/** A cell's state in recalculate: not a formula computed here, waiting, being computed (a cycle if met again), done, unknown. */
const NOT_COMPUTED = 0;
const WAITING = 1;
const COMPUTING = 2;
const DONE = 3;
const UNKNOWN = 4;

export function recalculate(snap: SheetSnapshot): Recalculated {
  const stale = snap.recalculatesOnLoad === true;
  const { row: top, col: left } = snap.origin;
  // Each row's cells' states, for the rows holding a formula to compute: a map of every such cell,
  // filled and looked up, was most of what a file of thousands of formulas without results cost here.
  const formulas = snap.formulas;
  const state: Array<Uint8Array | null> = new Array(formulas.length).fill(null);
  let waiting = 0;
  // Indexed loops: a callback made for each of thousands of rows, every read of a sheet.
  for (let i = 0; i < formulas.length; i++) {
    const line = formulas[i];
    for (let j = 0; j < line.length; j++) {
      const f = line[j];
      if (f !== null && f !== undefined && (stale || snap.values[i]?.[j] === null)) {
        (state[i] ??= new Uint8Array(line.length))[j] = WAITING;
        waiting++;
      }
    }
  }
  if (waiting === 0) return { snapshot: snap, unknown: [] };

  // Only the rows holding a formula to compute are copied: no other cell is written.
  const values = snap.values.slice();
  const text = snap.text.slice();
  for (let i = 0; i < state.length; i++) {
    if (state[i] === null) continue;
    values[i] = [...(snap.values[i] ?? [])];
    text[i] = [...(snap.text[i] ?? [])];
  }
  const unknown: string[] = [];
  // How many formulas wait on the one computed now: a chain deeper than MAX_DEPTH (each row adding
  // the next row's total) is left unknown, not followed until the stack runs out.
  let depth = 0;

  const compute = (i: number, j: number): CellValue => {
    const row = state[i];
    const s = row?.[j] ?? NOT_COMPUTED;
    if (s === NOT_COMPUTED || s === DONE) return values[i]?.[j] ?? null;
    if (s === COMPUTING || s === UNKNOWN) throw new UnsupportedFormula("a cycle or an unknown input");
    if (depth >= MAX_DEPTH) throw new UnsupportedFormula("a chain of formulas too deep to follow");
    row![j] = COMPUTING;
    depth++;
    try {
      const v = evaluateFormula(snap.formulas[i][j]!, env);
      const value: CellValue = v instanceof FormulaError ? v.code : typeof v === "number" && !Number.isFinite(v) ? "#NUM!" : v;
      values[i][j] = value === "" ? null : value;
      text[i][j] = displayText(values[i][j], snap.numberFormats[i]?.[j]);
      row![j] = DONE;
      return values[i][j];
    } catch (e) {
      if (!(e instanceof UnsupportedFormula)) throw e;
      row![j] = UNKNOWN;
      unknown.push(toA1(top + i, left + j));
      throw e;
    } finally {
      depth--;
    }
  };
  // One reader of the sheet for every formula (not a closure made for each).
  const env = {
    cell: (r: number, c: number): CellValue => {
      const ii = r - top;
      const jj = c - left;
      if (ii < 0 || jj < 0 || ii >= values.length) return null;
      const x = compute(ii, jj);
      if (typeof x === "string" && ERROR_TEXT.test(x)) throw new UnsupportedFormula("an error in an input");
      return x;
    },
  };
  for (let i = 0; i < state.length; i++) {
    const row = state[i];
    if (row === null) continue;
    for (let j = 0; j < row.length; j++) {
      if (row[j] !== WAITING) continue;
      try {
        compute(i, j);
      } catch (e) {
        if (!(e instanceof UnsupportedFormula)) throw e;
      }
    }
  }
  return { snapshot: { ...snap, values, text }, unknown: [...new Set(unknown)] };
}
