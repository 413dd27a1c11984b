/**
 * missing-explanation (error, at the reason cell) — RULES §5: a row needs 偏差原因分析 when its score
 * is below its weight, a quantitative target is not met, or a qualitative tier is not 达成. A reason
 * still holding 【待补充原因】 counts as missing. Legacy forms: a 备注 or a filled 主要问题.
 */
import rule from "../../../src/core/rules/missing-explanation";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { BLOCK1, hubei } from "../../builders/hubei";
import { errorsOf, indicatorsWith, plainSpec, run, runLegacy, legacyWith, single, withCode } from "./support";

const REASON = "受外部条件影响，部分工作延至次年，已制定整改计划。";

describe("self-evaluation: triggers", () => {
  test("a score below its weight on a met target, no reason", () => {
    // Row 13: 30 项 against ≥25 项 is met; scored 18 of 20. Total 9.85 + 88 = 97.85.
    const { built, result } = run(plainSpec({ indicators: indicatorsWith({ 0: { score: 18 } }), total: 97.85 }));
    const f = single(result, "missing-explanation");
    expect(f.severity).toBe("error");
    expect(f.cell).toBe(built.cell(0, "reason"));
    expect(f.cell).toBe("H13");
    expect(f.row).toBe(13);
    expect(f.message.zh).toContain("第13行“完成事项数”");
    expect(f.message.zh).toContain("得分 18.00 低于分值 20.00");
    expect(errorsOf(result)).toEqual(["missing-explanation@H13"]);
  });

  test("a quantitative target not met (20 of ≥25 项), scored by the rule", () => {
    // 20 × 20 / 25 = 16.00; total 9.85 + 86 = 95.85.
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { actual: "20.00(项)", score: 16 } }), total: 95.85 }));
    const f = single(result, "missing-explanation");
    expect(f.cell).toBe("H13");
    expect(f.message.zh).toContain("目标 ≥25.00(项)，实际 20.00(项)");
    expect(f.message.zh).toContain("得分 16.00 低于分值 20.00");
    expect(errorsOf(result)).toEqual(["missing-explanation@H13"]);
  });

  test("a target not met needs a reason even when the full weight is claimed", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { actual: "20.00(项)", score: 20 } }) }));
    const f = single(result, "missing-explanation");
    expect(f.cell).toBe("H13");
    expect(f.message.zh).toContain("目标 ≥25.00(项)，实际 20.00(项)");
  });

  test("a lower-is-better target not met (2.50 against ≤2.00 小时)", () => {
    // 10 × 2 / 2.5 = 8.00; total 9.85 + 88 = 97.85.
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 2: { actual: "2.50(小时)", score: 8 } }), total: 97.85 }));
    const f = single(result, "missing-explanation");
    expect(f.cell).toBe("H15");
    expect(f.message.zh).toContain("目标 ≤2.00(小时)，实际 2.50(小时)");
    expect(f.message.zh).toContain("得分 8.00 低于分值 10.00");
  });

  test("a qualitative tier 部分达成, scored at 80%", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 3: { actual: "部分达成指标并具有一定效果", score: 16 } }), total: 95.85 }));
    const f = single(result, "missing-explanation");
    expect(f.cell).toBe("H16");
    expect(f.message.zh).toContain("部分达成");
    expect(f.message.zh).toContain("得分 16.00 低于分值 20.00");
  });

  test("a qualitative tier 未达成", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 4: { actual: "未达成指标且效果较差", score: 6 } }), total: 95.85 }));
    const f = single(result, "missing-explanation");
    expect(f.cell).toBe("H17");
    expect(f.message.zh).toContain("未达成");
    expect(f.message.zh).toContain("得分 6.00 低于分值 10.00");
  });

  test("达成 scored at 80% of the weight (seed: 4 of 5) still needs a reason for the deduction", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 4: { score: 8 } }), total: 97.85 }));
    const f = single(result, "missing-explanation");
    expect(f.cell).toBe("H17");
    expect(f.message.zh).toContain("得分 8.00 低于分值 10.00");
  });

  test.each([
    ["the bare marker", "【待补充原因】"],
    ["a draft with facts", "【待补充原因】目标 ≥25.00(项)，实际 30.00(项)，得分 18.00（分值 20.00，扣 2.00 分）。请说明偏差原因和改进措施。"],
    ["a reason with the marker left in", `${REASON}【待补充原因】`],
  ])("a reason holding the draft marker counts as missing: %s", (_label, reason) => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { score: 18, reason } }), total: 97.85 }));
    const f = single(result, "missing-explanation");
    expect(f.cell).toBe("H13");
    expect(f.severity).toBe("error");
    expect(f.message.zh).toContain("【待补充原因】");
    expect(f.message.zh).toContain("得分 18.00 低于分值 20.00");
  });

  test("a reason of white space only counts as missing", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { score: 18, reason: "   " } }), total: 97.85 }));
    expect(single(result, "missing-explanation").cell).toBe("H13");
  });

  test("a blank score counts at its suggestion: 16.00 of 20 needs a reason", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { actual: "20.00(项)", score: null } }), total: 95.85 }));
    const f = single(result, "missing-explanation");
    expect(f.cell).toBe("H13");
    expect(f.message.zh).toContain("得分 16.00 低于分值 20.00");
  });

  test("each deduction is reported at its own reason cell", () => {
    const { result } = run(
      plainSpec({ indicators: indicatorsWith({ 0: { score: 18 }, 5: { actual: "85.00(%)", score: 9.44 } }), total: 97.29 }),
    );
    expect(withCode(result, "missing-explanation").map((f) => f.cell)).toEqual(["H13", "H18"]);
  });
});

describe("self-evaluation: near misses", () => {
  test("the same deduction with a reason written by a person", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { score: 18, reason: REASON } }), total: 97.85 }));
    expect(withCode(result, "missing-explanation")).toEqual([]);
    expect(errorsOf(result)).toEqual([]);
  });

  test("every row met and scored in full: no reason needed", () => {
    const { result } = run(plainSpec());
    expect(withCode(result, "missing-explanation")).toEqual([]);
  });

  test("an exceeded `=` target counts as met: full score needs no deviation reason", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 1: { actual: "100.50(%)" } }) }));
    expect(withCode(result, "missing-explanation")).toEqual([]);
    expect(errorsOf(result)).toEqual([]);
  });

  test("a lower-is-better target beaten (1.50 ≤ 2.00 小时) needs none", () => {
    const { result } = run(plainSpec());
    expect(result.evaluations[2].met).toBe(true);
    expect(result.evaluations[2].needsExplanation).toBe(false);
  });
});

describe("legacy form", () => {
  // Deductions in the seed layout: rows 21 (18/20), 22 (6/7), 23 (6/7), 24 (7/8), 26 (5/7), 28 (8/10).
  const DEDUCTED = ["F21", "F22", "F23", "F24", "F26", "F28"];

  test("the accepted seed: 备注 empty, 主要问题 filled → no error", () => {
    const { result } = runLegacy();
    expect(result.kind).toBe("self-evaluation-legacy");
    expect(withCode(result, "missing-explanation")).toEqual([]);
    expect(errorsOf(result)).toEqual([]);
  });

  test("neither 备注 nor 主要问题: every deduction is an error at its 备注 cell, placeholders are not", () => {
    const { result } = runLegacy({ problems: null });
    const fs = withCode(result, "missing-explanation");
    expect(fs.map((f) => f.cell)).toEqual(DEDUCTED);
    expect(fs.every((f) => f.severity === "error")).toBe(true);
    expect(fs[0].message.zh).toContain("第21行“一网通办数据按需共享”");
    expect(fs[0].message.zh).toContain("得分 18.00 低于分值 20.00");
    expect(fs[0].message.zh).toContain("主要问题");
  });

  test("a 备注 on one deducted row explains that row only", () => {
    const { result } = runLegacy({ problems: "", sections: legacyWith({ 7: { note: "接口开发延期" } }) });
    expect(withCode(result, "missing-explanation").map((f) => f.cell)).toEqual(DEDUCTED.filter((c) => c !== "F21"));
  });

  test("主要问题 holding only the draft marker counts as empty", () => {
    const { result } = runLegacy({ problems: "【待补充原因】" });
    expect(withCode(result, "missing-explanation").map((f) => f.cell)).toEqual(DEDUCTED);
  });

  test("no deductions, no 主要问题: nothing to explain", () => {
    const full = legacyWith({ 7: { score: 20 }, 8: { score: 7 }, 9: { score: 7 }, 10: { score: 8 }, 12: { score: 7 }, 14: { score: 10 } });
    const { result } = runLegacy({ problems: null, sections: full, totalScore: 100 });
    expect(withCode(result, "missing-explanation")).toEqual([]);
    expect(errorsOf(result)).toEqual([]);
  });
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
const sichuanForm = (executed: number, reason: string | null) => {
  const built = forms.buildSelfEval(forms.plainSpec({ funds: { initial: 100, budget: 100, executed }, total: null, grade: null }));
  // Sichuan's layout: 原因 right of the budget score.
  built.builder.set(5, 9, "原因");
  if (reason !== null) built.builder.set(6, 9, reason);
  return built.builder.toSnapshot();
};
const missed = BLOCK1.map((x, i) => (i === 0 ? { ...x, actual: "90人次", score: 13.5 } : x));
const hubeiMissed = hubei({ block1: missed, total: 98.2 });
// Every legacy row scored in full but the first (6 → 5).
const legacyOneShort = (problems: string | null) =>
  forms.legacyForm({ sections: forms.legacyWith({ 0: { score: 5 }, 7: { score: 20 }, 8: { score: 7 }, 9: { score: 7 }, 10: { score: 8 }, 12: { score: 7 }, 14: { score: 10 } }), problems, totalScore: 99 });

ruleTester.run(rule, {
  valid: [
    { name: "every target met", form: forms.formOf() },
    { name: "a missed target with its reason", form: forms.formWithRows({ 0: { actual: "20.00(项)", score: 16, reason: "人员不足，部分事项顺延。" } }) },
    { name: "Sichuan at 92 %", form: sichuanForm(92, null) },
    { name: "Hubei's reason row written", form: hubei({ block1: missed, total: 98.2, reason: "部分学员因疫情未能参训，已安排补训。" }).builder.toSnapshot() },
    { name: "legacy: 主要问题 explains", form: legacyOneShort("资金使用说明不完整。") },
  ],
  invalid: [
    { name: "a missed target without a reason", form: forms.formWithRows({ 0: { actual: "20.00(项)", score: 16 } }), findings: [{ cell: "H13", messageId: "missing" }] },
    { name: "a reason still the draft", form: forms.formWithRows({ 0: { actual: "20.00(项)", score: 16, reason: "【待补充原因】目标 ≥25.00(项)，实际 20.00(项)" } }), findings: [{ cell: "H13", messageId: "draft", data: { marker: "【待补充原因】" } }] },
    { name: "Sichuan at 80 % with 原因 empty", form: sichuanForm(80, null), findings: [{ cell: "I6", messageId: "budgetReason", data: { rate: "80.00", line: "90.00" } }] },
    { name: "Hubei's reason row empty", form: hubeiMissed.builder.toSnapshot(), findings: [{ cell: hubeiMissed.reasonCell, messageId: "formReason", fix: "fill" }] },
    { name: "legacy: neither 备注 nor 主要问题", form: legacyOneShort(null), findings: [{ cell: "F14", messageId: "legacy" }] },
  ],
});
}
