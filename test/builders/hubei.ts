/**
 * Hubei's 项目支出绩效自评表 (RULES-2 §9.3), laid out as the published form is: the budget block worth 20
 * points by its label, then blocks 年度绩效目标1（40分） and 年度绩效目标2（40分）, each with its own header
 * and no per-row weight, the total, and one reason row for the whole form.
 */
import { SheetBuilder } from "./sheet";

export interface HubeiRow {
  l1: string;
  l2: string;
  name: string;
  target: string;
  actual: string;
  score: number | null;
}

export const BLOCK1: HubeiRow[] = [
  { l1: "产出指标", l2: "数量指标", name: "培训人次", target: "≥100人次", actual: "120人次", score: 15 },
  { l1: "", l2: "质量指标", name: "培训合格率", target: "≥95%", actual: "98%", score: 15 },
  { l1: "", l2: "时效指标", name: "按期完成率", target: "100%", actual: "100%", score: 10 },
];
export const BLOCK2: HubeiRow[] = [
  { l1: "效益指标", l2: "社会效益指标", name: "从业人员技能提升", target: "有效提升", actual: "达成预期指标", score: 20 },
  { l1: "满意度指标", l2: "服务对象满意度指标", name: "参训人员满意度", target: "≥90%", actual: "95%", score: 20 },
];

export interface HubeiOptions {
  block1?: HubeiRow[];
  block2?: HubeiRow[];
  block1Label?: string;
  total?: number | null;
  reason?: string | null;
}

/** Builds the form; `rows` says where things landed. */
export function hubei(opts: HubeiOptions = {}) {
  const b = new SheetBuilder("项目自评");
  b.set(1, 1, "2023年度项目支出绩效自评表").merge("A1:F1");
  b.set(2, 1, "项目名称").set(2, 2, "职业技能培训").merge("B2:F2");
  b.set(3, 1, "主管部门").set(3, 2, "湖北省某某厅").merge("B3:F3");
  b.set(4, 1, "预算执行情况（万元）（20分）").merge("A4:B4");
  b.set(4, 3, "预算数（A）").set(4, 4, "执行数（B）").set(4, 5, "执行率（B/A）").set(4, 6, "得分（20分*执行率）");
  b.set(5, 1, "年度财政资金总额").merge("A5:B5").set(5, 3, 100).set(5, 4, 98.5).set(5, 5, 98.5).set(5, 6, 19.7);
  let r = 6;
  const rowsOf: number[] = [];
  const block = (label: string, rows: HubeiRow[]) => {
    b.set(r, 1, label).merge(`A${r}:B${r}`).set(r, 3, "完成年度培训任务").merge(`C${r}:F${r}`);
    r++;
    ["一级指标", "二级指标", "三级指标", "年初目标值（A）", "实际完成值（B）", "得分"].forEach((h, i) => b.set(r, i + 1, h));
    r++;
    for (const row of rows) {
      if (row.l1) b.set(r, 1, row.l1);
      b.set(r, 2, row.l2).set(r, 3, row.name).set(r, 4, row.target).set(r, 5, row.actual);
      if (row.score !== null) b.set(r, 6, row.score);
      rowsOf.push(r);
      r++;
    }
  };
  block(opts.block1Label ?? "年度绩效目标1（40分）", opts.block1 ?? BLOCK1);
  block("年度绩效目标2（40分）", opts.block2 ?? BLOCK2);
  const totalRow = r;
  b.set(r, 1, "总分").merge(`A${r}:E${r}`);
  if (opts.total !== null) b.set(r, 6, opts.total ?? 99.7);
  r++;
  const reasonRow = r;
  b.set(r, 1, "偏差大或目标未完成原因分析").merge(`A${r}:B${r}`).merge(`C${r}:F${r}`);
  if (opts.reason) b.set(r, 3, opts.reason);
  r++;
  b.set(r, 1, "改进措施及结果应用方案").merge(`A${r}:B${r}`).merge(`C${r}:F${r}`);
  r++;
  b.set(r, 1, "备注：定性指标按达成预期指标 100%-80%、部分达成预期指标 80%-50%、未达成预期指标 50%-0% 计分；得分不得突破权重总额。").merge(`A${r}:F${r}`);
  return { builder: b, rows: rowsOf, totalCell: `F${totalRow}`, reasonCell: `C${reasonRow}` };
}
