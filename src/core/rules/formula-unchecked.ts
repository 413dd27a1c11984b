import { defineRule } from "./types";

/**
 * A figure the form computes by a formula whose result the file does not hold (or holds stale, the
 * workbook asking to be recalculated) and which the engine cannot compute (another sheet's cells, a
 * function it does not know): not checked, and said so rather than passed in silence (issue 15 §3).
 */
export default defineRule({
  code: "formula-unchecked",
  severity: "info",
  title: { zh: "公式结果未知", en: "Formula result unknown" },
  requires: [],
  description: {
    zh: "该单元格的公式结果未知（文件未保存计算结果，且公式无法在此计算）：未核对。",
    en: "This cell's formula result is unknown (none saved, and it cannot be computed here): not checked.",
  },
  mark: "static",
  formulaFigure: false,
  messages: {
    unknown: {
      zh: "{cell} 的公式结果未知（文件未保存计算结果，且公式无法在此计算），未核对：请在 Excel 中打开、保存后再检查。",
      en: "{cell}: the formula's result is unknown (none saved, and it cannot be computed here), so it was not checked: open and save the workbook in Excel, then check again.",
    },
  },
  check({ form }, report) {
    for (const cell of form.uncheckedFormulas ?? []) report({ cell, messageId: "unknown", data: { cell } });
  },
});
