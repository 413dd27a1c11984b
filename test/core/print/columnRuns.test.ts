// SheetGeometry reads a column's width from runs of columns (ColumnRuns), not from a map of every
// column a `<col>` entry covers (16,384 entries for `min="9" max="16384"`, for every reading of the
// sheet). Held here equal to that map over generated lists: ordered as the schema has them, and out
// of order, overlapping, empty and past the last column as a damaged file may.
import fc from "fast-check";
import { ColumnRuns } from "../../../src/core/print/columnRuns";
import { SheetGeometry } from "../../../src/core/print/geometry";
import type { SheetLayout } from "../../../src/core/snapshot";

type Col = SheetLayout["cols"][number];

/** The map the geometry held before (src/core/print/geometry.ts): each covered column set, a later entry over an earlier. */
function referenceMap(cols: readonly Col[]): Map<number, Col> {
  const m = new Map<number, Col>();
  for (const c of cols) for (let col = c.min; col <= Math.min(c.max, c.min + 16_384); col++) m.set(col, c);
  return m;
}

const entry = (bound: number) =>
  fc
    .record({
      min: fc.integer({ min: 1, max: bound }),
      span: fc.integer({ min: -2, max: bound }),
      width: fc.option(fc.constantFrom(0, 5.25, 9, 13.5, 48.75, 0.1), { nil: undefined }),
      hidden: fc.option(fc.boolean(), { nil: undefined }),
    })
    .map(({ min, span, width, hidden }): Col => ({ min, max: Math.max(1, min + span), ...(width !== undefined ? { width } : {}), ...(hidden !== undefined ? { hidden } : {}) }));

/** An ordered list as a writer leaves it: ascending, none overlapping, often one to the sheet's last column. */
const orderedList = fc
  .array(fc.record({ gap: fc.integer({ min: 0, max: 4 }), len: fc.integer({ min: 1, max: 6 }), width: fc.constantFrom(3.5, 9, 13.5, 0.1), hidden: fc.boolean() }), { maxLength: 12 })
  .chain((runs) =>
    fc.boolean().map((toEnd) => {
      const out: Col[] = [];
      let at = 1;
      for (const r of runs) {
        at += r.gap;
        out.push({ min: at, max: at + r.len - 1, width: r.width, ...(r.hidden ? { hidden: true } : {}) });
        at += r.len;
      }
      if (toEnd) out.push({ min: at, max: 16_384, width: 9 });
      return out;
    }),
  );

const anyList = fc.oneof(orderedList, fc.array(entry(40), { maxLength: 10 }), fc.array(entry(16_384), { maxLength: 6 }));

describe("ColumnRuns", () => {
  it("gives each column the entry the map gave it, over ordered, overlapping and damaged lists", () => {
    fc.assert(
      fc.property(anyList, fc.array(fc.integer({ min: -2, max: 16_390 }), { maxLength: 30 }), (cols, probes) => {
        const runs = new ColumnRuns(cols);
        const ref = referenceMap(cols);
        const edges = cols.flatMap((c) => [c.min - 1, c.min, c.max, c.max + 1]);
        for (const col of [...probes, ...edges, 1, 2, 16_384]) {
          if (col > 16_384) expect(runs.get(col)).toBeUndefined();
          else expect(runs.get(col)).toBe(ref.get(col));
        }
        for (let col = 1; col <= 60; col++) expect(runs.get(col)).toBe(ref.get(col));
      }),
      { numRuns: 700 },
    );
  });

  it("sums a width range to the very same number as column by column", () => {
    fc.assert(
      fc.property(anyList, fc.integer({ min: 1, max: 16_384 }), fc.integer({ min: 0, max: 80 }), (cols, left, span) => {
        const layout: SheetLayout = { fontSize: 11, defaultColWidth: 48.75, defaultRowHeight: 15, cols, rows: [], wrapped: [], page: null };
        const g = new SheetGeometry(layout);
        const ref = referenceMap(cols);
        const right = Math.min(16_384, left + span);
        let w = 0;
        for (let c = left; c <= right; c++) {
          const e = ref.get(c);
          w += e?.hidden ? 0 : (e?.width ?? 48.75);
        }
        expect(g.widthOf(left, right)).toBe(w);
        expect(g.colWidth(left)).toBe(ref.get(left)?.hidden ? 0 : (ref.get(left)?.width ?? 48.75));
        expect(g.colHidden(left)).toBe(ref.get(left)?.hidden === true || ref.get(left)?.width === 0);
      }),
      { numRuns: 700 },
    );
  });

  it("reads a sheet whose columns past the form are one entry to XFD without a map entry for each", () => {
    const layout: SheetLayout = {
      fontSize: 11,
      defaultColWidth: 48.75,
      defaultRowHeight: 15,
      cols: [{ min: 1, max: 8, width: 60 }, { min: 9, max: 16_384, width: 30, hidden: true }],
      rows: [],
      wrapped: [],
      page: null,
    };
    const g = new SheetGeometry(layout);
    expect(g.widthOf(1, 16_384)).toBe(480);
    expect(g.colHidden(9) && g.colHidden(16_384) && !g.colHidden(8)).toBe(true);
    // The runs: the form's columns, the hidden tail, and past it nothing.
    const runs: Array<[Col | undefined, number]> = [];
    new ColumnRuns(layout.cols).forEachIn(1, 16_384, (e, n) => runs.push([e, n]));
    expect(runs).toEqual([
      [layout.cols[0], 8],
      [layout.cols[1], 16_376],
    ]);
  });
});
