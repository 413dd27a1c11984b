/**
 * A project self-evaluation as an Anhui unit published it in 2022 on the MOF template (RULES-3 §13,
 * 天长市 / 池州市): the template's 指标1：/指标2：/…… rows left in, a target written into a filled 指标1：
 * row's name, a `/` row, unused 二级指标 groups, first levels written 产出指标(50分), ≥100百分比, the 偏差
 * 原因分析及改进措施 column merged over two columns, notes and signatures below the grade.
 */
import { SheetBuilder } from "./sheet";

interface Line {
  l1?: string;
  l2?: string;
  name: string;
  target?: string | number;
  actual?: string | number;
  weight?: number;
  score?: number;
  reason?: string;
}

export const ANHUI_LINES: Line[] = [
  { l1: "产出指标(50分)", l2: "数量指标", name: "指标1：新建灌溉渠道长度", target: "≥12(公里)", actual: "12.5(公里)", weight: 15, score: 15 },
  { name: "指标2：" },
  { name: "指标3：" },
  { l2: "质量指标", name: "指标1：工程验收合格率", target: "≥100百分比", actual: "100%", weight: 15, score: 15 },
  { name: "指标2：" },
  { l2: "时效指标", name: "指标1：按期完工率", target: "=100%", actual: "100%", weight: 10, score: 10 },
  { name: "……" },
  { l2: "成本指标", name: "指标1：工程成本控制", target: "≤预算", actual: "/", },
  { name: "指标1：单位造价", target: "≤80(万元/公里)", actual: "76(万元/公里)", weight: 10, score: 10 },
  { l1: "效益指标(30分)", l2: "经济效益指标", name: "指标1：" },
  { name: "指标2：" },
  { l2: "社会效益指标", name: "指标1：受益农户数", target: "≥1200(户)", actual: "1180(户)", weight: 10, score: 9.83, reason: "部分农户外出务工，未纳入统计。" },
  { l2: "生态效益指标", name: "指标1：" },
  { l2: "可持续影响指标", name: "指标1：工程管护机制", target: "健全", actual: "健全", weight: 10, score: 10 },
  { name: "指标2：运行维护制度", target: "建立", actual: "已建立", weight: 10, score: 10 },
  { l1: "满意度指标(10分)", l2: "服务对象满意度指标", name: "指标1：受益群众满意度", target: "≥90%", actual: "95%", weight: 10, score: 10 },
  { name: "指标2：" },
];

export function anhui2022(opts: { lines?: Line[]; total?: number | null; funds?: { budget: number; executed: number; totalRow?: "filled" | "zero" | "blank" } } = {}) {
  const b = new SheetBuilder("附件");
  const lines = opts.lines ?? ANHUI_LINES;
  const funds = opts.funds ?? { budget: 300, executed: 298.5 };
  b.set(1, 1, "项目支出绩效自评表").merge("A1:I1");
  b.set(2, 1, "（2022年度）").merge("A2:I2");
  b.set(3, 1, "项目名称").set(3, 2, "农田水利设施建设").merge("B3:I3");
  b.set(4, 1, "主管部门").set(4, 2, "天长市水利局").merge("B4:D4").set(4, 5, "实施单位").set(4, 6, "天长市水利局").merge("F4:I4");
  b.set(5, 1, "项目资金（万元）").merge("A5:A9");
  ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].forEach((h, i) => b.set(5, 3 + i, h));
  const money = '_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * "-"??_ ;_ @_ ';
  const rate = Math.floor((funds.executed / funds.budget) * 10000) / 100;
  const bScore = Math.floor(Math.min(rate, 100) * 10) / 100;
  b.set(6, 2, "年度资金总额：");
  const totalRow = funds.totalRow ?? "filled";
  if (totalRow !== "blank") {
    const [x, y, z] = totalRow === "zero" ? [0, 0, 0] : [funds.budget, funds.budget, funds.executed];
    b.set(6, 3, x, { format: money }).set(6, 4, y, { format: money }).set(6, 5, z, { format: money });
  }
  b.set(6, 6, 10).set(6, 7, rate / 100, { format: "0.00%" }).set(6, 8, bScore);
  b.set(7, 2, "其中：本年财政拨款").set(7, 3, funds.budget, { format: money }).set(7, 4, funds.budget, { format: money }).set(7, 5, funds.executed, { format: money }).set(7, 6, "—").set(7, 8, "—");
  b.set(8, 2, "上年结转资金").set(8, 6, "—").set(8, 8, "—");
  b.set(9, 2, "其他资金").set(9, 6, "—").set(9, 8, "—");
  b.set(10, 1, "年度总体目标").merge("A10:A11").set(10, 2, "预期目标").merge("B10:E10").set(10, 6, "实际完成情况").merge("F10:I10");
  b.set(11, 2, "新建灌溉渠道12公里，改善灌溉面积。").merge("B11:E11").set(11, 6, "已完成。").merge("F11:I11");
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"].forEach((h, i) => b.set(12, 1 + i, h));
  b.merge("H12:I12");
  let r = 13;
  const rowOf: number[] = [];
  let l1Start = r;
  let l2Start = r;
  let prevL1 = "";
  const close = (from: number, to: number, col: string) => {
    if (to > from) b.merge(`${col}${from}:${col}${to}`);
  };
  for (const x of lines) {
    if (x.l1 !== undefined) {
      if (r > 13) close(l1Start, r - 1, "A");
      l1Start = r;
      prevL1 = x.l1;
      b.set(r, 1, x.l1);
    }
    if (x.l2 !== undefined) {
      if (r > 13) close(l2Start, r - 1, "B");
      l2Start = r;
      b.set(r, 2, x.l2);
    }
    b.set(r, 3, x.name);
    if (x.target !== undefined) b.set(r, 4, x.target);
    if (x.actual !== undefined) b.set(r, 5, x.actual);
    if (x.weight !== undefined) b.set(r, 6, x.weight);
    if (x.score !== undefined) b.set(r, 7, x.score);
    if (x.reason !== undefined) b.set(r, 8, x.reason);
    b.merge(`H${r}:I${r}`);
    rowOf.push(r);
    r++;
  }
  void prevL1;
  close(l1Start, r - 1, "A");
  close(l2Start, r - 1, "B");
  const scores = lines.reduce((a, x) => a + (x.score ?? 0), 0);
  const total = opts.total === undefined ? Math.round((scores + bScore) * 100) / 100 : opts.total;
  b.set(r, 1, "总分").merge(`A${r}:E${r}`).set(r, 6, 100);
  if (total !== null) b.set(r, 7, total);
  const totalRow2 = r;
  r++;
  b.set(r, 1, "评分等级").merge(`A${r}:E${r}`).set(r, 6, "优").merge(`F${r}:I${r}`);
  r++;
  b.set(r, 1, "注：1.偏差原因分析及改进措施填写未完成年度指标的原因。2.得分保留两位小数。").merge(`A${r}:I${r}`);
  r++;
  b.set(r, 1, "填表人：王某").merge(`A${r}:C${r}`).set(r, 4, "联系电话：0550-7000000").merge(`D${r}:F${r}`).set(r, 7, "填报日期：2023年3月").merge(`G${r}:I${r}`);
  return { builder: b, rowOf, totalRow: totalRow2 };
}
