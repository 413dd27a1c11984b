/**
 * Sichuan's funds block (RULES-2 §9.2): a 原因 column, required below a 90 % execution rate
 * (missing-explanation there), its printed instruction no reason, its reason limited to 100 characters
 * (text-too-long, warning).
 */
import rule from "../../../src/core/rules/text-too-long";
import { ruleTester } from "./ruleTester";
import * as forms from "./support";
import { parseA1, toA1 } from "../../../src/core/address";
import { planCheck } from "../../../src/core/fill";
import { buildSelfEval, plainSpec, run, withCode } from "./support";
import { analyzeSheet } from "../../../src/core/engine";
import type { SettingsInput } from "../../../src/core/settings";

const PRINTED = "1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内)";

function sichuan(executed: number, reason: string | null, settings?: SettingsInput) {
  const built = buildSelfEval(plainSpec({ funds: { initial: 100, budget: 100, executed }, total: null, grade: null }));
  const rate = parseA1(built.budgetRateCell);
  const reasonCell = toA1(rate.row, rate.col + 2);
  built.builder.set(rate.row - 1, rate.col + 2, "原因");
  if (reason !== null) built.builder.set(rate.row, rate.col + 2, reason);
  const snap = built.builder.toSnapshot();
  return { reasonCell, result: analyzeSheet(snap, settings), snap };
}

const at = (r: ReturnType<typeof analyzeSheet>, code: string) => withCode(r, code).map((f) => f.cell);

describe("missing-explanation at 原因 below 90 %", () => {
  test("80 % with 原因 empty, or holding only the printed instruction", () => {
    for (const text of [null, PRINTED]) {
      const { reasonCell, result } = sichuan(80, text);
      expect(at(result, "missing-explanation")).toEqual([reasonCell]);
    }
  });
  test("its mark stays until the marks are cleared (the cell is not empty)", () => {
    const { snap, reasonCell } = sichuan(80, PRINTED);
    const mark = planCheck(snap).plan.marks.find((m) => m.cell === reasonCell);
    expect(mark?.condition).toBe("static");
  });
  test("near misses: a reason after the instruction; 90 % or more; the setting off; no 原因 column", () => {
    expect(at(sichuan(80, `${PRINTED} 部分项目因招标延期，资金未按期支付。`).result, "missing-explanation")).toEqual([]);
    expect(at(sichuan(92, null).result, "missing-explanation")).toEqual([]);
    expect(at(sichuan(80, null, { budgetReasonBelow: null }).result, "missing-explanation")).toEqual([]);
    const plain = run(plainSpec({ funds: { initial: 100, budget: 100, executed: 80 }, total: null, grade: null })).result;
    expect(withCode(plain, "missing-explanation")).toEqual([]);
  });
});

describe("text-too-long", () => {
  test("a reason of 101 characters is a warning at 原因", () => {
    const { reasonCell, result } = sichuan(80, `${PRINTED}${"因".repeat(101)}`);
    const f = withCode(result, "text-too-long");
    expect(f.map((x) => [x.cell, x.severity])).toEqual([[reasonCell, "warning"]]);
    expect(f[0].message.zh).toContain("共 101 字");
  });
  test("near miss: 100 characters, the printed instruction not counted", () => {
    expect(withCode(sichuan(80, `${PRINTED}${"因".repeat(100)}`).result, "text-too-long")).toEqual([]);
  });
});

describe("text-too-long on the texts the form limits (RULES-2 §9.2: 评价结论, 存在问题, 改进措施 200 字; 年度目标完成情况 100 字)", () => {
  /** A labelled text below the form, at row 40: label in A, text in B. */
  function withText(label: string, length: number, opts: { sichuan?: boolean } = {}) {
    const built = buildSelfEval(plainSpec());
    if (opts.sichuan) {
      const rate = parseA1(built.budgetRateCell);
      built.builder.set(rate.row - 1, rate.col + 2, "原因").set(rate.row, rate.col + 2, PRINTED);
    }
    built.builder.set(40, 1, label).set(40, 2, "评".repeat(length));
    return withCode(analyzeSheet(built.builder.toSnapshot()), "text-too-long").map((f) => [f.cell, f.message.zh]);
  }

  test.each([
    ["评价结论", 201, "200"],
    ["存在问题", 201, "200"],
    ["改进措施", 250, "200"],
    ["年度目标完成情况", 101, "100"],
  ])("Sichuan's layout: %s of %i characters is over its %s", (label, length, limit) => {
    expect(withText(label, length, { sichuan: true })).toEqual([["B40", `“${label}”共 ${length} 字，超过表格规定的 ${limit} 字：请精简。`]]);
  });

  test("near miss: 200 characters on Sichuan's layout", () => {
    expect(withText("评价结论", 200, { sichuan: true })).toEqual([]);
  });

  test("near miss: another region's form printing no limit is not held to Sichuan's", () => {
    expect(withText("评价结论", 201)).toEqual([]);
  });

  test("a limit the label prints counts on any form: 评价结论（150字以内）", () => {
    expect(withText("评价结论（150字以内）", 151).map(([c]) => c)).toEqual(["B40"]);
    expect(withText("评价结论（150字以内）", 150)).toEqual([]);
  });

  test("a label heading a column: the text under it", () => {
    const built = buildSelfEval(plainSpec());
    built.builder.set(40, 3, "改进措施（限50字）").set(41, 3, "改".repeat(51));
    expect(withCode(analyzeSheet(built.builder.toSnapshot()), "text-too-long").map((f) => f.cell)).toEqual(["C41"]);
  });
});

// The rule alone, over a table of small forms (test/core/rules/ruleTester.ts).
{
const PRINTED = "1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内)";
const sichuanReason = (reason: string) => {
  const built = forms.buildSelfEval(forms.plainSpec({ funds: { initial: 100, budget: 100, executed: 80 }, total: null, grade: null }));
  built.builder.set(5, 9, "原因").set(6, 9, reason);
  return built.builder.toSnapshot();
};

ruleTester.run(rule, {
  valid: [
    { name: "100 characters after the printed instruction", form: sichuanReason(`${PRINTED}${"因".repeat(100)}`) },
    { name: "no limited text", form: forms.formOf() },
  ],
  invalid: [
    { name: "101 characters", form: sichuanReason(`${PRINTED}${"因".repeat(101)}`), findings: [{ cell: "I6", messageId: "tooLong", data: { length: 101, limit: 100 } }] },
  ],
});
}
