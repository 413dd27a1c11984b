import { columnLetters, toA1 } from "../address";
import { printedTableOf } from "../print/table";
import { defineRule } from "./types";

const shortText = (s: string) => (s.length > 20 ? `${s.slice(0, 20)}…` : s);

export default defineRule({
  code: "print-hidden-content",
  severity: "info",
  title: { zh: "隐藏的行列有内容", en: "Hidden row or column with content" },
  requires: [],
  group: "print",
  description: {
    zh: "表格范围内被隐藏的行或列中有内容（指标、金额或说明）：打印和审核时都看不到。",
    en: "A hidden row or column within the form holds something (an indicator, a figure, a note): it is neither printed nor seen by the reviewer.",
  },
  mark: "static",
  formulaFigure: false,
  messages: {
    row: {
      zh: "第 {row} 行被隐藏，其中有“{text}”：打印和审核时看不到。请取消隐藏，或确认该行不应上报。",
      en: "Row {row} is hidden and holds “{text}”: it is neither printed nor seen. Unhide it, or make sure it is not meant to be submitted.",
    },
    col: {
      zh: "{col} 列被隐藏，其中有“{text}”：打印和审核时看不到。请取消隐藏，或确认该列不应上报。",
      en: "Column {col} is hidden and holds “{text}”: it is neither printed nor seen. Unhide it, or make sure it is not meant to be submitted.",
    },
  },
  check({ form, grid, geometry }, report) {
    if (!geometry) return;
    const t = printedTableOf(form, grid);
    const firstFilled = (cells: Array<[number, number]>) => cells.find(([r, c]) => !grid.isEmpty(r, c));
    for (let r = t.top; r <= t.bottom; r++) {
      if (!geometry.rowHidden(r)) continue;
      const cells: Array<[number, number]> = [];
      for (let c = t.left; c <= t.right; c++) cells.push([r, c]);
      const at = firstFilled(cells);
      if (at) report({ cell: toA1(...at), messageId: "row", data: { row: r, text: shortText(grid.str(...at, false)) } });
    }
    for (let c = t.left; c <= t.right; c++) {
      if (!geometry.colHidden(c)) continue;
      const cells: Array<[number, number]> = [];
      for (let r = t.top; r <= t.bottom; r++) if (!geometry.rowHidden(r)) cells.push([r, c]);
      const at = firstFilled(cells);
      if (at) report({ cell: toA1(...at), messageId: "col", data: { col: columnLetters(c), text: shortText(grid.str(...at, false)) } });
    }
  },
});
