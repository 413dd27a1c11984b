/**
 * Sichuan's funds block (RULES-2 §9.2): a 原因 column, required below a 90 % execution rate
 * (missing-explanation there), its printed instruction no reason, its reason limited to 100 characters
 * (text-too-long, warning).
 */
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
