// The snapshot's boundary check (src/core/snapshot.ts): every adapter's snapshot is validated once
// as it enters the engine. Its grids are checked by a tight inline loop; here against the rule as a
// plain predicate per cell, over generated grids holding anything (NaN, undefined, holes, objects).
import fc from "fast-check";
import { validSnapshot, type SheetSnapshot } from "../../src/core/snapshot";

/** The rule, said plainly: what each grid's cells may hold; a hole passes. */
const RULE: Record<"values" | "text" | "numberFormats" | "formulas", (v: unknown) => boolean> = {
  values: (v) => v === null || typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && !Number.isNaN(v)),
  text: (v) => typeof v === "string",
  numberFormats: (v) => typeof v === "string",
  formulas: (v) => v === null || typeof v === "string",
};

const anything = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 3 }) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(undefined, NaN, {}, [], 1n, Symbol.for("x")) },
);

/** A row of cells, some of them holes (never written). */
const row = fc.array(fc.tuple(anything, fc.boolean()), { maxLength: 4 }).map((cells) => {
  const out: unknown[] = new Array(cells.length);
  cells.forEach(([v, hole], j) => {
    if (!hole) out[j] = v;
  });
  return out;
});

const ok = (g: unknown[][], rule: (v: unknown) => boolean) => g.every((r) => r.every(rule));

test("a grid passes when each of its cells holds what the grid may hold, holes included", () => {
  fc.assert(
    fc.property(fc.constantFrom("values", "text", "numberFormats", "formulas"), fc.array(row, { minLength: 1, maxLength: 3 }), (key, tested) => {
      const plain = (fill: unknown) => Array.from({ length: tested.length }, () => [fill]);
      const snap = {
        name: "表1",
        origin: { row: 1, col: 1 },
        values: plain(null),
        text: plain(""),
        numberFormats: plain("General"),
        formulas: plain(null),
        merges: [],
        [key]: tested,
      } as unknown as SheetSnapshot;
      const accepted = (() => {
        try {
          validSnapshot(snap);
          return true;
        } catch {
          return false;
        }
      })();
      expect(accepted).toBe(ok(tested, RULE[key]));
    }),
    { numRuns: 2000 },
  );
});

test("a grid that is not an array of arrays is refused", () => {
  const base = { name: "表1", origin: { row: 1, col: 1 }, values: [[1]], text: [["1"]], numberFormats: [["General"]], formulas: [[null]], merges: [] };
  expect(() => validSnapshot(base as SheetSnapshot)).not.toThrow();
  for (const bad of [{ values: [1] }, { text: "1" }, { formulas: [[null], null] }, { numberFormats: null }]) {
    expect(() => validSnapshot({ ...base, ...bad } as unknown as SheetSnapshot)).toThrow();
  }
});
