// Builds a self-evaluation workbook with `rows` indicator rows in the 2020 template's layout.
import ExcelJS from "exceljs";

const KINDS = [
  ["≥25.00(项)", "30.00(项)", 1, 1, ""],
  ["≥80.00(亿次)", "54.00(亿次)", 1, 0.67, "部分服务入口回收，制约了增长。"],
  ["=100.00(%)", "99.00(%)", 1, 0.99, "个别工单未闭环。"],
  ["≤2.00(小时)", "1.50(小时)", 1, 1, ""],
  ["有效提升", "达成指标", 1, 1, ""],
  ["健全", "部分达成指标并具有一定效果", 1, 0.8, "机制仍需完善。"],
];

// Every indicator short of its target (issue 21 §5's hardest fill: a score, a drafted reason, a mark and a note on each row).
const SHORT = [
  ["≥25.00(项)", "20.00(项)"],
  ["=100.00(%)", "90.00(%)"],
  ["≤2.00(小时)", "3.00(小时)"],
  ["健全", "部分达成指标并具有一定效果"],
];

/**
 * `blank`: scores, total and grade left empty, as a form waiting to be filled. `unexplained`: every
 * indicator short of its target and no reason given (with `blank`, the fill writes to every row).
 * `formulas`: each score a formula over its weight and the total a SUM, written `plain` without their
 * results (as openpyxl and report generators write them: the engine computes each) or `shared` with
 * them (a column filled down in Excel: one master, the others `<f t="shared" si="0"/>`).
 */
export function buildWorkbook(rows, { blank = false, unexplained = false, formulas = null } = {}) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("绩效自评表");
  ws.getCell("A1").value = "财政项目支出绩效自评表";
  ws.mergeCells("A1:H1");
  ws.getCell("A2").value = "（2023年度）";
  ws.getCell("A3").value = "项目名称";
  ws.getCell("B3").value = "基准测试项目";
  ws.getCell("A5").value = "项目资金\n（万元）";
  ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率(%)", "得分"].forEach((h, i) => (ws.getRow(5).getCell(3 + i).value = h));
  const fund = [null, "年度资金总额", 100, 100, 98.5, 10, 98.5, 9.85];
  fund.forEach((v, i) => v !== null && (ws.getRow(6).getCell(i + 1).value = v));
  ws.getRow(7).values = [null, "其中：当年财政拨款", 100, 100, 98.5, "-", 98.5, "-"];
  ws.getRow(8).values = [null, "上年结转资金", 0, 0, 0, "-", 0, "-"];
  ws.getRow(9).values = [null, "其他资金", 0, 0, 0, "-", 0, "-"];
  ws.mergeCells("A5:A9");
  ws.getRow(12).values = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析"];
  // Weights: 90 points over `rows` rows, the last row taking the remainder (two decimals).
  const w = Math.floor((90 / rows) * 100) / 100;
  let total = 9.85;
  for (let i = 0; i < rows; i++) {
    const [t, a, , kindShare, reason] = unexplained ? [...SHORT[i % SHORT.length], 1, 0.8, ""] : KINDS[i % KINDS.length];
    // A column filled down holds one formula: every row's score is its master's share of the weight.
    const share = formulas === "shared" ? (unexplained ? 0.8 : KINDS[0][3]) : kindShare;
    const weight = i === rows - 1 ? Math.round((90 - w * (rows - 1)) * 100) / 100 : w;
    const score = Math.floor(weight * share * 100) / 100;
    total += score;
    const l1 = i < rows * 0.6 ? "产出指标" : i < rows * 0.9 ? "效益指标" : "满意度指标";
    ws.getRow(13 + i).values = [l1, "数量指标", `指标${i + 1}`, t, a, weight, blank ? null : score, reason || null];
    if (formulas === "plain") ws.getCell(13 + i, 7).value = { formula: `ROUNDDOWN(F${13 + i}*${share},2)` };
    else if (formulas === "shared") {
      ws.getCell(13 + i, 7).value = i === 0 ? { formula: `ROUNDDOWN(F13*${share},2)`, result: score, shareType: "shared", ref: `G13:G${12 + rows}` } : { sharedFormula: "G13", result: score };
    }
  }
  const last = 13 + rows;
  ws.getRow(last).values = ["总分", null, null, null, null, 100, blank ? null : Math.round(total * 100) / 100];
  if (formulas) ws.getCell(last, 7).value = { formula: `SUM(G13:G${last - 1})+H6`, ...(formulas === "shared" ? { result: Math.round(total * 100) / 100 } : {}) };
  ws.getRow(last + 1).values = ["评分等级", null, null, null, null, blank ? null : "优"];
  return wb;
}
