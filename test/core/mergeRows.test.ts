import fc from "fast-check";
import type { RangeRef } from "../../src/core/address";
import { mergesByRow } from "../../src/core/mergeRows";
import { hiddenByMerge } from "../../src/core/fill";

const area = fc
  .record({ top: fc.integer({ min: 1, max: 40 }), left: fc.integer({ min: 1, max: 8 }), h: fc.integer({ min: 0, max: 12 }), w: fc.integer({ min: 0, max: 4 }) })
  .map(({ top, left, h, w }): RangeRef => ({ top, left, bottom: top + h, right: left + w }));

test("a row's areas are every area over it, in the list's order (overlapping ones too), asked for or not", () => {
  fc.assert(
    fc.property(fc.array(area, { maxLength: 30 }), fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 30 }), fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 10 }), (areas, rows, others) => {
      const over = mergesByRow(areas, rows);
      for (const r of [...rows, ...others]) expect(over(r)).toEqual(areas.filter((a) => r >= a.top && r <= a.bottom));
    }),
    { numRuns: 500 },
  );
});

test("a row not asked for is still answered from every area; rows asked for without areas have none", () => {
  const areas = [{ top: 1, left: 1, bottom: 100, right: 3 }];
  expect(mergesByRow(areas, [5])(6)).toEqual(areas);
  expect(mergesByRow(areas, [])(5)).toEqual(areas);
  expect(mergesByRow(areas, [200])(200)).toEqual([]);
  // A hostile area over a million rows lists only the rows asked for.
  expect(mergesByRow([{ top: 36, left: 1, bottom: 1_048_576, right: 16_384 }], [40, 41, 40])(40)).toHaveLength(1);
});

test("hiddenByMerge: a cell under an area and not its top-left, whichever of two overlapping areas says so", () => {
  const snap = { merges: ["A1:B2", "B2:C3"] };
  expect(hiddenByMerge(snap, "A1")).toBe(false);
  expect(hiddenByMerge(snap, "B1")).toBe(true);
  // B2 is the second area's top-left, but inside the first: hidden.
  expect(hiddenByMerge(snap, "B2")).toBe(true);
  expect(hiddenByMerge(snap, "D4")).toBe(false);
});
