import { toA1 } from "../address";
import { DRAFT_MARKER } from "../scoring/evaluation";
import { defineRule } from "./types";

export default defineRule({
  code: "print-draft-left",
  severity: "info",
  title: { zh: "残留草稿标记", en: "Draft marker left" },
  requires: [],
  group: "print",
  description: {
    zh: "表中仍有“【待补充原因】”：填写时留下的草稿，打印盖章前应换成实际内容。",
    en: "The sheet still holds 【待补充原因】, a draft left by the fill: replace it before printing and stamping.",
  },
  mark: "blank-or-draft",
  formulaFigure: false,
  messages: {
    left: {
      zh: "{cell} 仍是草稿“{marker}”：打印盖章前请换成实际原因和改进措施。",
      en: "{cell} still holds the draft {marker}: replace it with the actual cause and remedy before printing and stamping.",
    },
  },
  check({ grid }, report) {
    for (const { row, col } of grid.cellsContaining(DRAFT_MARKER)) {
      const cell = toA1(row, col);
      report({ cell, messageId: "left", data: { cell, marker: DRAFT_MARKER } });
    }
  },
});
