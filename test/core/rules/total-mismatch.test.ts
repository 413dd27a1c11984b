/**
 * total-mismatch (error, at the total cell) — RULES §4: total = the computed budget score + the
 * entered indicator scores (the suggested ones where a score is blank).
 */
import rule from "../../../src/core/rules/total-mismatch";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { analyzeSheet } from "../../../src/core/engine";
import { errorsOf, indicatorsWith, legacyWith, plainSpec, run, runLegacy, setCell, single, withCode } from "./support";

describe("self-evaluation: triggers", () => {
  test("99.84 stated where 9.85 + 90 = 99.85", () => {
    const { built, result } = run(plainSpec({ total: 99.84 }));
    const f = single(result, "total-mismatch");
    expect(f.severity).toBe("error");
    expect(f.cell).toBe(built.totalCell);
    expect(f.cell).toBe("G19");
    expect(f.message.zh).toContain("总分应为 99.85");
    expect(f.message.zh).toContain("表中为 99.84");
    expect(errorsOf(result)).toEqual(["total-mismatch@G19"]);
  });

  test("an empty total: the message gives the figure to fill", () => {
    const { result } = run(plainSpec({ total: null }));
    const f = single(result, "total-mismatch");
    expect(f.cell).toBe("G19");
    expect(f.message.zh).toContain("99.85");
  });

  test("the total counts the computed budget score, not a wrong stated one", () => {
    // The funds row states 9.80 (wrong, the rule gives 9.85); a total built on it (99.80) is wrong too.
    const { result } = run(plainSpec({ funds: { initial: 100, budget: 100, executed: 98.5, score: 9.8 }, total: 99.8 }));
    expect(single(result, "total-mismatch").message.zh).toContain("总分应为 99.85");
    expect(withCode(result, "budget-score-mismatch")).toHaveLength(1);
  });

  test("a blank score counts at its suggestion: 9.85 + 16 + 70 = 95.85, not 99.85", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { actual: "20.00(项)", score: null, reason: "x" } }), total: 99.85 }));
    expect(single(result, "total-mismatch").message.zh).toContain("总分应为 95.85");
  });

  test("a total that is not a number", () => {
    const { result } = run(plainSpec({ total: "九十九" }));
    expect(single(result, "total-mismatch").message.zh).toContain("99.85");
  });
});

describe("self-evaluation: near misses", () => {
  test("the stated total is the sum", () => {
    const { result } = run(plainSpec());
    expect(result.figures?.total).toBe(99.85);
    expect(withCode(result, "total-mismatch")).toEqual([]);
  });

  test("a stated budget score that is wrong does not move the total", () => {
    const { result } = run(plainSpec({ funds: { initial: 100, budget: 100, executed: 98.5, score: 9.8 } }));
    expect(withCode(result, "total-mismatch")).toEqual([]);
  });

  test("a blank score counts at its suggestion: 95.85 is right", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { actual: "20.00(项)", score: null, reason: "x" } }), total: 95.85 }));
    expect(result.figures?.total).toBe(95.85);
    expect(withCode(result, "total-mismatch")).toEqual([]);
  });

  test("a total written as a formula with its cached value", () => {
    const { result } = run(plainSpec({ totalFormula: true }));
    expect(result.form?.total?.score?.formula).toBe("=H6+SUM(G13:G18)");
    expect(withCode(result, "total-mismatch")).toEqual([]);
  });

  test("a total stored as text", () => {
    const { snap } = run(plainSpec());
    expect(withCode(analyzeSheet(setCell(snap, "G19", "99.85")), "total-mismatch")).toEqual([]);
  });

  test("scores whose float sum is noisy (0.1 + 0.2 …) still match a two-decimal total", () => {
    // 19.7 + 0.1-style fractions: 9.85 + 19.7 + 19.9 + 9.8 + 20 + 10 + 9.9 = 99.15.
    const { result } = run(
      plainSpec({
        indicators: indicatorsWith({ 0: { score: 19.7, reason: "x" }, 1: { score: 19.9, reason: "x" }, 2: { score: 9.8, reason: "x" }, 5: { score: 9.9, reason: "x" } }),
        total: 99.15,
      }),
    );
    expect(withCode(result, "total-mismatch")).toEqual([]);
  });
});

describe("legacy", () => {
  test("合计 90 where the scores add up to 91", () => {
    const { built, result } = runLegacy({ totalScore: 90 });
    const f = single(result, "total-mismatch");
    expect(f.cell).toBe(built.totalScoreCell);
    expect(f.cell).toBe("E29");
    expect(f.message.zh).toContain("总分应为 91.00");
    expect(f.message.zh).toContain("各指标自评分之和");
  });

  test("near miss: 91, placeholders' zeros included or not", () => {
    expect(withCode(runLegacy().result, "total-mismatch")).toEqual([]);
    expect(withCode(runLegacy({ sections: legacyWith({ 6: { score: null } }) }).result, "total-mismatch")).toEqual([]);
  });
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
ruleTester.run(rule, {
  valid: [
    { name: "99.85 as computed", form: forms.formOf() },
  ],
  invalid: [
    { name: "the total left empty", form: forms.formOf({ total: null }), findings: [{ cell: "G19", messageId: "empty", data: { total: "99.85" }, fix: "fill" }] },
    { name: "a total in words", form: forms.formOf({ total: "九十九" }), findings: [{ cell: "G19", messageId: "notNumber" }] },
    { name: "99.84", form: forms.formOf({ total: 99.84 }), findings: [{ cell: "G19", messageId: "differs", data: { total: "99.85", stated: "99.84" } }] },
  ],
});
}
