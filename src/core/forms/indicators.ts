import { isPercentFormat } from "../numberFormat";
import { toA1 } from "../address";
import type { Grid } from "../grid";
import { headerKey } from "../text";
import { readActual, readTarget, unitFromName } from "../values/readValue";
import type { ParsedValue } from "../values/types";
import { cellInput, numCell, textCell } from "./cells";
import type { Columns, HeaderMatch } from "./columns";
import type { Indicator, TotalRow } from "./model";

/** The legacy form's section weight in its label: 投入与管理 (36分). */
const SECTION_WEIGHT = /[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]/;

const TOTAL_WORDS = new Set(["总分", "合计", "总计", "总分值", "合计得分", "总得分", "总分(分)", "自评总分", "自评总分(分)"]);
const isGradeLabel = (k: string) => /^(评分等级|绩效等级|自评等级|等级)[:：]?$/.test(k);

export interface TableRead {
  indicators: Indicator[];
  firstRow: number;
  lastRow: number;
  total: TotalRow | null;
  /** The row labelled 评分等级 below the table, if any, and its label's column. */
  gradeLabel: { row: number; col: number } | null;
}

/** Labels such as 总分 and 评分等级: are short; most cells of a row are not, and are passed over cheaply. */
const MAX_LABEL = 8;

function rowLabel(grid: Grid, row: number, upTo: number, test: (k: string) => boolean): number | null {
  for (let c = grid.left; c <= upTo; c++) {
    if (grid.isCovered(row, c)) continue;
    const k = grid.key(row, c, false);
    if (k !== "" && k.length <= MAX_LABEL && test(k)) return c;
  }
  return null;
}

function composeSplitTarget(grid: Grid, row: number, cols: Columns): { text: string; parsed: ParsedValue } {
  const op = cols.targetOp !== undefined ? grid.str(row, cols.targetOp) : "";
  const unit = cols.targetUnit !== undefined ? unparenthesised(grid.str(row, cols.targetUnit)) : "";
  const vcol = cols.targetValue ?? cols.target!;
  const v = grid.cell(row, vcol);
  let num = grid.str(row, vcol);
  let pctUnit = "";
  if (typeof v.value === "number") {
    const pct = isPercentFormat(v.numberFormat);
    num = pct ? String(Number((v.value * 100).toFixed(10))) : String(v.value);
    if (pct) pctUnit = "%";
  }
  const u = unit || pctUnit;
  const text = `${op}${num}${u ? `(${u})` : ""}`;
  if (num === "") return { text: op || unit ? text : "", parsed: op || unit ? readTarget({ value: text }) : { kind: "empty" } };
  return { text, parsed: readTarget({ value: text }) };
}

/** The indicator rows below a header, down to the 总分 / 合计 row. */
export function readTable(grid: Grid, header: HeaderMatch): TableRead {
  const cols = header.columns;
  const dataCols = [cols.target, cols.weight, cols.score, cols.actual].filter((c): c is number => c !== undefined);
  const labelLimit = Math.max(grid.left, Math.min(...dataCols) - 1);
  const indicators: Indicator[] = [];
  let total: TotalRow | null = null;
  let gradeLabel: { row: number; col: number } | null = null;
  let level1 = "";
  let level2 = "";
  let sectionCell: string | undefined;
  let sectionWeight: number | undefined;
  let level1Name = "";
  let blankRun = 0;
  let lastRow = header.lastRow;
  const split = cols.targetOp !== undefined || cols.targetUnit !== undefined;

  let r = header.lastRow + 1;
  for (; r <= grid.bottom; r++) {
    const label = rowLabel(grid, r, labelLimit, (k) => TOTAL_WORDS.has(k.replace(/[:：]$/, "")) || isGradeLabel(k));
    const totalCol = label !== null && !isGradeLabel(grid.key(r, label, false)) ? label : null;
    if (totalCol !== null) {
      total = {
        row: r,
        labelCell: toA1(r, totalCol),
        weight: numCell(grid, r, cols.weight),
        score: numCell(grid, r, cols.score),
      };
      break;
    }
    if (label !== null) {
      gradeLabel = { row: r, col: label };
      break;
    }

    const name = cols.name !== undefined ? grid.str(r, cols.name) : "";
    const l1 = cols.level1 !== undefined ? grid.str(r, cols.level1) : "";
    const l2 = cols.level2 !== undefined ? grid.str(r, cols.level2) : "";
    const target = split
      ? composeSplitTarget(grid, r, cols)
      : cols.target !== undefined
        ? { text: grid.str(r, cols.target, false), parsed: null as ParsedValue | null }
        : { text: "", parsed: null };
    const weightEmpty = cols.weight === undefined || grid.isEmpty(r, cols.weight);
    const scoreEmpty = cols.score === undefined || grid.isEmpty(r, cols.score);
    const actualEmpty = cols.actual === undefined || grid.isEmpty(r, cols.actual);
    if (name === "" && target.text === "" && weightEmpty && scoreEmpty && actualEmpty) {
      if (++blankRun >= 3 && indicators.length > 0) break;
      continue;
    }
    blankRun = 0;

    if (l1 !== "" && l1 !== level1 && headerKey(l1) !== headerKey(level1)) {
      level1 = l1;
      level2 = "";
      sectionCell = cols.level1 !== undefined ? toA1(grid.anchor(r, cols.level1).row, cols.level1) : undefined;
      const m = SECTION_WEIGHT.exec(level1);
      sectionWeight = m ? Number(m[1]) : undefined;
      level1Name = level1.replace(SECTION_WEIGHT, "").trim();
    }
    if (l2 !== "") level2 = l2;

    const nameUnit = unitFromName(name);
    const parsedTarget =
      target.parsed ??
      (cols.target !== undefined ? readTarget(cellInput(grid, r, cols.target), nameUnit) : ({ kind: "empty" } as const));

    indicators.push({
      row: r,
      level1: level1Name,
      level2,
      name,
      nameCell: toA1(r, cols.name ?? cols.level2 ?? cols.level1 ?? grid.left),
      targetText: target.text,
      targetCell: toA1(r, cols.targetValue ?? cols.target ?? cols.name ?? grid.left),
      target: parsedTarget,
      actualText: cols.actual !== undefined ? grid.str(r, cols.actual, false) : "",
      actualCell: cols.actual !== undefined ? toA1(r, cols.actual) : null,
      actual: cols.actual !== undefined ? readActual(cellInput(grid, r, cols.actual), nameUnit) : null,
      weight: numCell(grid, r, cols.weight),
      score: numCell(grid, r, cols.score),
      reason: textCell(grid, r, cols.reason ?? cols.note),
      sectionWeight,
      sectionCell,
    });
    lastRow = r;
  }

  if (gradeLabel === null) {
    for (let g = (total?.row ?? lastRow) + 1; g <= Math.min(grid.bottom, (total?.row ?? lastRow) + 3); g++) {
      const c = rowLabel(grid, g, grid.right, isGradeLabel);
      if (c !== null) {
        gradeLabel = { row: g, col: c };
        break;
      }
    }
  }
  const firstRow = indicators.length > 0 ? indicators[0].row : header.lastRow + 1;
  return { indicators, firstRow, lastRow, total, gradeLabel };
}

/** "（小时）" → "小时": a unit cell written in brackets. Linear, unlike a regular expression with a lazy middle. */
export function unparenthesised(text: string): string {
  const t = text.trim();
  if (t.length >= 2 && (t[0] === "(" || t[0] === "（") && (t[t.length - 1] === ")" || t[t.length - 1] === "）")) return t.slice(1, -1).trim();
  return text;
}
