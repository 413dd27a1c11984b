// A1 references (src/core/address.ts). columnOfA1 reads the usual reference in one pass for the
// fill's walk over a sheet's cells; here it is held to parseA1 over generated references, odd ones
// included (dollars, lower case, white space, letters only, digits only, other characters).
import fc from "fast-check";
import { columnOfA1, parseA1, parseA1ByPattern, toA1 } from "../../src/core/address";

const outcome = (f: () => number): number | "refused" => {
  try {
    return f();
  } catch {
    return "refused";
  }
};

test("a column read in one pass is the column parseA1 reads, or refused alike", () => {
  const piece = fc.constantFrom("A", "Z", "a", "q", "XFD", "$", "1", "0", "99", " ", "\t", ":", "-", "Ａ", "ı", "!", "");
  const odd = fc.array(piece, { maxLength: 6 }).map((ps) => ps.join(""));
  const usual = fc.tuple(fc.integer({ min: 1, max: 16_384 }), fc.integer({ min: 1, max: 1_048_576 })).map(([c, r]) => toA1(r, c));
  fc.assert(
    fc.property(fc.oneof(odd, usual, usual.map((a) => a.toLowerCase())), (ref) => {
      expect(outcome(() => columnOfA1(ref))).toEqual(outcome(() => parseA1(ref).col));
    }),
    { numRuns: 5000 },
  );
  expect(columnOfA1("G13")).toBe(7);
  expect(columnOfA1("xfd1")).toBe(16_384);
  expect(outcome(() => columnOfA1("G"))).toBe("refused");
});

test("a reference read in one pass is the one the pattern reads, or refused alike", () => {
  const piece = fc.constantFrom("A", "Z", "a", "q", "XFD", "$", "1", "0", "99", "1234567890", " ", "\t", ":", "-", "Ａ", "ı", "!", "");
  const odd = fc.array(piece, { maxLength: 6 }).map((ps) => ps.join(""));
  const usual = fc.tuple(fc.integer({ min: 1, max: 16_384 }), fc.integer({ min: 1, max: 1_048_576 })).map(([c, r]) => toA1(r, c));
  const ref = (a: string) => {
    try {
      return parseA1(a);
    } catch {
      return "refused";
    }
  };
  const byPattern = (a: string) => {
    try {
      return parseA1ByPattern(a);
    } catch {
      return "refused";
    }
  };
  fc.assert(
    fc.property(fc.oneof(odd, usual, usual.map((a) => a.toLowerCase()), fc.string({ maxLength: 8 })), (a) => {
      expect(ref(a)).toEqual(byPattern(a));
    }),
    { numRuns: 10000 },
  );
  expect(parseA1("AB012")).toEqual({ col: 28, row: 12 });
  expect(parseA1("A99999999999")).toEqual({ col: 1, row: 99999999999 });
});
