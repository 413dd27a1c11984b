import fc from "fast-check";
import { recalculate } from "../../src/core/recalc";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { recalculateBefore } from "./oracle/recalcBefore";

/**
 * recalculate held to itself as it was (test/core/oracle/recalcBefore.ts) on generated sheets whose
 * formulas read one another: chains, cycles, errors, formulas beyond the evaluator, stored results
 * kept or stale, rows of unequal length, an origin other than A1. The same values, texts and unknown cells.
 */

const COLS = ["A", "B", "C", "D", "E"];

const formula = (rows: number, top: number, left: number) => {
  const ref = fc.tuple(fc.integer({ min: 0, max: rows + 1 }), fc.integer({ min: 0, max: COLS.length })).map(([r, c]) => `${COLS[Math.min(c, COLS.length - 1)]}${Math.max(1, top + r - 1)}`);
  return fc.oneof(
    fc.tuple(ref, fc.constantFrom("+", "*", "-", "/", "&"), ref).map(([a, op, b]) => `=${a}${op}${b}`),
    fc.tuple(ref, ref).map(([a, b]) => `=SUM(${a}:${b})`),
    fc.tuple(ref, fc.integer({ min: 0, max: 3 })).map(([a, d]) => `=ROUND(${a}*0.9,${d})`),
    fc.tuple(ref, ref).map(([a, b]) => `=IF(${a}>${b},${a},"")`),
    ref.map((a) => `=${a}`),
    ref.map((a) => `=VLOOKUP(${a},A1:B2,2)`),
    fc.constantFrom("=1/0", '="#N/A"', "=2^2000", "=1+", `=${String.fromCharCode(65 + left - 1)}${top}`),
  );
};

const sheet = fc
  .record({ rows: fc.integer({ min: 1, max: 8 }), top: fc.integer({ min: 1, max: 3 }), left: fc.integer({ min: 1, max: 2 }), stale: fc.boolean() })
  .chain(({ rows, top, left, stale }) =>
    fc
      .array(
        fc.array(
          fc.oneof(
            fc.constant({ f: null, v: null }),
            fc.double({ min: -100, max: 100, noNaN: true }).map((v) => ({ f: null, v })),
            fc.constantFrom("达成", "#DIV/0!", "").map((v) => ({ f: null, v: v === "" ? null : v })),
            formula(rows, top, left).map((f) => ({ f, v: null })),
            formula(rows, top, left).map((f) => ({ f, v: 7 })),
          ),
          { minLength: 1, maxLength: COLS.length },
        ),
        { minLength: rows, maxLength: rows },
      )
      .map((cells): SheetSnapshot => ({
        name: "s",
        origin: { row: top, col: left },
        values: cells.map((line) => line.map((c) => c.v)),
        text: cells.map((line) => line.map((c) => (c.v === null ? "" : String(c.v)))),
        formulas: cells.map((line) => line.map((c) => c.f)),
        numberFormats: cells.map((line) => line.map(() => "0.00")),
        merges: [],
        ...(stale ? { recalculatesOnLoad: true } : {}),
      })),
  );

test("generated sheets of formulas reading one another compute as before", () => {
  fc.assert(
    fc.property(sheet, (s) => {
      const now = recalculate(s);
      const was = recalculateBefore(s);
      expect(now.unknown).toEqual(was.unknown);
      expect(now.snapshot.values).toEqual(was.snapshot.values);
      expect(now.snapshot.text).toEqual(was.snapshot.text);
      // The sheet given is never changed.
      expect(s.values.flat().every((v) => v === null || typeof v === "number" || typeof v === "string")).toBe(true);
    }),
    { numRuns: 3000 },
  );
});

test("a cycle and an input beyond the evaluator are unknown; what depends on them too; the rest computed", () => {
  const s: SheetSnapshot = {
    name: "s",
    origin: { row: 1, col: 1 },
    values: [[1, null, null, null]],
    text: [["1", "", "", ""]],
    formulas: [[null, "=C1+1", "=B1+1", "=A1*2"]],
    numberFormats: [["General", "General", "General", "General"]],
    merges: [],
  };
  const r = recalculate(s);
  expect(r.unknown).toEqual(["C1", "B1"]);
  expect(r.snapshot.values[0]).toEqual([1, null, null, 2]);
  expect(r.snapshot.text[0][3]).toBe("2");
  expect(s.values[0]).toEqual([1, null, null, null]);
});
