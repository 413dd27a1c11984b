/** Chongqing's 部门整体绩效自评表 (RULES-2 §8.3), laid out as the published form is. */
import { SheetBuilder } from "./sheet";

export interface Row {
  name: string;
  unit: string;
  nature: string;
  initial: string;
  adjusted?: string;
  actual: string;
  coef: number | null;
  weight: number;
  score: number | null;
}

export const ROWS: Row[] = [
  { name: "重点工作完成率", unit: "%", nature: "定量指标", initial: "≥95", actual: "100", coef: 100, weight: 30, score: 30 },
  { name: "项目按期完成率", unit: "%", nature: "定量指标", initial: "≥90", adjusted: "≥85", actual: "88", coef: 100, weight: 20, score: 20 },
  { name: "专项资金支出进度", unit: "万元", nature: "定量指标", initial: "≤500", actual: "480", coef: 100, weight: 20, score: 20 },
  { name: "社会公众满意度", unit: "%", nature: "定量指标", initial: "≥90", actual: "92", coef: 100, weight: 20, score: 20 },
];

export function chongqing(opts: { rows?: Row[]; total?: number | null; executed?: number; rateScore?: number | null; coefHead?: string } = {}) {
  const b = new SheetBuilder("部门整体自评");
  b.set(1, 1, "2023年度部门整体绩效自评表").merge("A1:J1");
  b.set(2, 1, "主管部门").set(2, 2, "重庆市某某局").merge("B2:D2").set(2, 5, "财政处室").set(2, 6, "行政政法处").set(2, 8, "自评总分（分）");
  if (opts.total !== null) b.set(2, 9, opts.total ?? 97.6);
  b.set(3, 1, "部门联系人").set(3, 2, "张三").set(3, 5, "联系电话").set(3, 6, "023-00000000");
  b.set(4, 1, "部门预算执行情况（万元）").merge("A4:A5");
  ["年初预算数", "全年（调整）预算数", "全年执行数", "执行率（%）", "执行率权重", "执行率得分（分）"].forEach((h, i) => b.set(4, 2 + i, h));
  b.set(5, 2, 1000).set(5, 3, 1000).set(5, 4, opts.executed ?? 760).set(5, 5, 76).set(5, 6, 10);
  if (opts.rateScore !== null) b.set(5, 7, opts.rateScore ?? 7.6);
  b.set(6, 1, "当年绩效目标").set(6, 2, "年初绩效目标").set(6, 5, "全年（调整）绩效目标").set(6, 8, "全年目标实际完成情况");
  b.set(7, 2, "履行职责，完成年度重点工作").set(7, 5, "同年初目标").set(7, 8, "全面完成");
  const heads = ["指标名称", "计量单位", "指标性质", "年初指标值", "调整指标值", "全年完成值", opts.coefHead ?? "得分系数（%）", "指标权重（分）", "指标得分（分）", "是否核心指标"];
  heads.forEach((h, i) => b.set(8, 1 + i, h));
  (opts.rows ?? ROWS).forEach((r, i) => {
    const row = 9 + i;
    b.set(row, 1, r.name).set(row, 2, r.unit).set(row, 3, r.nature).set(row, 4, r.initial).set(row, 6, r.actual).set(row, 8, r.weight).set(row, 10, "是");
    if (r.adjusted) b.set(row, 5, r.adjusted);
    if (r.coef !== null) b.set(row, 7, r.coef);
    if (r.score !== null) b.set(row, 9, r.score);
  });
  return b;
}

