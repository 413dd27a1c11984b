/**
 * missing-category (error, at the header cell): no output level (产出指标 / 产出目标) or no outcome
 * level (效益指标 / 效果目标) among the first-level indicators (RULES §6).
 */
import rule from "../../../src/core/rules/missing-category";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { legacySections, plainSpec, run, runLegacy, runTargets, single, standardIndicators, targets2020, targets2024, withCode } from "./support";

describe("triggers", () => {
  test("self-evaluation without 效益指标", () => {
    const inds = standardIndicators().filter((i) => i.l1 !== "效益指标");
    const { built, result } = run(plainSpec({ indicators: inds, total: 69.85, grade: "中" }));
    const f = single(result, "missing-category");
    expect(f.severity).toBe("error");
    expect(f.cell).toBe("A12");
    expect(built.headerRow).toBe(12);
    expect(f.message.zh).toContain("没有效益指标");
  });

  test("self-evaluation without 产出指标", () => {
    const inds = standardIndicators().filter((i) => i.l1 !== "产出指标");
    const { result } = run(plainSpec({ indicators: inds, total: 49.85, grade: "差" }));
    const f = single(result, "missing-category");
    expect(f.cell).toBe("A12");
    expect(f.message.zh).toContain("没有产出指标");
  });

  test("the header cell moves with the form (two blank columns, three title rows)", () => {
    const inds = standardIndicators().filter((i) => i.l1 !== "效益指标");
    const { result } = run(plainSpec({ indicators: inds, offsetCols: 2, extraTitleRows: 3 }));
    expect(single(result, "missing-category").cell).toBe("C15");
  });

  test("legacy without 效果目标", () => {
    const sections = legacySections().filter((s) => !s.label.startsWith("效果目标"));
    const { result } = runLegacy({ sections });
    const f = single(result, "missing-category");
    expect(f.cell).toBe("A13");
    expect(f.message.zh).toContain("效果目标");
  });

  test("a 2024 target form with only 满意度指标: both levels missing", () => {
    const { result } = runTargets("2024", targets2024().filter((r) => r.l1 === "满意度指标"));
    const fs = withCode(result, "missing-category");
    expect(fs).toHaveLength(2);
    expect(fs.every((f) => f.cell === "A7" && f.severity === "error")).toBe(true);
  });
});

describe("near misses", () => {
  test("self-evaluation with both", () => {
    expect(withCode(run(plainSpec()).result, "missing-category")).toEqual([]);
  });

  test("legacy with 产出目标 and 效果目标", () => {
    expect(withCode(runLegacy().result, "missing-category")).toEqual([]);
  });

  test.each([
    ["2020", targets2020()],
    ["2024", targets2024()],
  ] as const)("target form %s", (edition, rows) => {
    expect(withCode(runTargets(edition, rows).result, "missing-category")).toEqual([]);
  });

  test("levels repeated on every row, or written with spaces", () => {
    const inds = standardIndicators().map((i) => ({ ...i, l1: i.l1.replace(/^(..)/, "$1 ") }));
    expect(withCode(run(plainSpec({ indicators: inds, levels: "repeated" })).result, "missing-category")).toEqual([]);
  });
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
const relabelled = (from: string, to: string) => forms.formOf({ indicators: forms.standardIndicators().map((i) => (i.l1 === from ? { ...i, l1: to } : i)) });

ruleTester.run(rule, {
  valid: [
    { name: "outputs and outcomes", form: forms.formOf() },
    { name: "效果目标 counts as outcomes", form: relabelled("效益指标", "效果目标") },
  ],
  invalid: [
    { name: "no output level", form: relabelled("产出指标", "投入指标"), findings: [{ cell: "A12", messageId: "noOutput" }] },
    { name: "no outcome level", form: relabelled("效益指标", "影响力指标"), findings: [{ cell: "A12", messageId: "noOutcome" }] },
  ],
});
}
