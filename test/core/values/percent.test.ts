// One reading of "is this a percentage format" for weights, scores, targets and the displayed text:
// a cell formatted 0.0\% (an escaped %, shown without scaling) holding 97.8 is 97.8 everywhere.
import { readNumber } from "../../../src/core/numbers";
import { formatNumber, isPercentFormat } from "../../../src/core/numberFormat";
import { readTarget } from "../../../src/core/values/readValue";

const cell = (value: number, numberFormat: string) => ({ row: 1, col: 1, address: "A1", value, text: formatNumber(value, numberFormat), numberFormat, formula: null });

test.each([
  ["0.00%", true],
  ["0%", true],
  ["0.0\\%", false],
  ['0.0"%"', false],
  ["[Red]0.00%", true],
  ["[$%-804]0.00", false],
  ["0.00;-0.00%", false],
  ["General", false],
])("isPercentFormat(%s) is %s", (f, pct) => {
  expect(isPercentFormat(f)).toBe(pct);
});

test("97.8 under 0.0\\% reads 97.8 as a weight, a target and in its text; 0.978 under 0.00% reads 97.8", () => {
  expect(readNumber(cell(97.8, "0.0\\%")).value).toBe(97.8);
  expect(formatNumber(97.8, "0.0\\%")).toBe("97.8%");
  const t = readTarget({ value: 97.8, text: "97.8%", numberFormat: "0.0\\%" });
  expect(t).toMatchObject({ kind: "quantity", value: 97.8 });
  expect(readNumber(cell(0.978, "0.00%")).value).toBe(97.8);
  expect(readTarget({ value: 0.978, text: "97.80%", numberFormat: "0.00%" })).toMatchObject({ value: 97.8 });
});

describe("fixed decimals as Excel shows them (its decimal digits, not the binary value)", () => {
  test.each([
    [9.85, "0.0", "9.9"],
    [1.005, "0.00", "1.01"],
    [0.9815, "0.00%", "98.15%"],
    [-2.675, "0.00", "-2.68"],
    [1234567.891, "#,##0.00", "1,234,567.89"],
    [0.04, "0.0", "0.0"],
  ])("%p in %s shows %s", (v, fmt, shown) => expect(formatNumber(v, fmt)).toBe(shown));
});
