/**
 * 部门整体支出绩效自评表 (RULES-2 §8): recognised before the project form by its title or header words,
 * in two layouts, each with a triggering case and a near miss.
 */
import { parseA1 } from "../../../src/core/address";
import { analyzeSheet } from "../../../src/core/engine";
import { planFill } from "../../../src/core/fill";
import { buildSelfEval, plainSpec, PLAIN_TOTAL, SheetBuilder } from "../rules/support";

const codes = (r: ReturnType<typeof analyzeSheet>) => r.findings.map((f) => `${f.code}@${f.cell}`);

function mofDepartment(expenseExecuted = 38.5) {
  const built = buildSelfEval(
    plainSpec({
      funds: {
        initial: 100,
        budget: 100,
        executed: 98.5,
        parts: [
          { label: "按收入性质分：财政拨款", initial: 90, budget: 90, executed: 88.5 },
          { label: "其他资金", initial: 10, budget: 10, executed: 10 },
          { label: "按支出性质分：基本支出", initial: 60, budget: 60, executed: 60 },
          { label: "项目支出", initial: 40, budget: 40, executed: expenseExecuted },
        ],
      },
    }),
  );
  return built;
}

describe("the MOF-style layout (funds block with two breakdowns)", () => {
  test("a title 部门整体支出绩效自评表 makes it department-wide; it scores as the project form", () => {
    const built = mofDepartment();
    built.builder.set(1, 1, "2023年度部门整体支出绩效自评表");
    const r = analyzeSheet(built.builder.toSnapshot());
    expect(r.kind).toBe("department-self-evaluation");
    expect(r.form).toMatchObject({ layout: "funds" });
    expect(r.figures?.total).toBe(PLAIN_TOTAL);
    expect(r.figures?.grade).toBe("优");
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("each breakdown must add up to the total: 基本支出 + 项目支出 ≠ 年度资金总额 is budget-sum-mismatch", () => {
    const built = mofDepartment(38);
    built.builder.set(1, 1, "部门整体支出绩效自评表");
    const r = analyzeSheet(built.builder.toSnapshot());
    const f = r.findings.filter((x) => x.code === "budget-sum-mismatch");
    expect(f).toHaveLength(1);
    expect(f[0].message.zh).toContain("“基本支出、项目支出”合计 98.00");
  });

  test("the breakdown words alone (按收入性质分 / 按支出性质分) make it department-wide", () => {
    expect(analyzeSheet(mofDepartment().builder.toSnapshot()).kind).toBe("department-self-evaluation");
  });

  test("near miss: a project form with its one breakdown stays a project form", () => {
    const r = analyzeSheet(buildSelfEval(plainSpec({ funds: { initial: 100, budget: 100, executed: 98.5, parts: [{ label: "财政拨款", initial: 90, budget: 90, executed: 88.5 }, { label: "其他资金", initial: 10, budget: 10, executed: 10 }] } })).builder.toSnapshot());
    expect(r.kind).toBe("self-evaluation");
    expect(r.findings.filter((f) => f.code === "budget-sum-mismatch")).toEqual([]);
  });

  test("filling writes the same cells as on the project form", () => {
    const built = buildSelfEval(plainSpec({ total: null, grade: null }));
    const project = planFill(built.builder.toSnapshot()).plan.writes.map((w) => w.cell);
    built.builder.set(1, 1, "部门整体支出绩效自评表");
    const dept = planFill(built.builder.toSnapshot());
    expect(dept.after.kind).toBe("department-self-evaluation");
    expect(dept.plan.writes.map((w) => w.cell)).toEqual(project);
  });
});

/** A scoring-framework table as Hunan publishes it (RULES-2 §8.4). */
function framework(opts: { processLabel?: string; reason?: string | null } = {}) {
  const b = new SheetBuilder("部门整体自评");
  b.set(1, 1, "部门整体支出绩效评价自评评分表").merge("A1:G1");
  ["一级指标", "二级指标", "三级指标", "评分标准", "分值", "自评得分", "扣分原因和其他说明"].forEach((h, i) => b.set(2, i + 1, h));
  const rows: Array<[string, string, string, number, number, string | null]> = [
    ["投入（15分）", "预算配置（15分）", "预算编制", 15, 15, null],
    [opts.processLabel ?? "过程（40分）", "预算执行（15分）", "预算执行率", 15, 14, opts.reason === undefined ? null : opts.reason],
    ["", "预算管理（15分）", "资金使用合规性", 15, 15, null],
    ["", "资产管理（10分）", "资产管理安全性", 10, 10, null],
    ["产出（25分）", "产出数量（15分）", "重点工作完成率", 15, 15, null],
    ["", "产出质量（10分）", "质量达标率", 10, 10, null],
    ["效益（20分）", "社会效益（10分）", "社会效益", 10, 10, null],
    ["", "满意度（10分）", "服务对象满意度", 10, 9, "个别服务对象反映办理时限偏长。"],
  ];
  rows.forEach(([l1, l2, name, w, s, reason], i) => {
    const r = 3 + i;
    if (l1) b.set(r, 1, l1);
    b.set(r, 2, l2).set(r, 3, name).set(r, 4, "按评分标准计分").set(r, 5, w).set(r, 6, s);
    if (reason) b.set(r, 7, reason);
  });
  b.merge("A4:A6").merge("A7:A8").merge("A9:A10");
  b.set(11, 1, "合计").set(11, 5, 100).set(11, 6, 98);
  b.set(12, 1, "评分等级").set(12, 5, "优");
  return b;
}

describe("the scoring-framework layout", () => {
  test("sections with points, 分值 | 自评得分 | 扣分原因: total = Σ scores; a score below its weight needs 扣分原因", () => {
    const r = analyzeSheet(framework().toSnapshot());
    expect(r.kind).toBe("department-self-evaluation");
    expect(r.form).toMatchObject({ layout: "framework", funds: null });
    expect(r.figures).toMatchObject({ budget: null, total: 98, grade: "优", weightSum: 100 });
    expect(codes(r).filter((c) => !c.startsWith("weight-split"))).toEqual(["missing-explanation@G4"]);
  });

  test("near miss: with the reason written, nothing is wrong", () => {
    const r = analyzeSheet(framework({ reason: "部分项目资金拨付滞后。" }).toSnapshot());
    expect(r.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  test("a section whose label disagrees with its weights is weight-sum at the label", () => {
    const r = analyzeSheet(framework({ processLabel: "过程（45分）", reason: "x" }).toSnapshot());
    const f = r.findings.filter((x) => x.code === "weight-sum");
    expect(f.map((x) => x.cell)).toEqual(["A2", "A4"]);
    expect(f[0].message.zh).toContain("各一级指标标注的分数合计为 105.00");
    expect(f[1].message.zh).toContain("标注 45.00 分");
  });

  test("near miss: without the department title the same table is the legacy project form", () => {
    const b = framework({ reason: "x" });
    b.set(1, 1, "项目绩效评价评分表");
    expect(analyzeSheet(b.toSnapshot()).kind).toBe("self-evaluation-legacy");
  });
});

test("header words alone (部门（单位）名称) make a form department-wide", () => {
  const built = buildSelfEval(plainSpec());
  const row = parseA1(built.budgetRateCell).row - 3;
  built.builder.set(row, 1, "部门（单位）名称");
  expect(analyzeSheet(built.builder.toSnapshot()).kind).toBe("department-self-evaluation");
});

/** Tianjin's department-wide form (pmkpi selfindextj, RULES-2 §8.2): no level columns, 计算符号 as the comparator. */
function tianjin(opts: { actual3?: string; score3?: number; reason3?: string } = {}) {
  const b = new SheetBuilder("部门整体自评");
  b.set(1, 1, "2023年度部门整体支出绩效自评表").merge("A1:H1");
  b.set(2, 1, "部门（单位）名称").set(2, 2, "天津市某某局");
  b.set(3, 1, "年度部门整体支出预算执行情况（万元）");
  ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].forEach((h, i) => b.set(4, 3 + i, h));
  b.set(5, 2, "年度资金总额").set(5, 3, 200).set(5, 4, 200).set(5, 5, 190).set(5, 6, 10).set(5, 7, 95).set(5, 8, 9.5);
  b.set(6, 1, "年度绩效目标").set(6, 3, "实际完成情况").set(6, 6, "偏差原因分析及改进措施");
  b.set(7, 1, "完成年度重点工作").set(7, 3, "基本完成");
  ["指标名称", "计算符号", "指标值", "实际完成值", "计量单位", "分值", "得分", "偏差原因分析及改进措施"].forEach((h, i) => b.set(8, 1 + i, h));
  const rows: Array<[string, string, number, string, string, number, number, string]> = [
    ["重点工作完成数", "≥", 20, "22", "项", 30, 30, ""],
    ["审计整改完成率", "=", 100, "100", "%", 30, 30, ""],
    ["项目评审时限", "≤", 30, opts.actual3 ?? "25", "天", 20, opts.score3 ?? 20, opts.reason3 ?? ""],
    ["服务对象满意度", "≥", 90, "95", "%", 10, 10, ""],
  ];
  rows.forEach(([name, op, v, actual, unit, w, s, reason], i) => {
    const r = 9 + i;
    b.set(r, 1, name).set(r, 2, op).set(r, 3, v).set(r, 4, actual).set(r, 5, unit).set(r, 6, w).set(r, 7, s);
    if (reason) b.set(r, 8, reason);
  });
  b.set(13, 1, "总分").set(13, 6, 100).set(13, 7, 99.5);
  return b;
}

describe("Tianjin's layout (计算符号, no level columns)", () => {
  test("recognised as department-wide and scored as the project form: 计算符号 is the comparator", () => {
    const r = analyzeSheet(tianjin().toSnapshot());
    expect(r.kind).toBe("department-self-evaluation");
    expect(r.form).toMatchObject({ layout: "funds" });
    expect(r.form!.indicators.map((i) => i.target)).toEqual([
      { kind: "quantity", op: ">=", value: 20, unit: "项" },
      { kind: "quantity", op: "=", value: 100, unit: "%" },
      { kind: "quantity", op: "<=", value: 30, unit: "天" },
      { kind: "quantity", op: ">=", value: 90, unit: "%" },
    ].map((t) => expect.objectContaining(t)));
    expect(r.figures).toMatchObject({ total: 99.5, weightSum: 100 });
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("a missed ≤ target needs its 偏差原因分析; near miss: with it written, no error", () => {
    const missed = analyzeSheet(tianjin({ actual3: "40", score3: 15, reason3: "" }).toSnapshot());
    expect(codes(missed)).toContain("missing-explanation@H11");
    const explained = analyzeSheet(tianjin({ actual3: "40", score3: 15, reason3: "评审材料补正耗时较长，已优化流程。" }).toSnapshot());
    expect(explained.findings.filter((f) => f.code === "missing-explanation")).toEqual([]);
  });
});
