// The department-wide and regional forms of issue 9 that still failed (issue 20 §7), each checked as
// RULES-2 says: Chongqing with ≤100%(%) targets and 健全 / 规范 actuals, Hubei with its header repeated
// inside the table, Sichuan with an unmet indicator and no reason, a department-wide form whose funds
// breakdown does not add up.
import { analyzeSheet } from "../../../src/core/engine";
import { toA1 } from "../../../src/core/address";
import { chongqing, ROWS } from "../../builders/chongqing";
import { hubei } from "../../builders/hubei";
import { sichuan, SICHUAN_ROWS } from "../../builders/sichuan";

const problems = (r: ReturnType<typeof analyzeSheet>) => r.findings.filter((f) => f.severity !== "info").map((f) => `${f.severity}:${f.code}@${f.cell}`);

describe("Chongqing's department-wide form, as filled", () => {
  test("targets written ≤100%(%) and ≥95%(%), actuals 健全 and 规范 against the same words: nothing wrong, the same total", () => {
    const rows = [
      { ...ROWS[0], unit: "%", initial: "≥95%(%)", actual: "100%" },
      { ...ROWS[1], unit: "%", initial: "≥90%(%)", adjusted: "≥85%(%)", actual: "88%" },
      { ...ROWS[2], name: "预算执行偏差率", unit: "%", initial: "≤100%(%)", actual: "96%" },
      { ...ROWS[3], name: "内控制度", unit: "", nature: "定性指标", initial: "健全", actual: "健全", weight: 10, score: 10 },
      { ...ROWS[3], name: "财务管理", unit: "", nature: "定性指标", initial: "规范", actual: "规范", weight: 10, score: 10 },
    ];
    const r = analyzeSheet(chongqing({ rows }).toSnapshot());
    expect(r.kind).toBe("department-self-evaluation");
    expect(problems(r)).toEqual([]);
    expect(r.figures).toMatchObject({ total: 97.6, weightSum: 100 });
    // The layout verifies 得分 = 权重 × 系数 only (RULES-2 §8.3); what it reads of the targets:
    expect(r.form!.indicators.map((i) => i.target)).toMatchObject([
      { kind: "quantity", op: ">=", value: 95, unit: "%" },
      { kind: "quantity", op: ">=", value: 85, unit: "%" },
      { kind: "quantity", op: "<=", value: 100, unit: "%" },
      { kind: "qualitative", text: "健全" },
      { kind: "qualitative", text: "规范" },
    ]);
  });

  test("near miss: 规范 against 健全 is left to a person (a warning), 不健全 is the lowest tier", () => {
    const rows = [
      ...ROWS.slice(0, 3),
      { ...ROWS[3], name: "内控制度", unit: "", nature: "定性指标", initial: "健全", actual: "规范", weight: 10, score: 10 },
      { ...ROWS[3], name: "财务管理", unit: "", nature: "定性指标", initial: "健全", actual: "不健全", weight: 10, score: 10 },
    ];
    const r = analyzeSheet(chongqing({ rows }).toSnapshot());
    expect(problems(r)).toEqual(["warning:unscorable-actual@F12"]);
  });
});

describe("Hubei's form with its header repeated inside the table", () => {
  test("the repeated header is passed over: the same figures and no error", () => {
    const plain = hubei();
    const base = analyzeSheet(plain.builder.toSnapshot());
    // The header printed again on the next page, between the rows of the first block.
    const built = hubei();
    const snap = built.builder.toSnapshot();
    const at = built.rows[1] - 1; // insert before the second row of block 1
    const header = snap.values[built.rows[0] - 2].slice();
    const insert = <T,>(grid: T[][], row: T[]) => grid.splice(at, 0, row);
    insert(snap.values, header);
    insert(snap.text, header.map((v) => (v === null ? "" : String(v))));
    insert(snap.numberFormats, header.map(() => "General"));
    insert(snap.formulas, header.map(() => null));
    snap.merges = snap.merges.map((m) => m.replace(/([A-Z]+)(\d+)/g, (_, c: string, n: string) => `${c}${Number(n) > at ? Number(n) + 1 : Number(n)}`));
    const r = analyzeSheet(snap);
    expect(String(snap.values[at][0])).toBe("一级指标");
    expect(problems(r)).toEqual(problems(base).map((p) => p.replace(/(\D+)(\d+)$/, (_, c: string, n: string) => `${c}${Number(n) > at ? Number(n) + 1 : Number(n)}`)));
    expect(r.evaluations).toHaveLength(base.evaluations.length);
    expect(r.figures?.total).toBe(base.figures?.total);
  });
});

describe("Sichuan's form (510000_0013zp)", () => {
  test("as published, nothing wrong", () => {
    const r = analyzeSheet(sichuan().builder.toSnapshot());
    expect(r.kind).toBe("self-evaluation");
    expect(problems(r).filter((p) => p.startsWith("error"))).toEqual([]);
  });

  test("an unmet indicator with no reason: missing-explanation at its 未完成原因分析 cell", () => {
    const rows = SICHUAN_ROWS.map((x, i) => (i === 1 ? { ...x, actual: 90, score: 18.94 } : x));
    const built = sichuan({ rows });
    const r = analyzeSheet(built.builder.toSnapshot());
    const cell = toA1(built.rowOf[1], built.reasonCol);
    expect(r.findings.filter((f) => f.code === "missing-explanation").map((f) => f.cell)).toEqual([cell]);
  });

  test("near miss: the same row with its reason written", () => {
    const rows = SICHUAN_ROWS.map((x, i) => (i === 1 ? { ...x, actual: 90, score: 18.94, reason: "部分学员补考。" } : x));
    const r = analyzeSheet(sichuan({ rows }).builder.toSnapshot());
    expect(r.findings.filter((f) => f.code === "missing-explanation")).toEqual([]);
  });
});

describe("A department-wide form whose funds breakdown does not add up", () => {
  test("budget-sum-mismatch at the total's cell, an error", () => {
    const b = sichuan().builder;
    // 部门整体: the same funds block; the source rows add up to 90 against a total of 100.
    b.set(1, 1, "部门整体支出绩效自评表");
    b.set(7, 3, 90).set(7, 4, 90).set(7, 5, 85);
    const r = analyzeSheet(b.toSnapshot());
    expect(r.kind).toBe("department-self-evaluation");
    const sums = r.findings.filter((f) => f.code === "budget-sum-mismatch");
    expect(sums.map((f) => f.severity)).toEqual(["error", "error", "error"]);
    expect(sums.map((f) => f.cell)).toEqual(["C6", "D6", "E6"]);
  });
});
