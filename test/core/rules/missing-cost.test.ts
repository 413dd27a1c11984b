/** missing-cost (warning, at the header cell): no 成本 indicator on a 2024 target form only (RULES §6). */
import rule from "../../../src/core/rules/missing-cost";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { plainSpec, run, runTargets, single, targets2020, targets2024, withCode } from "./support";

test("a 2024 target form without 成本指标", () => {
  const { result } = runTargets("2024", targets2024().filter((r) => r.l1 !== "成本指标"));
  expect(result.form?.kind === "targets" && result.form.edition).toBe("2024");
  const f = single(result, "missing-cost");
  expect(f.severity).toBe("warning");
  expect(f.cell).toBe("A7");
  expect(f.message.zh).toContain("未设置成本指标");
});

describe("near misses", () => {
  test("the 2024 seed with its 成本指标", () => {
    expect(withCode(runTargets("2024", targets2024()).result, "missing-cost")).toEqual([]);
  });

  test("2024 with 成本指标 as a second level under 产出指标 (2021 template)", () => {
    const rows = targets2024().filter((r) => r.l1 !== "成本指标");
    rows.splice(1, 0, { l1: "产出指标", l2: "成本指标", name: "单位成本", target: "≤5.00(万元)" });
    expect(withCode(runTargets("2024", rows).result, "missing-cost")).toEqual([]);
  });

  test("a 2020 target form has no 成本 requirement", () => {
    const { result } = runTargets("2020", targets2020());
    expect(result.form?.kind === "targets" && result.form.edition).toBe("2020");
    expect(withCode(result, "missing-cost")).toEqual([]);
  });

  test("self-evaluation forms are not checked for it", () => {
    expect(withCode(run(plainSpec()).result, "missing-cost")).toEqual([]);
  });
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
ruleTester.run(rule, {
  valid: [
    { name: "2024 with its cost indicator", form: forms.targetsForm("2024", forms.targets2024()) },
    { name: "2020 needs none", form: forms.targetsForm("2020", forms.targets2020()) },
  ],
  invalid: [
    { name: "2024 without a cost indicator", form: forms.targetsForm("2024", forms.targets2024().filter((r) => r.l1 !== "成本指标")), findings: [{ cell: "A7", messageId: "noCost" }] },
  ],
});
}
