// round2's short path for whole cents (src/core/numbers.ts) held to the full rounding through fifteen
// significant digits, in every mode, over generated figures: whole cents, cents with binary noise
// (0.29 × 100), half cents, tiny and huge values, negatives and zeros.
import fc from "fast-check";
import { round2, round2Slow } from "../../src/core/numbers";

const figure = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((c) => c / 100),
  fc.integer({ min: -100_000, max: 100_000 }).map((c) => c / 1000),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.double({ noNaN: true }),
  fc.constantFrom(0.29, 8.995, 29.7299999959, 0, -0, 1e13, 1e15, 1e16, 9.999999999999999e14, 0.005, -0.005, Number.MIN_VALUE, Number.MAX_VALUE),
);

test("whole cents come back as the full rounding gives them, in every mode", () => {
  fc.assert(
    fc.property(figure, fc.constantFrom("half-up", "truncate", "up") as fc.Arbitrary<"half-up" | "truncate" | "up">, (x, mode) => {
      expect(Object.is(round2(x, mode), round2Slow(x, mode))).toBe(true);
    }),
    { numRuns: 20000 },
  );
  expect(round2(0.29, "truncate")).toBe(0.29);
  expect(round2(95, "half-up")).toBe(95);
});
