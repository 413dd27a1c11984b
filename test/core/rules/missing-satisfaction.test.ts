/** missing-satisfaction (warning, at the header cell): no 满意度 indicator (RULES §6). */
import rule from "../../../src/core/rules/missing-satisfaction";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { legacySections, plainSpec, run, runLegacy, runTargets, single, standardIndicators, targets2024, withCode } from "./support";

describe("triggers", () => {
  test("self-evaluation without 满意度指标", () => {
    const inds = standardIndicators().filter((i) => i.l1 !== "满意度指标");
    const { result } = run(plainSpec({ indicators: inds, total: 89.85, grade: "良" }));
    const f = single(result, "missing-satisfaction");
    expect(f.severity).toBe("warning");
    expect(f.cell).toBe("A12");
    expect(f.message.zh).toContain("未设置满意度指标");
  });

  test("2024 target form without 满意度指标", () => {
    const { result } = runTargets("2024", targets2024().filter((r) => r.l1 !== "满意度指标"));
    expect(single(result, "missing-satisfaction").cell).toBe("A7");
  });

  test("legacy form with no indicator about 满意", () => {
    const sections = legacySections().map((s) => ({ ...s, rows: s.rows.map((r) => ({ ...r, name: r.name.replace("满意度", "覆盖面") })) }));
    expect(single(runLegacy({ sections }).result, "missing-satisfaction").cell).toBe("A13");
  });
});

describe("near misses", () => {
  test("the plain form's 服务对象满意度指标", () => {
    expect(withCode(run(plainSpec()).result, "missing-satisfaction")).toEqual([]);
  });

  test("legacy seed: 各接入单位满意度 is a satisfaction indicator", () => {
    expect(withCode(runLegacy().result, "missing-satisfaction")).toEqual([]);
  });

  test("2024 seed", () => {
    expect(withCode(runTargets("2024", targets2024()).result, "missing-satisfaction")).toEqual([]);
  });
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
ruleTester.run(rule, {
  valid: [
    { name: "a satisfaction row", form: forms.formOf() },
  ],
  invalid: [
    { name: "no satisfaction row", form: forms.formOf({ indicators: forms.standardIndicators().slice(0, 5) }), findings: [{ cell: "A12", messageId: "noSatisfaction" }] },
    { name: "a target form without one", form: forms.targetsForm("2024", forms.targets2024().filter((r) => r.l1 !== "满意度指标")), findings: [{ cell: "A7", messageId: "noSatisfaction" }] },
  ],
});
}
