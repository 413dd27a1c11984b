import fc from "fast-check";
import { slideBy, slideParts } from "../../src/xlsx/sharedFormula";
import { slideBefore } from "./oracle/slideBefore";

// References of every kind a shared formula holds (relative, absolute, mixed, lower case, another
// sheet's, past XFD, a function's name that looks like one), among text, numbers and operators.
const token = fc.oneof(
  fc.tuple(fc.constantFrom("", "$"), fc.constantFrom("A", "f", "Z", "AA", "xfd", "XFE", "ABCD", "IV"), fc.constantFrom("", "$"), fc.integer({ min: 0, max: 1_048_576 })).map(([a, c, b, r]) => `${a}${c}${b}${r}`),
  fc.constantFrom("Sheet1!", "'表 1'!", "a_b-2!", "!", ""),
  fc.constantFrom("SUM(", "LOG10(", "ATAN2(", "F13(", "IF(", ")", ",", ":", "+", "*0.9", "/", "-", "&", " ", '"A1"', "1E5", "TRUE", "_xlfn.", "R1C1", "A0", "A01", "$$A1"),
  fc.stringMatching(/^[A-Za-z0-9_$!:.()+-]{1,6}$/),
);
const formula = fc.array(token, { maxLength: 12 }).map((t) => t.join(""));
const at = fc.record({ row: fc.integer({ min: 1, max: 60_000 }), col: fc.integer({ min: 1, max: 60 }) });

test("a dependent put together from its master's pieces is the formula the expression slides", () => {
  fc.assert(
    fc.property(formula, at, at, (f, from, to) => {
      expect(slideBy(slideParts(f), to.row - from.row, to.col - from.col)).toBe(slideBefore(f, from, to));
    }),
    { numRuns: 20_000 },
  );
});

test("relative references move with the dependent; absolute ones, functions and text stay", () => {
  // As ExcelJS slides it: a reference inside quotes moves too.
  const p = slideParts("SUM($B$2:B2)*F13+LOG10(C3)+Sheet1!A1&\"A1\"");
  expect(slideBy(p, 3, 1)).toBe('SUM($B$2:C5)*G16+LOG10(D6)+Sheet1!B4&"B4"');
  expect(slideBy(slideParts("F13*0.9"), 4999, 0)).toBe("F5012*0.9");
});
