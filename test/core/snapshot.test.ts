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

// The layout's lists (its columns, its rows) are checked by a loop too: held to zod's own object
// schemas for them, as the snapshot declared them before, over entries holding anything.
import * as z from "zod/mini";
import { validLayout, type SheetLayout } from "../../src/core/snapshot";

const ZOD_COLS = z.array(z.object({ min: z.int().check(z.gte(1)), max: z.int().check(z.gte(1)), width: z.optional(z.number().check(z.gte(0))), hidden: z.optional(z.boolean()) }));
const ZOD_ROWS = z.array(z.object({ row: z.int().check(z.gte(1)), height: z.optional(z.number().check(z.gte(0))), fixed: z.optional(z.boolean()), hidden: z.optional(z.boolean()) }));

const field = fc.oneof(
  fc.integer({ min: -2, max: 400 }),
  fc.double(),
  fc.boolean(),
  fc.constantFrom(undefined, null, NaN, Infinity, -Infinity, -0, 0, 2 ** 53, 1.5, "3", {}, []),
);
/** A valid entry with none, one or two of its keys spoiled (set to anything, or left out), or not an entry at all. */
const entry = (valid: fc.Arbitrary<Record<string, unknown>>, keys: string[]) =>
  fc.oneof(
    { weight: 10, arbitrary: fc.tuple(valid, fc.array(fc.tuple(fc.constantFrom(...keys), fc.option(field, { nil: "leave out" as const })), { maxLength: 2 })).map(([e, spoil]) => {
      const out: Record<string, unknown> = { ...e };
      for (const [k, v] of spoil) if (v === "leave out") delete out[k]; else out[k] = v;
      return out;
    }) },
    { weight: 1, arbitrary: fc.constantFrom(null, 3, "row", [], undefined) },
  );
const size = fc.option(fc.double({ min: 0, max: 400, noNaN: true }), { nil: undefined });
const flag = fc.option(fc.boolean(), { nil: undefined });
const COL = fc.record({ min: fc.integer({ min: 1, max: 50 }), max: fc.integer({ min: 1, max: 50 }), width: size, hidden: flag });
const ROW = fc.record({ row: fc.integer({ min: 1, max: 5000 }), height: size, fixed: flag, hidden: flag });
const okLayout = (cols: unknown, rows: unknown) => ({ fontSize: 11, defaultColWidth: 8.43, defaultRowHeight: 15, cols, rows, wrapped: [], page: null }) as unknown as SheetLayout;

test("a layout's columns and rows pass exactly where zod's object schemas pass them", () => {
  fc.assert(
    fc.property(fc.array(entry(COL, ["min", "max", "width", "hidden"]), { maxLength: 4 }), fc.array(entry(ROW, ["row", "height", "fixed", "hidden"]), { maxLength: 4 }), (cols, rows) => {
      expect(validLayout(okLayout(cols, []))).toBe(ZOD_COLS.safeParse(cols).success);
      expect(validLayout(okLayout([], rows))).toBe(ZOD_ROWS.safeParse(rows).success);
    }),
    { numRuns: 3000 },
  );
  expect(validLayout(okLayout([{ min: 1, max: 2, width: 10 }], [{ row: 2, height: 20, fixed: true }]))).toBe(true);
  expect(validLayout(okLayout("cols", []))).toBe(false);
  expect(validLayout(okLayout([], [{ row: 2, height: Infinity }]))).toBe(false);
});
