import { columnLetters, toA1 } from "../address";
import { areaRanges } from "../print/geometry";
import { printedTableOf } from "../print/table";
import { defineRule } from "./types";

/** "第 31–40 行" from a sorted list of rows, runs joined. */
function runs(list: number[], fmt: (a: string) => string): string {
  const out: string[] = [];
  for (let i = 0; i < list.length; ) {
    let j = i;
    while (j + 1 < list.length && list[j + 1] === list[j] + 1) j++;
    out.push(j === i ? String(list[i]) : `${list[i]}–${list[j]}`);
    i = j + 1;
  }
  return fmt(out.join("、"));
}

export default defineRule({
  code: "print-area-cuts",
  severity: "info",
  title: { zh: "打印区域不全", en: "Print area leaves part out" },
  requires: [],
  group: "print",
  description: {
    zh: "工作表设置了打印区域，但指标表有部分行或列不在其中：打印出的表不完整。",
    en: "The sheet has a print area that leaves out some of the form's rows or columns: the printed form is incomplete.",
  },
  mark: "static",
  formulaFigure: false,
  messages: {
    cut: {
      zh: "打印区域为 {area}，不含表中的{what}：打印出的表不完整。请在“页面布局 → 打印区域”中重新设置或取消打印区域。",
      en: "The print area is {area} and leaves out the form's {what}: the printed form is incomplete. Set the print area again, or clear it (Page Layout → Print Area).",
    },
  },
  check({ form, grid, geometry }, report) {
    const page = geometry?.layout.page;
    if (!page?.printArea || page.printArea.length === 0) return;
    const areas = areaRanges(page.printArea);
    const inside = (r: number, c: number) => areas.some((a) => r >= a.top && r <= a.bottom && c >= a.left && c <= a.right);
    const t = printedTableOf(form, grid);
    const rowsOut = new Set<number>();
    const colsOut = new Set<number>();
    let first: string | null = null;
    for (const r of t.keyRows) {
      for (let c = t.left; c <= t.right; c++) {
        if (grid.isEmpty(r, c) || inside(r, c)) continue;
        first ??= toA1(r, c);
        if (areas.some((a) => r >= a.top && r <= a.bottom)) colsOut.add(c);
        else rowsOut.add(r);
      }
    }
    if (!first) return;
    const rows = [...rowsOut].sort((a, b) => a - b);
    const cols = [...colsOut].sort((a, b) => a - b);
    const zh: string[] = [];
    const en: string[] = [];
    if (rows.length > 0) {
      zh.push(runs(rows, (s) => `第 ${s} 行`));
      en.push(runs(rows, (s) => `rows ${s}`));
    }
    if (cols.length > 0) {
      const letters = cols.map(columnLetters);
      zh.push(`${letters.join("、")} 列`);
      en.push(`columns ${letters.join(", ")}`);
    }
    report({ cell: first, messageId: "cut", data: { area: page.printArea.join(","), what: { zh: zh.join("和"), en: en.join(" and ") } } });
  },
});
