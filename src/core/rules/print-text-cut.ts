import { toA1 } from "../address";
import { fitsWidth, heightNeeded, lineHeight } from "../print/geometry";
import { printedTableOf } from "../print/table";
import { defineRule } from "./types";

/** Cut cells reported one by one; the rest are counted in one finding. */
const SHOWN = 5;
/** Of the rest, the cells named in the one finding. */
const LISTED = 8;

export default defineRule({
  code: "print-text-cut",
  severity: "info",
  title: { zh: "文字打印不全", en: "Text cut on paper" },
  requires: [],
  group: "print",
  description: {
    zh: "单元格的内容超出行高或列宽而打印不全：固定行高或合并单元格中的自动换行文字放不下，未换行的文字被右边的单元格挡住，数字显示为 ####。",
    en: "A cell's content does not fit its row height or column width on paper: wrapped text in a fixed-height row or merged cell, text hidden by the next cell, a number shown as ####.",
  },
  mark: "static",
  formulaFigure: false,
  messages: {
    height: {
      zh: "{cell} 的文字约需 {need} 行，行高只容 {room} 行：打印时后面的文字看不到。请调高第 {rows} 行的行高，或精简文字。",
      en: "{cell}'s text needs about {need} lines and the row holds {room}: the rest does not print. Make row(s) {rows} taller, or shorten the text.",
    },
    width: {
      zh: "{cell} 的文字比列宽长，又未设“自动换行”，右边的单元格挡住了后半部分：打印不全。请设为自动换行，或加宽该列。",
      en: "{cell}'s text is wider than its column, does not wrap, and the next cell hides the rest: it does not print whole. Wrap the text, or widen the column.",
    },
    more: {
      zh: "另有 {count} 个单元格打印不全（{cells}）：请检查这些单元格的行高、列宽和“自动换行”设置。",
      en: "{count} more cells do not print whole ({cells}): check their row heights, column widths and text wrapping.",
    },
    number: {
      zh: "{cell} 的数字比列宽长，显示和打印为 ####。请加宽该列。",
      en: "{cell}'s number is wider than its column and shows and prints as ####. Widen the column.",
    },
  },
  check({ form, grid, geometry }, reportOne) {
    if (!geometry) return;
    // The first few one by one, the rest in one finding: a sheet laid out with no widths at all would
    // otherwise bury the other findings under dozens of these.
    type Found = Parameters<typeof reportOne>[0];
    const shown: Found[] = [];
    const rest: string[] = [];
    let more = 0;
    // A descriptor is made only for a cell that will be named: a sheet of thousands costs a count. No
    // closure over the loop's cell either (each would give every cell of the loop a context of its own).
    const named = (r: number, c: number): boolean => {
      if (shown.length < SHOWN) return true;
      more++;
      if (rest.length <= LISTED) rest.push(toA1(r, c));
      return false;
    };
    const t = printedTableOf(form, grid);
    const fs = geometry.fontSize;
    for (let r = t.top; r <= t.bottom; r++) {
      if (geometry.rowHidden(r)) continue;
      for (let c = t.left; c <= t.right; c++) {
        const value = grid.valueAt(r, c);
        if (value === null || value === true || value === false) continue;
        if (grid.isCovered(r, c) || geometry.colHidden(c)) continue;
        // No object for a cell outside a merged area: this runs for every cell of the printed table.
        const m = grid.mergeAt(r, c);
        const left = m ? m.left : c;
        const right = m ? m.right : c;
        const width = left === right ? geometry.colWidth(c) : geometry.widthOf(left, right);
        if (typeof value === "number") {
          const shownText = grid.textAt(r, c) || String(value);
          if (!fitsWidth(shownText, width, fs) && named(r, c)) shown.push({ cell: toA1(r, c), messageId: "number", data: { cell: toA1(r, c) } });
          continue;
        }
        const text = value.trim();
        if (text === "") continue;
        const top = m ? m.top : r;
        const bottom = m ? m.bottom : r;
        const merged = top !== bottom || left !== right;
        if (geometry.wraps(r, c)) {
          // Excel grows a wrapped cell's row itself, unless its height was set by hand or the cell is merged.
          let fixed = merged;
          for (let x = top; x <= bottom; x++) if (geometry.rowFixed(x)) fixed = true;
          if (!fixed) continue;
          const height = geometry.heightOf(top, bottom);
          const line = lineHeight(fs);
          if (heightNeeded(text, width, fs) <= height + line / 2) continue;
          const rows = top === bottom ? String(top) : `${top}–${bottom}`;
          if (named(r, c)) {
            shown.push({
              cell: toA1(r, c),
              messageId: "height",
              data: { cell: toA1(r, c), need: Math.round((heightNeeded(text, width, fs) - 2) / line), room: Math.max(1, Math.floor((height - 2) / line + 0.25)), rows },
            });
          }
          continue;
        }
        if (fitsWidth(text, width, fs) || text.includes("\n")) continue;
        // Unwrapped text runs on over empty cells to its right; a merged cell or a filled neighbour stops it.
        const next = right + 1;
        const blocked = merged || (next <= grid.right && !grid.isEmpty(r, next)) || (next <= grid.right && grid.isCovered(r, next));
        if (blocked && named(r, c)) shown.push({ cell: toA1(r, c), messageId: "width", data: { cell: toA1(r, c) } });
      }
    }
    shown.forEach((d) => reportOne(d));
    if (more > 0) {
      const cells = more > LISTED ? `${rest.slice(0, LISTED).join("、")}…` : rest.join("、");
      reportOne({ cell: rest[0], messageId: "more", data: { count: more, cells } });
    }
  },
});