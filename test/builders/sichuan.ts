/**
 * Sichuan's 部门预算项目支出绩效自评表, 报表编号 510000_0013zp (RULES-2 §9.2), laid out as the published
 * form is: 预算执行情况（10分） with 总额 and its four sources and a 原因 column, then 绩效指标（90分） with
 * 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析, a 合计 row and no grade.
 */
import { SheetBuilder } from "./sheet";

export interface SichuanRow {
  l1: string;
  l2: string;
  name: string;
  op: string;
  value: string | number;
  unit: string;
  actual: string | number;
  weight: number;
  score: number | null;
  reason?: string;
}

export const SICHUAN_ROWS: SichuanRow[] = [
  { l1: "产出指标", l2: "数量指标", name: "培训人次", op: "≥", value: 100, unit: "人次", actual: 120, weight: 20, score: 20 },
  { l1: "产出指标", l2: "质量指标", name: "培训合格率", op: "≥", value: 95, unit: "%", actual: 98, weight: 20, score: 20 },
  { l1: "产出指标", l2: "成本指标", name: "人均培训成本", op: "≤", value: 30, unit: "万元", actual: "完成", weight: 10, score: 10 },
  { l1: "效益指标", l2: "社会效益指标", name: "从业人员技能提升", op: "定性", value: "有效提升", unit: "", actual: "达成", weight: 20, score: 20 },
  { l1: "满意度指标", l2: "服务对象满意度指标", name: "参训人员满意度", op: "≥", value: 90, unit: "%", actual: 95, weight: 20, score: 20 },
];

export function sichuan(opts: { rows?: SichuanRow[]; executed?: number; budgetScore?: number; reason?: string | null; total?: number | null } = {}) {
  const b = new SheetBuilder("510000_0013zp");
  const rows = opts.rows ?? SICHUAN_ROWS;
  const executed = opts.executed ?? 95;
  b.set(1, 1, "部门预算项目支出绩效自评表").merge("A1:J1");
  b.set(2, 1, "（2023年度）").merge("A2:J2");
  b.set(3, 1, "项目名称").set(3, 2, "职业技能培训").merge("B3:J3");
  b.set(4, 1, "主管部门").set(4, 2, "四川省某某厅").merge("B4:E4").set(4, 6, "实施单位").set(4, 7, "某某中心").merge("G4:J4");
  b.set(5, 1, "预算执行情况（10分）").merge("A5:A10");
  ["年度预算数（万元）", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因"].forEach((h, i) => b.set(5, 2 + i, h));
  b.set(6, 2, "总额").set(6, 3, 100).set(6, 4, 100).set(6, 5, executed).set(6, 6, executed).set(6, 7, 10).set(6, 8, opts.budgetScore ?? Math.min(executed, 100) / 10);
  b.set(6, 9, opts.reason === undefined ? "1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内)" : opts.reason);
  b.set(7, 2, "其中：财政资金").set(7, 3, 100).set(7, 4, 100).set(7, 5, executed);
  b.set(8, 2, "财政专户管理资金");
  b.set(9, 2, "单位资金");
  b.set(10, 2, "其他资金");
  b.set(11, 1, "年度总体目标").set(11, 2, "预期目标").merge("B11:E11").set(11, 6, "实际完成情况").merge("F11:J11");
  b.set(12, 2, "完成年度培训任务").merge("B12:E12").set(12, 6, "已完成").merge("F12:J12");
  b.set(13, 1, "绩效指标（90分）").merge("A13:J13");
  ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"].forEach((h, i) => b.set(14, 1 + i, h));
  let r = 15;
  const rowOf: number[] = [];
  for (const x of rows) {
    b.set(r, 1, x.l1).set(r, 2, x.l2).set(r, 3, x.name).set(r, 4, x.op).set(r, 5, x.value).set(r, 6, x.unit).set(r, 7, x.actual).set(r, 8, x.weight);
    if (x.score !== null) b.set(r, 9, x.score);
    if (x.reason) b.set(r, 10, x.reason);
    rowOf.push(r);
    r++;
  }
  const weights = rows.reduce((a, x) => a + x.weight, 0);
  const scores = rows.reduce((a, x) => a + (x.score ?? 0), 0);
  b.set(r, 1, "合计").merge(`A${r}:G${r}`).set(r, 8, weights + 10);
  if (opts.total !== null) b.set(r, 9, opts.total ?? Math.round((scores + (opts.budgetScore ?? Math.min(executed, 100) / 10)) * 100) / 100);
  const totalRow = r;
  r++;
  b.set(r, 1, "评价结论").set(r, 2, "项目完成良好。").merge(`B${r}:J${r}`);
  r++;
  b.set(r, 1, "存在问题").set(r, 2, "无").merge(`B${r}:J${r}`);
  r++;
  b.set(r, 1, "改进措施").set(r, 2, "继续加强管理。").merge(`B${r}:J${r}`);
  return { builder: b, rowOf, totalRow, reasonCol: 10 };
}
