/**
 * budget-rate-mismatch (error, at the rate cell) — RULES §4: 执行率 = 全年执行数 / 全年预算数 × 100,
 * cut to two decimals by default (seed 001), or rounded by the `rounding` setting.
 */
import rule from "../../../src/core/rules/budget-rate-mismatch";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { analyzeSheet } from "../../../src/core/engine";
import type { SelfEvalSpec } from "../../builders/selfEval";
import { plainSpec, run, setCell, single, withCode } from "./support";

type Funds = NonNullable<SelfEvalSpec["funds"]>;
const seed = (rate: number, score: number, extra: Partial<Funds> = {}): Funds => ({ initial: 11962.44, budget: 11962.44, executed: 9708.37, rate, score, ...extra });

describe("truncate (default)", () => {
  test("9,708.37 / 11,962.44 = 81.157…% is 81.15, not the rounded 81.16", () => {
    const { built, result } = run(plainSpec({ funds: seed(81.16, 8.11) }));
    const f = single(result, "budget-rate-mismatch");
    expect(f.severity).toBe("error");
    expect(f.cell).toBe(built.budgetRateCell);
    expect(f.cell).toBe("G6");
    expect(f.message.zh).toContain("执行率应为 81.15");
    expect(f.message.zh).toContain("9708.37 ÷ 11962.44");
    expect(f.message.zh).toContain("截位");
    expect(f.message.zh).toContain("表中为 81.16");
  });

  test("22,643.67 / 24,600.36 = 92.046…% is 92.04 (seed 001, 政务云)", () => {
    const { result } = run(plainSpec({ funds: { initial: 25693.67, budget: 24600.36, executed: 22643.67, rate: 92.05, score: 9.2 } }));
    expect(single(result, "budget-rate-mismatch").message.zh).toContain("执行率应为 92.04");
  });

  test("an empty rate: the message gives the figure", () => {
    const { result } = run(plainSpec({ funds: seed(null as unknown as number, 8.11) }));
    const f = single(result, "budget-rate-mismatch");
    expect(f.cell).toBe("G6");
    expect(f.message.zh).toContain("81.15");
  });

  test("a rate that is not a number", () => {
    const { result } = run(plainSpec({ funds: { initial: 100, budget: 100, executed: 98.5, rate: "约98%" } }));
    expect(single(result, "budget-rate-mismatch").message.zh).toContain("执行率应为 98.50");
  });

  test("the 其中 rows' stated rates are checked too", () => {
    const { snap } = run(plainSpec({ funds: { initial: 25693.67, budget: 24600.36, executed: 22643.67, rate: 92.04, score: 9.2 } }));
    const result = analyzeSheet(setCell(snap, "G7", 92.05));
    const f = single(result, "budget-rate-mismatch");
    expect(f.cell).toBe("G7");
    expect(f.message.zh).toContain("92.04");
  });

  test("a 2022-district form's 86.19 (rounded up from 86.183%) is wrong under truncate", () => {
    const { result } = run(plainSpec({ funds: { initial: 1000, budget: 1000, executed: 861.83, rate: 86.19, score: 8.62 } }));
    expect(single(result, "budget-rate-mismatch").message.zh).toContain("执行率应为 86.18");
  });
});

describe("truncate near misses", () => {
  test.each<[string, Funds]>([
    ["81.15", seed(81.15, 8.11)],
    ["92.04", { initial: 25693.67, budget: 24600.36, executed: 22643.67, rate: 92.04, score: 9.2 }],
    ["a rate stored as 0.8115 with a % format", seed(81.15, 8.11, { rateFormat: "0.00%" })],
    ["a rate stored as the text 81.15", seed("81.15" as unknown as number, 8.11)],
    ["a rate stored as the text 81.15%", seed("81.15%" as unknown as number, 8.11)],
    ["a rate written as a formula", seed(81.15, 8.11, { formulas: true })],
    ["0.29 / 1 (0.29 × 100 is 28.999… in binary) is 29.00", { initial: 1, budget: 1, executed: 0.29, rate: 29, score: 2.9 }],
  ])("%s", (_label, funds) => {
    const { result } = run(plainSpec({ funds }));
    expect(withCode(result, "budget-rate-mismatch")).toEqual([]);
  });
});

describe("the rounding setting", () => {
  test("half-up: 81.157% is 81.16, and the truncated 81.15 is now wrong", () => {
    expect(withCode(run(plainSpec({ funds: seed(81.16, 8.12) }), { rounding: "half-up" }).result, "budget-rate-mismatch")).toEqual([]);
    const f = single(run(plainSpec({ funds: seed(81.15, 8.12) }), { rounding: "half-up" }).result, "budget-rate-mismatch");
    expect(f.message.zh).toContain("执行率应为 81.16");
    expect(f.message.zh).toContain("四舍五入");
  });

  test("up: 86.183% is 86.19 — right under up", () => {
    const funds: Funds = { initial: 1000, budget: 1000, executed: 861.83, rate: 86.19, score: 8.62 };
    expect(withCode(run(plainSpec({ funds }), { rounding: "up" }).result, "budget-rate-mismatch")).toEqual([]);
  });

  test("half-up: 86.183% is 86.18, so 86.19 is wrong", () => {
    const funds: Funds = { initial: 1000, budget: 1000, executed: 861.83, rate: 86.19, score: 8.62 };
    expect(single(run(plainSpec({ funds }), { rounding: "half-up" }).result, "budget-rate-mismatch").message.zh).toContain("执行率应为 86.18");
  });

  test("up: an exact rate is not pushed up (98.50 stays 98.50)", () => {
    const { result } = run(plainSpec({ funds: { initial: 100, budget: 100, executed: 98.5, rate: 98.5, score: 9.85 } }), { rounding: "up" });
    expect(withCode(result, "budget-rate-mismatch")).toEqual([]);
  });
});

/**
 * Regression test (fixed in src/core/numbers.ts round2): the cleaning through toFixed(9) and toFixed(6) rounds
 * away real digits once the budget has more than about 2,000,000 cents (20,000.00 万元 / 元). Here
 * 7,313.69 / 24,600.37 × 100 = 29.7299999959…% exactly (10000 × 731369 ≡ −1 mod 2460037), so cut to
 * two decimals it is 29.72 — what Excel's =ROUNDDOWN(E6/D6*100,2) shows — but round2 first rounds
 * 2972.99999959 to 2973.000000 and reports 29.73, flagging a correct form.
 */
test("truncate is exact for a realistic budget: 7,313.69 / 24,600.37 → 29.72", () => {
  const { result } = run(plainSpec({ funds: { initial: 24600.37, budget: 24600.37, executed: 7313.69, rate: 29.72, score: 2.97 } }));
  expect(result.figures?.budget?.rate).toBe(29.72);
  expect(withCode(result, "budget-rate-mismatch")).toEqual([]);
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
ruleTester.run(rule, {
  valid: [
    { name: "98.50 as computed", form: forms.formOf() },
    { name: "2 / 3 cut to 66.66", form: forms.formOf({ funds: { initial: 3, budget: 3, executed: 2 } }) },
  ],
  invalid: [
    { name: "the rate left empty", form: forms.formOf({ funds: { initial: 100, budget: 100, executed: 98.5, rate: null } }), findings: [{ cell: "G6", messageId: "empty", data: { want: "98.50" }, fix: "fill" }] },
    { name: "the rate stated as 98", form: forms.formOf({ funds: { initial: 100, budget: 100, executed: 98.5, rate: 98 } }), findings: [{ cell: "G6", messageId: "differs", data: { want: "98.50", stated: "98.00" } }] },
    { name: "66.66 where the setting rounds half up", form: forms.formOf({ funds: { initial: 3, budget: 3, executed: 2 } }), settings: { rounding: "half-up" }, findings: [{ cell: "G6", messageId: "differs", data: { want: "66.67", stated: "66.66" } }] },
    { name: "a rate that is no number", form: forms.formOf({ funds: { initial: 100, budget: 100, executed: 98.5, rate: "约98%" } }), findings: [{ cell: "G6", messageId: "differs", data: { stated: { zh: "非数字", en: "no number" } } }] },
  ],
});
}
