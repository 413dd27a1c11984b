import { paperName, printable } from "../print/geometry";
import { pagesOf } from "../print/table";
import { defineRule } from "./types";

const cm = (pt: number) => (pt / 72) * 2.54;

export default defineRule({
  code: "print-too-wide",
  severity: "info",
  title: { zh: "打印时横向分页", en: "Prints across pages" },
  requires: [],
  group: "print",
  description: {
    zh: "按工作表的页面设置，指标表比纸宽：打印时右边的列落到另一页。",
    en: "With the sheet's page setup the form is wider than the paper: its right-hand columns print on another page.",
  },
  mark: "static",
  formulaFigure: false,
  messages: {
    across: {
      zh: "指标表宽约 {width} 厘米，按当前页面设置（{paper}{orientation}，缩放 {scale}%）每页可打印 {room} 厘米，打印时横向分成 {pages} 页。请在“页面布局”中设为“将所有列调整为一页”，或改为横向。",
      en: "The form is about {width} cm wide; with the page setup ({paper} {orientation}, {scale}%) a page takes {room} cm, so it prints {pages} pages across. Fit all columns on one page, or print landscape (Page Layout).",
    },
  },
  check({ form, grid, geometry }, report) {
    const page = geometry?.layout.page;
    if (!geometry || !page) return;
    const { table, width, scale, across: pages } = pagesOf(form, grid, geometry, page);
    if (pages <= 1) return;
    const room = printable(page).width;
    report({
      cell: table.headerCell,
      messageId: "across",
      data: {
        width: cm(width).toFixed(1),
        room: cm(room / scale).toFixed(1),
        pages,
        paper: paperName(page.paperSize),
        orientation: page.orientation === "landscape" ? { zh: "横向", en: "landscape" } : { zh: "纵向", en: "portrait" },
        scale: Math.round(scale * 100),
      },
    });
  },
});
