import ExcelJS from "exceljs";
import { sampleWorkbook } from "./setup";

/**
 * A self-evaluation form with `rows` indicator rows, laid out like the samples: the title, funds and
 * goals rows of missing-reasons.xlsx, then generated indicators (met, missed without a reason,
 * qualitative), blank scores, a blank total and grade. Second-level groups span `groupRows` rows.
 */
export async function bigForm(rows: number, groupRows = 10): Promise<ExcelJS.Workbook> {
  const src = (await sampleWorkbook("selfeval-defects/missing-reasons.xlsx")).worksheets[0];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("绩效自评表");
  for (let r = 1; r <= 12; r++) {
    for (let c = 1; c <= 8; c++) {
      const from = src.getCell(r, c);
      if (from.type === ExcelJS.ValueType.Merge) continue;
      const to = ws.getCell(r, c);
      to.value = from.value;
      if (from.numFmt) to.numFmt = from.numFmt;
    }
  }
  for (const m of ["A1:H1", "A2:H2", "B3:H3", "B4:D4", "F4:H4", "A5:A9", "B10:E10", "F10:H10", "A10:A11", "B11:E11", "F11:H11"]) ws.mergeCells(m);
  const first = 13;
  const last = first + rows - 1;
  const weight = Math.round((90 / rows) * 1e6) / 1e6;
  for (let i = 0; i < rows; i++) {
    const r = first + i;
    if (i === 0) ws.getCell(r, 1).value = "产出指标";
    if (i % groupRows === 0) ws.getCell(r, 2).value = "数量指标";
    ws.getCell(r, 3).value = `指标${i + 1}`;
    const qualitative = i % 7 === 3;
    const missed = i % 10 === 5;
    ws.getCell(r, 4).value = qualitative ? "有所提升" : "≥50.00(份)";
    ws.getCell(r, 5).value = qualitative ? "达成指标" : missed ? "10.00(份)" : "60.00(份)";
    ws.getCell(r, 6).value = weight;
    ws.getCell(r, 6).numFmt = "0.00";
    ws.getCell(r, 7).numFmt = "0.00";
  }
  if (rows > 1) ws.mergeCells(first, 1, last, 1);
  for (let g = first; g <= last; g += groupRows) {
    const end = Math.min(g + groupRows - 1, last);
    if (end > g) ws.mergeCells(g, 2, end, 2);
  }
  ws.getCell(last + 1, 1).value = "总分";
  ws.mergeCells(last + 1, 1, last + 1, 5);
  ws.getCell(last + 1, 6).value = 100;
  ws.getCell(last + 1, 7).numFmt = "0.00";
  ws.getCell(last + 2, 1).value = "评分等级";
  ws.mergeCells(last + 2, 1, last + 2, 5);
  ws.mergeCells(last + 2, 6, last + 2, 8);
  return wb;
}
