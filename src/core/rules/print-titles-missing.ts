import { pagesOf } from "../print/table";
import { defineRule } from "./types";

export default defineRule({
  code: "print-titles-missing",
  severity: "info",
  title: { zh: "跨页未重复表头", en: "Header not repeated" },
  requires: [],
  group: "print",
  description: {
    zh: "指标表打印超过一页，但没有把表头设为每页重复的“打印标题”：第二页起看不出各列是什么。",
    en: "The form prints on more than one page and its header is not set to repeat (print titles): from page 2 the columns have no names.",
  },
  mark: "static",
  formulaFigure: false,
  messages: {
    none: {
      zh: "指标表打印约 {pages} 页，未设置顶端标题行：第二页起没有表头。请在“页面布局 → 打印标题”中把顶端标题行设为第 {first}–{last} 行。",
      en: "The form prints on about {pages} pages with no rows to repeat at top: from page 2 there is no header. Set rows {first}–{last} to repeat (Page Layout → Print Titles).",
    },
    elsewhere: {
      zh: "指标表打印约 {pages} 页，顶端标题行是第 {setFirst}–{setLast} 行，不是表头（第 {first}–{last} 行）：第二页起表头不对。请在“页面布局 → 打印标题”中改正。",
      en: "The form prints on about {pages} pages and the rows to repeat are {setFirst}–{setLast}, not its header ({first}–{last}): from page 2 the header is wrong. Correct it (Page Layout → Print Titles).",
    },
  },
  check({ form, grid, geometry }, report) {
    const page = geometry?.layout.page;
    if (!geometry || !page) return;
    const { table: t, down: pages } = pagesOf(form, grid, geometry, page);
    if (pages <= 1) return;
    const { first, last } = t.header;
    const set = page.titleRows;
    if (!set) report({ cell: t.headerCell, messageId: "none", data: { pages, first, last } });
    else if (set.first > last || set.last < first) {
      report({ cell: t.headerCell, messageId: "elsewhere", data: { pages, first, last, setFirst: set.first, setLast: set.last } });
    }
  },
});
