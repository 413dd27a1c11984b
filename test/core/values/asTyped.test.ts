// Values as people type them (issue 20 §4, RULES-3 §16): each form of a target, an actual and a
// number, read one at a time, with the near misses that must stay what they are.
import { readNumber } from "../../../src/core/numbers";
import { readActual, readTarget } from "../../../src/core/values/readValue";
import type { Cell } from "../../../src/core/grid";

const cell = (value: string | number | null, numberFormat = "General"): Cell => ({ value, text: typeof value === "number" ? String(value) : (value ?? ""), numberFormat, formula: null }) as unknown as Cell;

describe("targets: a sign, a number and a unit, however written", () => {
  const valid: Array<[string, string, number, string]> = [
    ["≤100%(%)", "<=", 100, "%"],
    ["≥90%(%)", ">=", 90, "%"],
    ["=100%(%)", "=", 100, "%"],
    ["≥95%（%）", ">=", 95, "%"],
    ["≥100百分比", ">=", 100, "%"],
    ["≥ 1,234.50 (万元)", ">=", 1234.5, "万元"],
    ["≥１２３４．５（万元）", ">=", 1234.5, "万元"],
    ["≥98.5％", ">=", 98.5, "%"],
    ["'≥95%", ">=", 95, "%"],
    ["30人(人)", "=", 30, "人"],
  ];
  test.each(valid)("%s", (text, op, value, unit) => {
    expect(readTarget({ value: text })).toMatchObject({ kind: "quantity", op, value, unit });
  });

  const invalid = ["≥%(%)", "≥1..5%", "≥(%)"];
  test.each(invalid)("%s cannot be read", (text) => {
    expect(readTarget({ value: text }).kind).toBe("unparseable");
  });
});

describe("actuals: numbers as text and fractions under a percent format", () => {
  const valid: Array<[string | number, string, number, string]> = [
    ["98.5％", "General", 98.5, "%"],
    ["1,234.50", "General", 1234.5, ""],
    ["１２３４．５", "General", 1234.5, ""],
    ["'95", "General", 95, ""],
    ["  97.33(%)  ", "General", 97.33, "%"],
    [0.985, "0.00%", 98.5, "%"],
    [0.9733, "0.0%", 97.33, "%"],
  ];
  test.each(valid)("%j in %s", (value, numberFormat, n, unit) => {
    expect(readActual({ value, numberFormat })).toMatchObject({ kind: "quantity", value: n, unit });
  });

  test("near miss: a fraction under a plain format stays the fraction", () => {
    expect(readActual({ value: 0.985, numberFormat: "0.00" })).toMatchObject({ kind: "quantity", value: 0.985 });
  });
});

describe("weights and scores typed as text", () => {
  const valid: Array<[string | number, string, number]> = [
    ["4", "@", 4],
    ["４", "@", 4],
    [" 4.00 ", "@", 4],
    ["'4", "@", 4],
    ["1,234.5", "General", 1234.5],
    [0.1, "0%", 10],
  ];
  test.each(valid)("%j", (value, fmt, n) => {
    expect(readNumber(cell(value, fmt))).toMatchObject({ value: n, empty: false, invalid: false });
  });
  test.each(["—", "-", "/", "无"])("%s is a placeholder: empty but typed", (v) => {
    expect(readNumber(cell(v))).toMatchObject({ value: null, empty: true, typed: true });
  });
  test.each(["四", "4分钟", "''4"])("%s is not a number", (v) => {
    expect(readNumber(cell(v))).toMatchObject({ value: null, invalid: true });
  });
});
