import { toA1 } from "../../src/core/address";
import type { CellValue } from "../../src/core/snapshot";
import { SheetBuilder } from "./sheet";

export interface IndicatorSpec {
  l1: string;
  l2: string;
  name: string;
  target: CellValue;
  actual: CellValue;
  weight: CellValue;
  score: CellValue;
  reason?: CellValue;
  actualFormat?: string;
  /** Split-target layouts: 指标性质 | 指标值 | 计量单位. */
  split?: { op: string; value: CellValue; unit: string; format?: string };
}

export interface SelfEvalSpec {
  name?: string;
  /** Extra title rows above the form (beyond the template's two). */
  extraTitleRows?: number;
  /** Blank columns left of the form. */
  offsetCols?: number;
  /** Header words with line breaks and spaces ("一级\n指标"). */
  headerBreaks?: boolean;
  /** First and second levels merged over their rows (default) or repeated on every row. */
  levels?: "merged" | "repeated" | "blank-below";
  splitTarget?: boolean;
  reasonHeader?: string;
  funds?: {
    unit?: "万元" | "元";
    initial: CellValue;
    budget: CellValue;
    executed: CellValue;
    weight?: CellValue;
    rate?: CellValue;
    score?: CellValue;
    rateFormat?: string;
    parts?: Array<{ label: string; initial: CellValue; budget: CellValue; executed: CellValue }>;
    formulas?: boolean;
  } | null;
  indicators: IndicatorSpec[];
  total?: CellValue;
  totalFormula?: boolean;
  grade?: CellValue;
}

export interface BuiltForm {
  builder: SheetBuilder;
  headerRow: number;
  firstRow: number;
  /** Column numbers of the indicator table. */
  col: { l1: number; l2: number; name: number; target: number; actual: number; weight: number; score: number; reason: number };
  rowOf: (i: number) => number;
  cell: (i: number, c: keyof BuiltForm["col"]) => string;
  totalCell: string;
  gradeCell: string;
  budgetRateCell: string;
  budgetScoreCell: string;
}

/** A sheet laid out like the 2020 Ministry template (seed 001), with the variations of RULES §2. */
export function buildSelfEval(spec: SelfEvalSpec): BuiltForm {
  const b = new SheetBuilder(spec.name ?? "绩效自评表");
  const off = spec.offsetCols ?? 0;
  const split = spec.splitTarget === true;
  const C = (n: number) => n + off; // template column n (1 = A) shifted right
  const extra = split ? 2 : 0;
  const col = {
    l1: C(1),
    l2: C(2),
    name: C(3),
    target: C(4),
    actual: C(5 + extra),
    weight: C(6 + extra),
    score: C(7 + extra),
    reason: C(8 + extra),
  };
  const last = col.reason;
  let r = 1 + (spec.extraTitleRows ?? 0);
  if (spec.extraTitleRows) b.set(1, C(1), "附件2");
  b.set(r, C(1), "财政项目支出绩效自评表").merge(`${toA1(r, C(1))}:${toA1(r, last)}`);
  r++;
  b.set(r, C(1), "（2023年度）").merge(`${toA1(r, C(1))}:${toA1(r, last)}`);
  r++;
  b.set(r, C(1), "项目名称").set(r, C(2), "测试项目");
  r++;
  b.set(r, C(1), "主管部门").set(r, C(2), "某某局").set(r, C(5), "实施单位").set(r, C(6), "某某中心");
  r++;

  const f = spec.funds === undefined ? { initial: 100, budget: 100, executed: 98.5 } : spec.funds;
  const fundsHeader = r;
  let budgetRateCell = "";
  let budgetScoreCell = "";
  if (f) {
    b.set(r, C(1), `项目资金\n（${f.unit ?? "万元"}）`);
    ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率(%)", "得分"].forEach((h, i) => b.set(r, C(3 + i), h));
    r++;
    const totalRow = r;
    const money = "#,##0.00";
    b.set(r, C(2), "年度资金总额");
    b.set(r, C(3), f.initial, { format: money });
    b.set(r, C(4), f.budget, { format: money });
    b.set(r, C(5), f.executed, { format: money });
    b.set(r, C(6), f.weight === undefined ? 10 : f.weight, { format: "0.00" });
    const computedRate = typeof f.budget === "number" && typeof f.executed === "number" ? Math.floor((f.executed / f.budget) * 10000 + 1e-7) / 100 : null;
    const rate = f.rate === undefined ? computedRate : f.rate;
    const rateFmt = f.rateFormat ?? "0.00";
    b.set(r, C(7), rate !== null && rateFmt.includes("%") && typeof rate === "number" ? rate / 100 : rate, { format: rateFmt, ...(f.formulas ? { formula: `=ROUNDDOWN(${toA1(r, C(5))}/${toA1(r, C(4))}*100,2)` } : {}) });
    const fundsWeight = typeof f.weight === "number" ? f.weight : 10;
    const score = f.score === undefined ? (computedRate === null ? null : Math.floor(Math.min(computedRate, 100) * fundsWeight + 1e-7) / 100) : f.score;
    b.set(r, C(8), score, { format: "0.00" });
    budgetRateCell = toA1(r, C(7));
    budgetScoreCell = toA1(r, C(8));
    r++;
    const parts = f.parts ?? [
      { label: "其中：当年财政拨款", initial: f.initial, budget: f.budget, executed: f.executed },
      { label: "上年结转资金", initial: 0, budget: 0, executed: 0 },
      { label: "其他资金", initial: 0, budget: 0, executed: 0 },
    ];
    for (const p of parts) {
      b.set(r, C(2), p.label).set(r, C(3), p.initial, { format: money }).set(r, C(4), p.budget, { format: money }).set(r, C(5), p.executed, { format: money });
      b.set(r, C(6), "-").set(r, C(8), "-");
      r++;
    }
    b.merge(`${toA1(fundsHeader, C(1))}:${toA1(r - 1, C(1))}`);
    void totalRow;
  }
  b.set(r, C(1), "年度\n总体\n目标").set(r, C(2), "预期目标").set(r, C(6), "实际完成情况");
  r++;
  b.set(r, C(2), "目标文字").set(r, C(6), "完成情况文字");
  r++;

  const h = (s: string) => (spec.headerBreaks ? s.replace(/^(..)(..)$/, "$1\n$2 ").replace(/^(..)(...)$/, "$1 $2") : s);
  const headerRow = r;
  b.set(r, col.l1, h("一级指标")).set(r, col.l2, h("二级指标")).set(r, col.name, h("三级指标"));
  if (split) {
    b.set(r, col.target, "指标性质").set(r, col.target + 1, "指标值").set(r, col.target + 2, "计量单位");
  } else {
    b.set(r, col.target, h("年度指标值"));
  }
  b.set(r, col.actual, h("实际完成值")).set(r, col.weight, "分值").set(r, col.score, "得分").set(r, col.reason, spec.reasonHeader ?? "偏差原因分析");
  r++;
  const firstRow = r;
  const levels = spec.levels ?? "merged";
  let prevL1 = "";
  let prevL2 = "";
  let l1Start = r;
  let l2Start = r;
  const closeMerge = (start: number, end: number, c: number) => {
    if (levels === "merged" && end > start) b.merge(`${toA1(start, c)}:${toA1(end, c)}`);
  };
  spec.indicators.forEach((ind, i) => {
    const row = firstRow + i;
    const newL1 = ind.l1 !== prevL1;
    const newL2 = newL1 || ind.l2 !== prevL2;
    if (newL1 && i > 0) closeMerge(l1Start, row - 1, col.l1);
    if (newL2 && i > 0) closeMerge(l2Start, row - 1, col.l2);
    if (newL1) l1Start = row;
    if (newL2) l2Start = row;
    if (newL1 || levels === "repeated") b.set(row, col.l1, ind.l1);
    if (newL2 || levels === "repeated") b.set(row, col.l2, ind.l2);
    prevL1 = ind.l1;
    prevL2 = ind.l2;
    b.set(row, col.name, ind.name);
    if (split && ind.split) {
      b.set(row, col.target, ind.split.op).set(row, col.target + 1, ind.split.value, ind.split.format ? { format: ind.split.format } : {}).set(row, col.target + 2, ind.split.unit);
    } else {
      b.set(row, col.target, ind.target);
    }
    b.set(row, col.actual, ind.actual, ind.actualFormat ? { format: ind.actualFormat } : {});
    b.set(row, col.weight, ind.weight, { format: "0.00" });
    b.set(row, col.score, ind.score, { format: "0.00" });
    if (ind.reason !== undefined) b.set(row, col.reason, ind.reason);
  });
  const lastRow = firstRow + spec.indicators.length - 1;
  closeMerge(l1Start, lastRow, col.l1);
  closeMerge(l2Start, lastRow, col.l2);
  r = lastRow + 1;
  b.set(r, col.l1, "总分").merge(`${toA1(r, col.l1)}:${toA1(r, col.actual)}`);
  b.set(r, col.weight, 100);
  const scoreRange = `${toA1(firstRow, col.score)}:${toA1(lastRow, col.score)}`;
  b.set(r, col.score, spec.total === undefined ? null : spec.total, {
    format: "0.00",
    ...(spec.totalFormula ? { formula: budgetScoreCell ? `=${budgetScoreCell}+SUM(${scoreRange})` : `=SUM(${scoreRange})` } : {}),
  });
  const totalCell = toA1(r, col.score);
  r++;
  b.set(r, col.l1, "评分等级").merge(`${toA1(r, col.l1)}:${toA1(r, col.actual)}`);
  b.set(r, col.weight, spec.grade === undefined ? null : spec.grade).merge(`${toA1(r, col.weight)}:${toA1(r, col.reason)}`);
  const gradeCell = toA1(r, col.weight);
  return {
    builder: b,
    headerRow,
    firstRow,
    col,
    rowOf: (i) => firstRow + i,
    cell: (i, c) => toA1(firstRow + i, col[c]),
    totalCell,
    gradeCell,
    budgetRateCell,
    budgetScoreCell,
  };
}

/** A small valid form: budget 98.50 → 9.85, indicators worth 90, all met except none. */
export function standardIndicators(): IndicatorSpec[] {
  return [
    { l1: "产出指标", l2: "数量指标", name: "完成事项数", target: "≥25.00(项)", actual: "30.00(项)", weight: 20, score: 20 },
    { l1: "产出指标", l2: "质量指标", name: "验收合格率", target: "=100.00(%)", actual: "100.00(%)", weight: 20, score: 20 },
    { l1: "产出指标", l2: "时效指标", name: "故障响应时间", target: "≤2.00(小时)", actual: "1.50(小时)", weight: 10, score: 10 },
    { l1: "效益指标", l2: "社会效益指标", name: "服务能力", target: "有效提升", actual: "达成指标", weight: 20, score: 20 },
    { l1: "效益指标", l2: "可持续影响指标", name: "长效机制", target: "健全", actual: "达成指标", weight: 10, score: 10 },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "用户满意度", target: "≥90.00(%)", actual: "95.00(%)", weight: 10, score: 10 },
  ];
}
