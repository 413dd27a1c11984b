/**
 * coefficient-mismatch (warning, at the score) — RULES-2 §8.3: on Chongqing's department-wide form
 * 指标得分 = 指标权重 × 得分系数. Only the product is checked.
 */
import rule from "../../../src/core/rules/coefficient-mismatch";
import { ruleTester } from "./ruleTester";
import { analyzeSheet } from "../../../src/core/engine";
import { chongqing, ROWS } from "../../builders/chongqing";

const withRow = (i: number, change: Partial<(typeof ROWS)[number]>, opts: Parameters<typeof chongqing>[0] = {}) =>
  analyzeSheet(chongqing({ ...opts, rows: ROWS.map((r, k) => (k === i ? { ...r, ...change } : r)) }).toSnapshot()).findings.filter((f) => f.code === "coefficient-mismatch");

describe.each([
  ["系数 80 %, 得分 20 (weight 20)", 1, { coef: 80, score: 20 }, "I10"],
  ["系数 100 %, 得分 29 (weight 30)", 0, { score: 29 }, "I9"],
  ["系数 50 %, 得分 10.01 (weight 20)", 2, { coef: 50, score: 10.01 }, "I11"],
])("invalid: %s", (_name, i, change, cell) => {
  test("one warning at the score", () => {
    const f = withRow(i, change);
    expect(f.map((x) => [x.severity, x.cell])).toEqual([["warning", cell]]);
  });
});

describe.each([
  ["系数 80 %, 得分 16", 1, { coef: 80, score: 16 }],
  ["系数 50 %, 得分 10.004 (within half a cent)", 2, { coef: 50, score: 10.004 }],
  ["no 系数: nothing to check", 0, { coef: null, score: 29 }],
  ["no 得分: the fill writes it", 0, { score: null }],
])("valid: %s", (_name, i, change) => {
  test("no warning", () => expect(withRow(i, change)).toEqual([]));
});

test("near miss: 系数 0.8 under a head without % is the share 80 %", () => {
  expect(withRow(1, { coef: 0.8, score: 16 }, { coefHead: "得分系数" })).toEqual([]);
  expect(withRow(1, { coef: 0.8, score: 20 }, { coefHead: "得分系数" })).toHaveLength(1);
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
const coefficientForm = (i: number, change: Partial<(typeof ROWS)[number]>) => chongqing({ rows: ROWS.map((r, k) => (k === i ? { ...r, ...change } : r)) }).toSnapshot();

ruleTester.run(rule, {
  valid: [
    { name: "系数 80 %, 得分 16", form: coefficientForm(1, { coef: 80, score: 16 }) },
    { name: "no 系数", form: coefficientForm(0, { coef: null, score: 29 }) },
    { name: "no 得分", form: coefficientForm(0, { score: null }) },
  ],
  invalid: [
    { name: "系数 80 %, 得分 20", form: coefficientForm(1, { coef: 80, score: 20 }), findings: [{ cell: "I10", messageId: "differs", data: { score: "20.00", want: "16.00", coefficient: "80%" } }] },
    { name: "系数 100 %, 得分 29 of 30", form: coefficientForm(0, { score: 29 }), findings: [{ cell: "I9", messageId: "differs", data: { want: "30.00" } }] },
  ],
});
}
