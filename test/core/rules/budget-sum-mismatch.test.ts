/**
 * budget-sum-mismatch (error, at the 年度资金总额 cell of the column) — RULES §4: 当年财政拨款 +
 * 上年结转资金 + 其他资金 = 年度资金总额 in every column.
 */
import rule from "../../../src/core/rules/budget-sum-mismatch";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { errorsOf, plainSpec, run, single, withCode } from "./support";

const parts = (budgets: [number, number, number], executed: [number, number, number], initial: [number, number, number] = [100, 0, 0]) => [
  { label: "其中：当年财政拨款", initial: initial[0], budget: budgets[0], executed: executed[0] },
  { label: "上年结转资金", initial: initial[1], budget: budgets[1], executed: executed[1] },
  { label: "其他资金", initial: initial[2], budget: budgets[2], executed: executed[2] },
];

describe("triggers", () => {
  test("全年预算数 parts add up to 95 of 100", () => {
    const { result } = run(plainSpec({ funds: { initial: 100, budget: 100, executed: 98.5, parts: parts([90, 5, 0], [88.5, 10, 0]) } }));
    const f = single(result, "budget-sum-mismatch");
    expect(f.severity).toBe("error");
    expect(f.cell).toBe("D6");
    expect(f.message.zh).toContain("全年预算数：各来源合计 95.00，与年度资金总额 100.00 不一致");
  });

  test("several columns off: one error per column, each at its own total cell", () => {
    const { result } = run(plainSpec({ funds: { initial: 100, budget: 100, executed: 98.5, parts: parts([90, 5, 0], [88.5, 5, 0], [90, 0, 0]) } }));
    const fs = withCode(result, "budget-sum-mismatch");
    expect(fs.map((f) => f.cell)).toEqual(["C6", "D6", "E6"]);
    expect(fs[2].message.zh).toContain("全年执行数：各来源合计 93.50，与年度资金总额 98.50");
    expect(fs[0].message.zh).toContain("年初预算数：各来源合计 90.00");
  });
});

describe("near misses", () => {
  test("parts that add up: 90 + 10 + 0 and 88.5 + 10 + 0", () => {
    const { result } = run(plainSpec({ funds: { initial: 100, budget: 100, executed: 98.5, parts: parts([90, 10, 0], [88.5, 10, 0]) } }));
    expect(withCode(result, "budget-sum-mismatch")).toEqual([]);
    expect(errorsOf(result)).toEqual([]);
  });

  test("binary noise: 0.1 + 0.2 = 0.3", () => {
    const { result } = run(
      plainSpec({
        funds: {
          initial: 0.3,
          budget: 0.3,
          executed: 0.3,
          parts: [
            { label: "其中：当年财政拨款", initial: 0.1, budget: 0.1, executed: 0.1 },
            { label: "上年结转资金", initial: 0.2, budget: 0.2, executed: 0.2 },
            { label: "其他资金", initial: 0, budget: 0, executed: 0 },
          ],
        },
        total: 100,
      }),
    );
    expect(withCode(result, "budget-sum-mismatch")).toEqual([]);
  });

  test("seed-sized amounts: 22,643.67 = 22,643.67 + 0 + 0", () => {
    const { result } = run(plainSpec({ funds: { initial: 25693.67, budget: 24600.36, executed: 22643.67, rate: 92.04, score: 9.2 } }));
    expect(withCode(result, "budget-sum-mismatch")).toEqual([]);
  });

  test("parts left as dashes are not a sum", () => {
    const dash = "-" as unknown as number;
    const { result } = run(
      plainSpec({
        funds: {
          initial: 100,
          budget: 100,
          executed: 98.5,
          parts: [
            { label: "其中：当年财政拨款", initial: dash, budget: dash, executed: dash },
            { label: "上年结转资金", initial: dash, budget: dash, executed: dash },
            { label: "其他资金", initial: dash, budget: dash, executed: dash },
          ],
        },
      }),
    );
    expect(withCode(result, "budget-sum-mismatch")).toEqual([]);
  });
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
const withParts = (budgets: number[], executed: number[]) =>
  forms.formOf({
    funds: {
      initial: 100,
      budget: 100,
      executed: 98.5,
      parts: ["其中：当年财政拨款", "上年结转资金", "其他资金"].map((label, i) => ({ label, initial: i === 0 ? 100 : 0, budget: budgets[i], executed: executed[i] })),
    },
  });

ruleTester.run(rule, {
  valid: [
    { name: "the parts add up", form: forms.formOf() },
    { name: "two sources add up", form: withParts([90, 10, 0], [88.5, 10, 0]) },
  ],
  invalid: [
    { name: "the budgets of the parts fall short", form: withParts([90, 5, 0], [88.5, 10, 0]), findings: [{ cell: "D6", messageId: "sum", data: { sum: "95.00", total: "100.00", parts: { zh: "各来源", en: "the parts" } } }] },
    { name: "budgets and spending both off", form: withParts([90, 5, 0], [88.5, 5, 0]), findings: [{ cell: "D6", messageId: "sum", data: { sum: "95.00" } }, { cell: "E6", messageId: "sum", data: { sum: "93.50", total: "98.50" } }] },
  ],
});
}
