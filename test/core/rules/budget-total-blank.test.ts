/**
 * budget-total-blank (warning, at 年度资金总额's budget cell) — RULES-2 §9.4: 年度资金总额 left blank above
 * 本年财政拨款 90 | 89.974 | 89.974. The budget is then scored from the parts. Stated as 0 | 0 | 0 (two
 * published Anhui 2022 forms) it is budget-sum-mismatch, an error (RULES-3 §17).
 */
import rule from "../../../src/core/rules/budget-total-blank";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { parseA1, toA1 } from "../../../src/core/address";
import { errorsOf, plainSpec, PLAIN_TOTAL, run, withCode } from "./support";

const anhui = (total: number | null, opts: { rate?: number | null; score?: number | null } = {}) =>
  run(
    plainSpec({
      // The plain form's budget score is 9.85; from the parts it is 9.99.
      total: Math.round((PLAIN_TOTAL + 0.14) * 100) / 100,
      funds: {
        initial: total,
        budget: total,
        executed: total,
        rate: opts.rate ?? null,
        score: opts.score === undefined ? 9.99 : opts.score,
        parts: [
          { label: "其中：本年财政拨款", initial: 90, budget: 90, executed: 89.974 },
          { label: "上年结转资金", initial: 0, budget: 0, executed: 0 },
          { label: "其他资金", initial: 0, budget: 0, executed: 0 },
        ],
      },
    }),
  );

describe("triggers", () => {
  test.each([null])("年度资金总额 %p with parts 90 | 89.974: a warning; scored from the parts (99.97 %, 9.99)", (total) => {
    const { built, result } = anhui(total);
    const f = withCode(result, "budget-total-blank");
    expect(f.map((x) => x.severity)).toEqual(["warning"]);
    expect(f[0].message.zh).toContain("其下各项合计为 90.00 和 89.97");
    const rate = parseA1(built.budgetRateCell);
    expect(f[0].cell).toBe(toA1(rate.row, rate.col - 3));
    expect(result.figures?.budget).toMatchObject({ budget: 90, executed: 89.974, rate: 99.97, score: 9.99 });
    // Not a sum that disagrees with a total: the total is missing.
    expect(withCode(result, "budget-sum-mismatch")).toEqual([]);
    expect(errorsOf(result)).toEqual([]);
  });
});

describe("near misses", () => {
  test("a total that is filled is scored from itself, and parts that disagree are budget-sum-mismatch", () => {
    const { result } = anhui(100);
    expect(withCode(result, "budget-total-blank")).toEqual([]);
    expect(withCode(result, "budget-sum-mismatch").length).toBeGreaterThan(0);
  });

  test("a total stated as 0 | 0 | 0: budget-sum-mismatch (an error), its stated rate and score checked against the parts", () => {
    const { result, built } = anhui(0, { rate: 0, score: 0 });
    expect(withCode(result, "budget-total-blank")).toEqual([]);
    const sums = withCode(result, "budget-sum-mismatch");
    expect(sums.map((f) => f.severity)).toEqual(["error", "error", "error"]);
    expect(sums[0].message.zh).toContain("合计 90.00，与年度资金总额 0.00 不一致");
    expect(result.figures?.budget).toMatchObject({ budget: 90, executed: 89.974, rate: 99.97, score: 9.99 });
    expect(withCode(result, "budget-rate-mismatch").map((f) => f.cell)).toEqual([built.budgetRateCell]);
    expect(withCode(result, "budget-score-mismatch").map((f) => f.cell)).toEqual([built.budgetScoreCell]);
  });

  test("a total stated as 0 with a rate and score that agree with the parts: only the sums are wrong", () => {
    const { result } = anhui(0, { rate: 99.97, score: 9.99 });
    expect(withCode(result, "budget-sum-mismatch").length).toBe(3);
    expect(withCode(result, "budget-rate-mismatch")).toEqual([]);
    expect(withCode(result, "budget-score-mismatch")).toEqual([]);
  });

  test("a blank total with blank parts: nothing to score from, no warning", () => {
    const { result } = run(plainSpec({ funds: { initial: null, budget: null, executed: null, rate: null, score: null, parts: [{ label: "其中：本年财政拨款", initial: null, budget: null, executed: null }] } }));
    expect(withCode(result, "budget-total-blank")).toEqual([]);
    expect(result.figures?.budget).toBeNull();
  });
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
const blankTotal = (parts: Array<{ budget: number | null; executed: number | null }>) =>
  forms.formOf({
    funds: { initial: null, budget: null, executed: null, rate: null, score: null, parts: parts.map((p, i) => ({ label: i === 0 ? "其中：本年财政拨款" : "其他资金", initial: p.budget, ...p })) },
  });

ruleTester.run(rule, {
  valid: [
    { name: "a total stated", form: forms.formOf() },
    { name: "a blank total over blank parts", form: blankTotal([{ budget: null, executed: null }]) },
  ],
  invalid: [
    { name: "a blank total over one part with figures", form: blankTotal([{ budget: 90, executed: 89.974 }]), findings: [{ cell: "D6", messageId: "fromParts", data: { budget: "90.00", executed: "89.97" } }] },
    { name: "a blank total over two parts", form: blankTotal([{ budget: 90, executed: 80 }, { budget: 10, executed: 10 }]), findings: [{ cell: "D6", messageId: "fromParts", data: { budget: "100.00", executed: "90.00" } }] },
  ],
});
}
