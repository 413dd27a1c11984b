/**
 * RULES §2 "How real workbooks vary (all of this must work)": every variation below is recognised
 * with the same figures as the plain layout, and raises no false error.
 */
import ExcelJS from "exceljs";
import { parseRange, rangeToA1 } from "../../../src/core/address";
import { analyzeSheet, type SheetResult } from "../../../src/core/engine";
import { planFill } from "../../../src/core/fill";
import { emptySnapshot, type CellValue, type SheetSnapshot } from "../../../src/core/snapshot";
import { loadWorkbook, snapshotsOf } from "../../../src/xlsx/readWorkbook";
import {
  buildLegacy,
  buildSelfEval,
  buildTargets,
  indicatorsWith,
  plainSpec,
  run,
  runLegacy,
  setCell,
  SheetBuilder,
  standardIndicators,
  targets2024,
  type IndicatorSpec,
  type SelfEvalSpec,
} from "../rules/support";

/** What the engine makes of a sheet, without cell addresses. */
function signature(r: SheetResult) {
  return {
    kind: r.kind,
    rows: r.evaluations.map((e) => ({
      level1: e.indicator.level1,
      level2: e.indicator.level2,
      name: e.indicator.name,
      mode: e.mode,
      op: e.op,
      target: e.target,
      unit: e.unit,
      actual: e.actual,
      tier: e.tier,
      met: e.met,
      weight: e.weight,
      score: e.score,
      suggested: e.suggested,
    })),
    budget: r.figures?.budget ? { rate: r.figures.budget.rate, score: r.figures.budget.score, weight: r.figures.budget.weight } : null,
    total: r.figures?.total,
    grade: r.figures?.grade,
    weightSum: r.figures?.weightSum,
    findings: r.findings.map((f) => `${f.severity}:${f.code}`).sort(),
  };
}

/** The plain form of the builder, worked out by hand from standardIndicators() and RULES §4. */
const PLAIN = {
  kind: "self-evaluation",
  rows: [
    { level1: "产出指标", level2: "数量指标", name: "完成事项数", mode: "quantitative", op: ">=", target: 25, unit: "项", actual: 30, met: true, weight: 20, score: 20, suggested: 20 },
    { level1: "产出指标", level2: "质量指标", name: "验收合格率", mode: "quantitative", op: "=", target: 100, unit: "%", actual: 100, met: true, weight: 20, score: 20, suggested: 20 },
    { level1: "产出指标", level2: "时效指标", name: "故障响应时间", mode: "quantitative", op: "<=", target: 2, unit: "小时", actual: 1.5, met: true, weight: 10, score: 10, suggested: 10 },
    { level1: "效益指标", level2: "社会效益指标", name: "服务能力", mode: "qualitative", tier: "达成", weight: 20, score: 20, suggested: 20 },
    { level1: "效益指标", level2: "可持续影响指标", name: "长效机制", mode: "qualitative", tier: "达成", weight: 10, score: 10, suggested: 10 },
    { level1: "满意度指标", level2: "服务对象满意度指标", name: "用户满意度", mode: "quantitative", op: ">=", target: 90, unit: "%", actual: 95, met: true, weight: 10, score: 10, suggested: 10 },
  ],
  budget: { rate: 98.5, score: 9.85, weight: 10 },
  total: 99.85,
  grade: "优",
  weightSum: 100,
  findings: [] as string[],
};

const analyse = (spec: SelfEvalSpec) => run(spec).result;

test("the plain layout reads as worked out by hand", () => {
  expect(signature(analyse(plainSpec()))).toEqual(PLAIN);
});

describe("layout", () => {
  test("title rows above the form", () => {
    const { built, result } = run(plainSpec({ extraTitleRows: 3 }));
    expect(signature(result)).toEqual(PLAIN);
    expect(result.form?.headerRow).toBe(15);
    expect(result.form?.total?.score?.address).toBe(built.totalCell);
    expect(built.totalCell).toBe("G22");
  });

  test("blank columns before the form", () => {
    const { built, result } = run(plainSpec({ offsetCols: 2 }));
    expect(signature(result)).toEqual(PLAIN);
    expect(result.form?.headerCell).toBe("C12");
    expect(result.form?.total?.score?.address).toBe("I19");
    expect(result.form?.grade?.address).toBe(built.gradeCell);
    expect(result.form?.kind === "self-evaluation" && result.form.funds?.total.score?.address).toBe("J6");
  });

  test("both, with the sheet read from a workbook whose used range starts at C3", async () => {
    const built = buildSelfEval(plainSpec({ offsetCols: 2, extraTitleRows: 2 }));
    const wb = new ExcelJS.Workbook();
    built.builder.addTo(wb);
    const [snap] = snapshotsOf(await loadWorkbook(Buffer.from(await wb.xlsx.writeBuffer())));
    expect(snap.origin.col).toBe(3);
    expect(signature(analyzeSheet(snap))).toEqual(PLAIN);
  });
});

test("a host that reports no merged areas reads the same (levels carried down, grade right of its label)", () => {
  const { snap } = run(plainSpec());
  const r = analyzeSheet({ ...snap, merges: [] });
  expect(signature(r)).toEqual(PLAIN);
  expect(r.form?.grade?.address).toBe("F20");
  const blank = analyzeSheet({ ...run(plainSpec({ total: null, grade: null })).snap, merges: [] });
  expect(blank.form?.grade?.address).toBe("F20");
  expect(blank.form?.total?.score?.address).toBe("G19");
});

describe("header words", () => {
  test("line breaks and spaces inside header cells (一级\\n指标, 年度 指标值)", () => {
    const { built, result } = run(plainSpec({ headerBreaks: true }));
    expect(built.builder.get(built.headerRow, 1)?.value).toBe("一级\n指标 ");
    expect(signature(result)).toEqual(PLAIN);
  });

  test("偏差原因分析及改进措施", () => {
    const { built, result } = run(plainSpec({ reasonHeader: "偏差原因分析及改进措施" }));
    expect(signature(result)).toEqual(PLAIN);
    expect(result.form?.indicators[0].reason?.address).toBe(built.cell(0, "reason"));
  });

  test.each(["年度(/项目)指标值", "年度（/项目）指标值", "指标目标值", "年度\n指标值", "年度指标值（/项目）"])("target header %j", (word) => {
    const built = buildSelfEval(plainSpec());
    built.builder.set(built.headerRow, built.col.target, word);
    expect(signature(analyzeSheet(built.builder.toSnapshot()))).toEqual(PLAIN);
  });

  test("full-width header words: 执行率（％）, 项目资金（万元）", () => {
    const built = buildSelfEval(plainSpec());
    built.builder.set(5, 7, "执行率（％）").set(5, 1, "项目资金（万元）");
    const r = analyzeSheet(built.builder.toSnapshot());
    expect(signature(r)).toEqual(PLAIN);
    expect(r.form?.kind === "self-evaluation" && r.form.funds?.unit).toBe("万元");
  });

  test("legacy: 权重 / 自评分, also written 权重（分）/ 自评得分 and with line breaks", () => {
    const plain = signature(runLegacy().result);
    expect(plain).toMatchObject({ kind: "self-evaluation-legacy", total: 91, grade: "优秀", weightSum: 100, findings: ["warning:stated-rate-differs"] });
    const built = buildLegacy();
    built.builder.set(13, 1, "一级\n指标").set(13, 2, "指标\n名称").set(13, 4, "权重（分）").set(13, 5, "自评得分");
    expect(signature(analyzeSheet(built.builder.toSnapshot()))).toEqual(plain);
  });
});

describe("first and second levels", () => {
  test.each(["merged", "repeated", "blank-below"] as const)("%s", (levels) => {
    const { result } = run(plainSpec({ levels }));
    expect(signature(result)).toEqual(PLAIN);
  });

  test("legacy section label repeated on every row instead of merged", () => {
    const built = buildLegacy();
    const snap = built.builder.toSnapshot();
    const unmerged: SheetSnapshot = { ...snap, merges: snap.merges.filter((m) => !/^A(1[4-9]|2\d):A/.test(m)) };
    let s = unmerged;
    const labels = ["投入与管理 (36分)", "产出目标 (34分)", "效果目标 (15分)", "影响力目标 (15分)"];
    const sectionOf = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 3, 3];
    built.rows.forEach((row, i) => (s = setCell(s, `A${row}`, labels[sectionOf[i]])));
    expect(signature(analyzeSheet(s))).toEqual(signature(runLegacy().result));
  });
});

describe("a target split over 指标性质 | 指标值 | 计量单位", () => {
  const split = (ops: Array<IndicatorSpec["split"]>): IndicatorSpec[] => standardIndicators().map((ind, i) => ({ ...ind, split: ops[i] }));
  const STANDARD_SPLIT: Array<IndicatorSpec["split"]> = [
    { op: "≥", value: 25, unit: "项" },
    { op: "=", value: 100, unit: "%" },
    { op: "≤", value: 2, unit: "小时" },
    { op: "定性", value: "有效提升", unit: "" },
    { op: "定性", value: "健全", unit: "" },
    { op: "≥", value: 90, unit: "%" },
  ];

  test("in one header row", () => {
    const { result } = run(plainSpec({ splitTarget: true, indicators: split(STANDARD_SPLIT) }));
    expect(signature(result)).toEqual(PLAIN);
    expect(result.form?.indicators[0].targetCell).toBe("E13");
  });

  test("comparator words, full-width signs, a value stored as text, a percentage stored as 1 with a % format", () => {
    const ops: Array<IndicatorSpec["split"]> = [
      { op: "不少于", value: "25", unit: "项" },
      { op: "＝", value: 1, unit: "", format: "0%" },
      { op: "＜＝", value: "２", unit: "小时" },
      { op: "", value: "有效提升", unit: "" },
      { op: "", value: "健全", unit: "" },
      { op: ">=", value: 0.9, unit: "", format: "0.00%" },
    ];
    const { result } = run(plainSpec({ splitTarget: true, indicators: split(ops) }));
    expect(signature(result)).toEqual(PLAIN);
  });

  // Regression test (fixed in src/core/forms/indicators.ts composeSplitTarget): the 计量单位 cell is wrapped in
  // parentheses as it is, so a unit cell that already carries them — "（小时）", "(%)" — composes to
  // "≤2((小时))", which the value reader cannot read: a false unparseable-target error on a fine form.
  test("a 计量单位 cell written with parentheses: （小时）, (%)", () => {
    const ops: Array<IndicatorSpec["split"]> = [...STANDARD_SPLIT];
    ops[1] = { op: "=", value: 100, unit: "(%)" };
    ops[2] = { op: "≤", value: 2, unit: "（小时）" };
    const { result } = run(plainSpec({ splitTarget: true, indicators: split(ops) }));
    expect(signature(result)).toEqual(PLAIN);
  });

  test("under a two-row header: 年度指标值 over 指标性质 | 指标值 | 计量单位", () => {
    const built = buildSelfEval(plainSpec({ splitTarget: true, indicators: split(STANDARD_SPLIT) }));
    const h = built.headerRow;
    let s = insertRowAfter(built.builder.toSnapshot(), h);
    s = setCell(s, `D${h}`, "年度指标值");
    s = setCell(s, `E${h}`, null);
    s = setCell(s, `F${h}`, null);
    s = setCell(s, `D${h + 1}`, "指标性质");
    s = setCell(s, `E${h + 1}`, "指标值");
    s = setCell(s, `F${h + 1}`, "计量单位");
    s = { ...s, merges: [...s.merges, `D${h}:F${h}`, ...["A", "B", "C", "G", "H", "I", "J"].map((c) => `${c}${h}:${c}${h + 1}`)] };
    const r = analyzeSheet(s);
    expect(signature(r)).toEqual(PLAIN);
    expect(r.form?.firstRow).toBe(h + 2);
  });
});

describe("values", () => {
  test("numbers stored as text: weights, scores, funds, total", () => {
    const inds = standardIndicators().map((ind) => ({ ...ind, weight: String(ind.weight), score: `${ind.score}.00` }));
    const funds = { initial: "100.00", budget: "100.00", executed: "98.50", rate: "98.50", score: "9.85" } as unknown as SelfEvalSpec["funds"];
    expect(signature(analyse(plainSpec({ indicators: inds, funds, total: "99.85" })))).toEqual(PLAIN);
  });

  test("actuals stored as bare numbers (the unit comes from the target)", () => {
    const inds = indicatorsWith({ 0: { actual: 30 }, 1: { actual: 100 }, 2: { actual: 1.5 }, 5: { actual: "95" } });
    expect(signature(analyse(plainSpec({ indicators: inds })))).toEqual(PLAIN);
  });

  test("thousands separators in text amounts: 9,838.67 as text equals 9838.67 as a number", () => {
    const asNumbers = analyse(plainSpec({ funds: { initial: 9838.67, budget: 9838.67, executed: 9838.67, rate: 100, score: 10 }, total: 100 }));
    const asText = analyse(
      plainSpec({
        funds: { initial: "9,838.67", budget: "9,838.67", executed: "9,838.67", rate: "100.00", score: "10.00" } as unknown as SelfEvalSpec["funds"],
        total: "100.00",
      }),
    );
    expect(signature(asText)).toEqual(signature(asNumbers));
    expect(asText.figures?.budget).toMatchObject({ budget: 9838.67, executed: 9838.67, rate: 100, score: 10 });
    expect(asText.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("percentages stored as 0.978 with a % format (actuals and the funds rate)", () => {
    const inds = indicatorsWith({ 1: { actual: 1, actualFormat: "0.00%" }, 5: { actual: 0.95, actualFormat: "0%" } });
    const { result, snap } = run(plainSpec({ indicators: inds, funds: { initial: 100, budget: 100, executed: 98.5, rateFormat: "0.00%" } }));
    expect(snap.text[5][6]).toBe("98.50%");
    expect(signature(result)).toEqual(PLAIN);
  });

  test("97.8% stored as 0.978 reads as the text 97.80(%)", () => {
    const text = analyse(plainSpec({ indicators: indicatorsWith({ 5: { actual: "97.80(%)" } }) }));
    const pct = analyse(plainSpec({ indicators: indicatorsWith({ 5: { actual: 0.978, actualFormat: "0.0%" } }) }));
    expect(signature(pct)).toEqual(signature(text));
    expect(pct.evaluations[5].actual).toBe(97.8);
  });

  test("full-width characters: ＞＝, （%）, full-width digits", () => {
    const inds: IndicatorSpec[] = [
      { l1: "产出指标", l2: "数量指标", name: "完成事项数", target: "＞＝２５.００（项）", actual: "３０.００（项）", weight: "２０", score: "２０.００" },
      { l1: "产出指标", l2: "质量指标", name: "验收合格率", target: "＝１００.００（％）", actual: "１００.００（％）", weight: 20, score: 20 },
      { l1: "产出指标", l2: "时效指标", name: "故障响应时间", target: "＜＝２.００（小时）", actual: "１.５０（小时）", weight: 10, score: 10 },
      { l1: "效益指标", l2: "社会效益指标", name: "服务能力", target: "有效提升", actual: "达成指标", weight: 20, score: 20 },
      { l1: "效益指标", l2: "可持续影响指标", name: "长效机制", target: "健全", actual: "达成指标", weight: 10, score: 10 },
      { l1: "满意度指标", l2: "服务对象满意度指标", name: "用户满意度", target: "≥９０（%）", actual: "９５％", weight: 10, score: 10 },
    ];
    expect(signature(analyse(plainSpec({ indicators: inds, total: "９９.８５" })))).toEqual(PLAIN);
  });

  test("a unit in the indicator name (设施设备采购及时率（%）) with a bare target =100", () => {
    const r = analyse(plainSpec({ indicators: indicatorsWith({ 1: { name: "验收合格率（%）", target: "=100", actual: "100" } }) }));
    const want = structuredClone(PLAIN);
    want.rows[1].name = "验收合格率（%）";
    expect(signature(r)).toEqual(want);
  });
});

describe("formulas", () => {
  test("totals and rates written as formulas, with their cached values", () => {
    const { result, snap, built } = run(plainSpec({ totalFormula: true, funds: { initial: 100, budget: 100, executed: 98.5, formulas: true } }));
    expect(snap.formulas[5][6]).toBe("=ROUNDDOWN(E6/D6*100,2)");
    expect(signature(result)).toEqual(PLAIN);
    // Nothing to fill, and formulas are never overwritten.
    const { plan } = planFill(snap);
    expect(plan.writes).toEqual([]);
    expect(plan.writes.map((w) => w.cell)).not.toContain(built.totalCell);
  });

  test("the same, through a real workbook (ExcelJS keeps formula and cached result)", async () => {
    const built = buildSelfEval(plainSpec({ totalFormula: true, funds: { initial: 100, budget: 100, executed: 98.5, formulas: true } }));
    const wb = new ExcelJS.Workbook();
    built.builder.addTo(wb);
    const [snap] = snapshotsOf(await loadWorkbook(Buffer.from(await wb.xlsx.writeBuffer())));
    const r = analyzeSheet(snap);
    expect(signature(r)).toEqual(PLAIN);
    expect(r.form?.total?.score?.formula).toBe("=H6+SUM(G13:G18)");
  });
});

describe("amounts in 元 or 万元", () => {
  test("元: 1,000,000 / 985,000 gives the same rate and score as 100 / 98.5 万元", () => {
    const r = analyse(plainSpec({ funds: { unit: "元", initial: 1000000, budget: 1000000, executed: 985000 } }));
    expect(signature(r)).toEqual(PLAIN);
    expect(r.form?.kind === "self-evaluation" && r.form.funds?.unit).toBe("元");
    expect(analyse(plainSpec()).form?.kind === "self-evaluation" && (analyse(plainSpec()).form as { funds: { unit: string } }).funds.unit).toBe("万元");
  });
});

describe("several forms in one workbook, and sheets that are no form", () => {
  test("a cover sheet, two self-evaluations, a legacy form and a 2024 target form", async () => {
    const cover = new SheetBuilder("填报说明");
    [
      "填报说明",
      "一、本表由项目实施单位填写，主管部门审核。",
      "一级指标、二级指标、三级指标按批复的绩效目标填写，不得修改。",
      "二、分值、得分保留两位小数；偏差原因分析应说明原因和改进措施。",
      "三、评分等级：90（含）以上为优，80（含）至90为良，60（含）至80为中，60以下为差。",
    ].forEach((line, i) => cover.set(i + 1, 1, line));
    const a = buildSelfEval(plainSpec({ name: "项目A" }));
    // Project B: seed-001 funds (9,708.37 / 11,962.44 → 81.15 → 8.11), two blank columns, extra title rows.
    const b = buildSelfEval(
      plainSpec({ name: "项目B", offsetCols: 2, extraTitleRows: 2, funds: { initial: 11962.44, budget: 11962.44, executed: 9708.37 }, total: 98.11, totalFormula: true }),
    );
    const legacy = buildLegacy();
    const targets = buildTargets("2024", targets2024());
    const wb = new ExcelJS.Workbook();
    for (const x of [cover, a.builder, b.builder, legacy.builder, targets.builder]) x.addTo(wb);
    const snaps = snapshotsOf(await loadWorkbook(Buffer.from(await wb.xlsx.writeBuffer())));
    const results = snaps.map((s) => analyzeSheet(s));
    expect(results.map((r) => [r.sheet, r.kind])).toEqual([
      ["填报说明", "none"],
      ["项目A", "self-evaluation"],
      ["项目B", "self-evaluation"],
      ["Sheet1", "self-evaluation-legacy"],
      ["目标申报表", "targets"],
    ]);
    expect(results[0].findings).toEqual([]);
    expect(signature(results[1])).toEqual(PLAIN);
    expect(signature(results[2])).toEqual({ ...PLAIN, budget: { rate: 81.15, score: 8.11, weight: 10 }, total: 98.11 });
    expect(results[3].figures).toMatchObject({ total: 91, grade: "优秀", legacyRate: 98.35 });
    expect(results[4].findings).toEqual([]);
    for (const r of results) expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("no form", () => {
  test.each<[string, SheetSnapshot]>([
    ["an empty sheet", emptySnapshot("Sheet2")],
    ["a sheet of notes", sheetOf([["备注"], ["本项目2023年度预算已执行完毕。"], ["联系人：张三"]])],
    ["a table that is not an indicator table", sheetOf([["序号", "项目名称", "金额（万元）"], [1, "政务云", 24600.36], [2, "政务外网", 9838.67]])],
    ["a header word alone", sheetOf([["一级指标"], ["产出指标"]])],
  ])("%s → kind none, no findings", (_label, snap) => {
    const r = analyzeSheet(snap);
    expect(r.kind).toBe("none");
    expect(r.form).toBeNull();
    expect(r.findings).toEqual([]);
    expect(planFill(snap).plan.writes).toEqual([]);
  });
});

function sheetOf(rows: CellValue[][]): SheetSnapshot {
  const b = new SheetBuilder("Sheet2");
  rows.forEach((row, i) => row.forEach((v, j) => b.set(i + 1, j + 1, v)));
  return b.toSnapshot();
}

/** A copy of the snapshot with an empty row inserted below `row` (merges shifted; formulas left as they are). */
function insertRowAfter(s: SheetSnapshot, row: number): SheetSnapshot {
  const i = row - s.origin.row + 1;
  const width = s.values.reduce((w, r) => Math.max(w, r.length), 0);
  const ins = <T>(grid: T[][], fill: T): T[][] => [...grid.slice(0, i).map((r) => [...r]), new Array<T>(width).fill(fill), ...grid.slice(i).map((r) => [...r])];
  const merges = s.merges.map((m) => {
    const r = parseRange(m);
    if (r.top > row) return rangeToA1({ ...r, top: r.top + 1, bottom: r.bottom + 1 });
    if (r.bottom > row) return rangeToA1({ ...r, bottom: r.bottom + 1 });
    return m;
  });
  return { ...s, values: ins(s.values, null), text: ins(s.text, ""), numberFormats: ins(s.numberFormats, "General"), formulas: ins<string | null>(s.formulas, null), merges };
}
