/**
 * grade-mismatch (error, at the grade cell) — RULES §4: self-evaluation 优 ≥ 90, 良 80 to < 90,
 * 中 60 to < 80, 差 < 60; legacy 优秀 ≥ 90, 良好 75 to < 90, 合格 60 to < 75, 不合格 < 60.
 */
import rule from "../../../src/core/rules/grade-mismatch";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { errorsOf, indicatorsWith, legacySections, legacyWith, plainSpec, run, runLegacy, single, withCode } from "./support";

/**
 * Budget 100 / 100 / 100 → 10.00; rows 13–15 (quantitative, met, weights 20/20/10) scored s0, s1, s2
 * with a reason; rows 16–18 in full (40). Total = 10 + s0 + s1 + s2 + 40.
 */
function form(s0: number, s1: number, s2: number, grade: string | null) {
  const total = Math.round((50 + s0 + s1 + s2) * 100) / 100;
  const r = "原因已说明";
  return {
    total,
    ...run(
      plainSpec({
        funds: { initial: 100, budget: 100, executed: 100 },
        indicators: indicatorsWith({ 0: { score: s0, reason: r }, 1: { score: s1, reason: r }, 2: { score: s2, reason: r } }),
        total,
        grade,
      }),
    ),
  };
}

describe("self-evaluation boundaries (no error when stated right, an error when stated as the neighbour)", () => {
  test.each<[number, number, number, number, string, string]>([
    [20, 20, 10, 100, "优", "良"],
    [20, 10, 10, 90, "优", "良"],
    [20, 9.99, 10, 89.99, "良", "优"],
    [20, 0, 10, 80, "良", "中"],
    [19.99, 0, 10, 79.99, "中", "良"],
    [0, 0, 10, 60, "中", "差"],
    [0, 0, 9.99, 59.99, "差", "中"],
  ])("%d + %d + %d → total %d is %s", (s0, s1, s2, total, right, wrong) => {
    const ok = form(s0, s1, s2, right);
    expect(ok.total).toBe(total);
    expect(ok.result.figures?.total).toBe(total);
    expect(ok.result.figures?.grade).toBe(right);
    expect(withCode(ok.result, "grade-mismatch")).toEqual([]);
    expect(errorsOf(ok.result)).toEqual([]);

    const bad = form(s0, s1, s2, wrong);
    const f = single(bad.result, "grade-mismatch");
    expect(f.severity).toBe("error");
    expect(f.cell).toBe(bad.built.gradeCell);
    expect(f.cell).toBe("F20");
    expect(f.message.zh).toContain(`评分等级应为“${right}”（总分 ${total.toFixed(2)}），表中为“${wrong}”`);
  });

  test("an empty grade: the message names the grade to fill", () => {
    const { result } = form(20, 20, 10, null);
    const f = single(result, "grade-mismatch");
    expect(f.cell).toBe("F20");
    expect(f.message.zh).toContain("“优”");
  });

  test("the grade follows the computed total, not a wrong stated one", () => {
    // Stated total 90 (wrong), the scores make 89.99: the grade must be 良.
    const { result } = run(
      plainSpec({ funds: { initial: 100, budget: 100, executed: 100 }, indicators: indicatorsWith({ 1: { score: 9.99, reason: "x" } }), total: 90, grade: "优" }),
    );
    expect(withCode(result, "total-mismatch")).toHaveLength(1);
    expect(single(result, "grade-mismatch").message.zh).toContain("应为“良”");
  });
});

describe("self-evaluation near misses", () => {
  test.each([" 优 ", "优秀"])("%j for 优", (grade) => {
    expect(withCode(run(plainSpec({ grade })).result, "grade-mismatch")).toEqual([]);
  });
});

/** The seed's legacy sections with scores cut (row by row, never below 0) until they add up to `total`. */
function legacyTotal(total: number) {
  let cut = 91 - total;
  const sections = legacySections();
  for (const sec of sections) {
    for (const row of sec.rows) {
      if (cut <= 0 || typeof row.score !== "number") continue;
      const d = Math.min(cut, row.score);
      row.score -= d;
      cut -= d;
    }
  }
  return sections;
}

describe("legacy", () => {
  test("the seed: 91 is 优秀", () => {
    const { result } = runLegacy();
    expect(result.figures?.grade).toBe("优秀");
    expect(withCode(result, "grade-mismatch")).toEqual([]);
  });

  test("89 stated 优秀: it is 良好", () => {
    // 一网通办数据按需共享 18 → 16: 91 − 2 = 89.
    const { built, result } = runLegacy({ sections: legacyWith({ 7: { score: 16 } }), totalScore: 89 });
    const f = single(result, "grade-mismatch");
    expect(f.cell).toBe(built.gradeCell);
    expect(f.cell).toBe("B8");
    expect(f.message.zh).toContain("应为“良好”（总分 89.00），表中为“优秀”");
  });

  test.each<[number, string, string]>([
    [75, "良好", "合格"],
    [74, "合格", "良好"],
    [60, "合格", "不合格"],
    [59, "不合格", "合格"],
  ])("total %d is %s", (total, right, wrong) => {
    const sections = legacyTotal(total);
    expect(runLegacy({ sections, totalScore: total, grade: right }).result.figures?.total).toBe(total);
    expect(errorsOf(runLegacy({ sections, totalScore: total, grade: right }).result)).toEqual([]);
    const bad = runLegacy({ sections, totalScore: total, grade: wrong }).result;
    expect(single(bad, "grade-mismatch").message.zh).toContain(`应为“${right}”`);
  });

  test("75 is 良好 on the legacy form, but would be 中 on the 2020 form: the families differ", () => {
    const sections = legacyTotal(75);
    const { result } = runLegacy({ sections, totalScore: 75, grade: "良好" });
    expect(result.figures?.total).toBe(75);
    expect(result.figures?.grade).toBe("良好");
  });
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
ruleTester.run(rule, {
  valid: [
    { name: "优 for 99.85", form: forms.formOf() },
    { name: "优秀 on the legacy form for 91", form: forms.legacyForm() },
  ],
  invalid: [
    { name: "the grade left empty", form: forms.formOf({ grade: null }), findings: [{ cell: "F20", messageId: "empty", data: { grade: "优" }, fix: "fill" }] },
    { name: "良 for 99.85", form: forms.formOf({ grade: "良" }), findings: [{ cell: "F20", messageId: "differs", data: { grade: "优", stated: "良", total: "99.85" } }] },
    { name: "legacy: 良好 for 91", form: forms.legacyForm({ grade: "良好" }), findings: [{ cell: "B8", messageId: "differs", data: { stated: "良好" } }] },
  ],
});
}
