/** score-exceeds-weight (error, at the score cell) — RULES §6. */
import rule from "../../../src/core/rules/score-exceeds-weight";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { BLOCK1, hubei } from "../../builders/hubei";
import { errorsOf, indicatorsWith, legacyWith, plainSpec, run, runLegacy, single, withCode } from "./support";

describe("triggers", () => {
  test("21 of a weight of 20", () => {
    // Total 9.85 + 91 = 100.85 (the total is consistent, only the score is wrong).
    const { built, result } = run(plainSpec({ indicators: indicatorsWith({ 0: { score: 21 } }), total: 100.85 }));
    const f = single(result, "score-exceeds-weight");
    expect(f.severity).toBe("error");
    expect(f.cell).toBe(built.cell(0, "score"));
    expect(f.cell).toBe("G13");
    expect(f.message.zh).toContain("得分 21.00 高于分值 20.00");
    expect(errorsOf(result)).toEqual(["score-exceeds-weight@G13"]);
  });

  test("by a cent: 10.01 of 10", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 5: { score: 10.01 } }), total: 99.86 }));
    const f = single(result, "score-exceeds-weight");
    expect(f.cell).toBe("G18");
    expect(f.message.zh).toContain("10.01 高于分值 10.00");
  });

  test("a qualitative row over its weight is this error, not also a tier band error", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 3: { score: 22 } }), total: 101.85 }));
    expect(single(result, "score-exceeds-weight").cell).toBe("G16");
    expect(withCode(result, "tier-band-violation")).toEqual([]);
  });

  test("legacy: 7 of a 权重 of 6", () => {
    const { built, result } = runLegacy({ sections: legacyWith({ 0: { score: 7 } }), totalScore: 92 });
    const f = single(result, "score-exceeds-weight");
    expect(f.cell).toBe(built.scoreCell(0));
    expect(f.cell).toBe("E14");
    expect(f.message.zh).toContain("得分 7.00 高于分值 6.00");
  });
});

describe("near misses", () => {
  test("exactly the weight", () => {
    expect(withCode(run(plainSpec()).result, "score-exceeds-weight")).toEqual([]);
  });

  test("exactly the weight, stored as text with decimals", () => {
    const { result } = run(plainSpec({ indicators: indicatorsWith({ 0: { score: "20.00" } }) }));
    expect(withCode(result, "score-exceeds-weight")).toEqual([]);
    expect(errorsOf(result)).toEqual([]);
  });
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
const hubeiOver = hubei({ block1: BLOCK1.map((x, i) => (i === 2 ? { ...x, score: 12 } : x)), total: 101.7 });

ruleTester.run(rule, {
  valid: [
    { name: "scores within their weights", form: forms.formOf() },
    { name: "a score within half a cent of its weight", form: forms.formWithRows({ 5: { score: 10.004 } }) },
  ],
  invalid: [
    { name: "21 of 20", form: forms.formWithRows({ 0: { score: 21 } }), findings: [{ cell: "G13", messageId: "row", data: { score: "21.00", weight: "20.00" } }] },
    { name: "legacy: 7 of 6", form: forms.legacyForm({ sections: forms.legacyWith({ 0: { score: 7 } }), totalScore: 92 }), findings: [{ cell: "E14", messageId: "row" }] },
    { name: "a Hubei block's scores past its label", form: hubeiOver.builder.toSnapshot(), findings: [{ cell: "A6", messageId: "block", data: { weight: "40.00", sum: "42.00" } }] },
  ],
});
}
