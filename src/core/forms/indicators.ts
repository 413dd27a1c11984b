import { REGIONS } from "./regions";
import { isPercentFormat } from "../numberFormat";
import { toA1 } from "../address";
import type { Grid } from "../grid";
import { headerKey } from "../text";
import { readActual, readTarget, unitFromName } from "../values/readValue";
import type { ParsedValue } from "../values/types";
import { cellInput, numCell, textCell } from "./cells";
import type { Columns, HeaderMatch } from "./columns";
import { classifyRow, isNotesRow, isRepeatedHeader, withoutNumberedPrefix } from "./rowKinds";
import type { Indicator, TotalRow } from "./model";

/** The legacy form's section weight in its label: 投入与管理 (36分). */
const SECTION_WEIGHT = /[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]/;

const TOTAL_WORDS = new Set(["总分", "合计", "总计", "总分值", "合计得分", "总得分", "总分(分)", "自评总分", "自评总分(分)"]);
const GRADE_LABEL = /^(评分等级|绩效等级|自评等级|等级)[:：]?$/;
/** The first characters of the grade labels: a key beginning otherwise is none (most cells of a table). */
const GRADE_FIRST = new Set(["评", "绩", "自", "等"]);
const isGradeLabel = (k: string) => GRADE_FIRST.has(k[0]) && GRADE_LABEL.test(k);
const isTotalOrGradeLabel = (k: string) => {
  // One trailing colon, either width, is not part of the word (no regular expression run for each cell).
  const last = k.charCodeAt(k.length - 1);
  return TOTAL_WORDS.has(last === 58 || last === 0xff1a ? k.slice(0, -1) : k) || isGradeLabel(k);
};

export interface TableRead {
  indicators: Indicator[];
  firstRow: number;
  lastRow: number;
  total: TotalRow | null;
  /** The row labelled 评分等级 below the table, if any, and its label's column. */
  gradeLabel: { row: number; col: number } | null;
}

/** Hubei's block title, 年度绩效目标1（40分）: its rows' points together (RULES-2 §9.3). */
const BLOCK_TITLE = REGIONS.project.hubei.blockTitle;

/** The block title in a row: the first filled cell, if it reads as one. */
function blockTitle(grid: Grid, row: number): Indicator["block"] | null {
  for (let c = grid.left; c <= grid.right; c++) {
    if (grid.isCovered(row, c)) continue;
    const k = grid.key(row, c, false);
    if (k === "") continue;
    const m = BLOCK_TITLE.exec(k);
    return m ? { weight: Number(m[2]), cell: toA1(row, c), label: grid.str(row, c).replace(/[(（].*$/, "").trim() } : null;
  }
  return null;
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

/** 指标性质 holding 定量指标 / 定性指标 names the indicator's nature, not a comparator (RULES-2 §9.1). */
const NATURE = /^定(量|性)(指标)?$/;

function composeSplitTarget(grid: Grid, row: number, cols: Columns, vcol: number): { text: string; parsed: ParsedValue } {
  const opText = cols.targetOp !== undefined ? grid.str(row, cols.targetOp) : "";
  const op = NATURE.test(opText.trim()) ? "" : opText;
  const unit = cols.targetUnit !== undefined ? unparenthesised(grid.str(row, cols.targetUnit)) : "";
  const v = grid.cell(row, vcol);
  let num = grid.str(row, vcol);
  let pctUnit = "";
  if (typeof v.value === "number") {
    const pct = isPercentFormat(v.numberFormat);
    num = pct ? String(Number((v.value * 100).toFixed(10))) : String(v.value);
    if (pct) pctUnit = "%";
  }
  // A value that already carries its unit (≤100%(%), 30人) is not given it twice.
  const u = unit || pctUnit;
  const carries = u !== "" && (headerKey(num).endsWith(headerKey(u)) || headerKey(num).endsWith(`(${headerKey(u)})`));
  const text = `${op}${num}${u && !carries ? `(${u})` : ""}`;
  if (num === "") return { text: op || unit ? text : "", parsed: op || unit ? readTarget({ value: text }) : { kind: "empty" } };
  return { text, parsed: readTarget({ value: text }) };
}

// The table's per-row reads as functions of their own, not closures made in the loop: a closure over
// the row's values gave each of a large form's rows a context and three functions.

/** A target's text, and its reading where the target is split over columns (sign, value, unit). */
function targetAt(grid: Grid, r: number, cols: Columns, split: boolean, col: number | undefined): { text: string; parsed: ParsedValue | null } {
  if (col === undefined) return { text: "", parsed: null };
  return split ? composeSplitTarget(grid, r, cols, col) : { text: grid.str(r, col, false), parsed: null };
}

function strAt(grid: Grid, r: number, col: number | undefined): string {
  return col === undefined ? "" : grid.str(r, col, false);
}

/** The target as read: composed already (a split target), or read from its cell. */
function parsedAt(grid: Grid, r: number, t: { parsed: ParsedValue | null }, col: number | undefined, nameUnit: string): ParsedValue {
  return t.parsed ?? (col !== undefined ? readTarget(cellInput(grid, r, col), nameUnit, grid.memo) : { kind: "empty" });
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
  let block: Indicator["block"] | null = null;
  for (let r = Math.max(grid.top, header.row - 2); r < header.row && !block; r++) block = blockTitle(grid, r);

  let pageBreak = false;
  const trackLevels = (l1: string, l2: string) => {
    // A new first level: another label, or another merged label cell of the same words (two groups
    // whose labels lost their word alike, `（20分）` and `（20分）`).
    const m = cols.level1 !== undefined ? grid.mergeAt(r, cols.level1) : undefined;
    // After a header repeated at a page break, the same words in a new cell go on with the same level.
    const newMerge = m !== undefined && m.top === r && sectionCell !== undefined && sectionCell !== toA1(r, cols.level1!) && !pageBreak;
    if (l1 !== "" && pageBreak) pageBreak = false;
    if (l1 !== "" && ((l1 !== level1 && headerKey(l1) !== headerKey(level1)) || newMerge)) {
      level1 = l1;
      level2 = "";
      sectionCell = cols.level1 !== undefined ? toA1(grid.anchor(r, cols.level1).row, cols.level1) : undefined;
      const m = SECTION_WEIGHT.exec(level1);
      sectionWeight = m ? Number(m[1]) : undefined;
      level1Name = level1.replace(SECTION_WEIGHT, "").trim();
    }
    if (l2 !== "") level2 = l2;
  };

  let r = header.lastRow + 1;
  for (; r <= grid.bottom; r++) {
    const label = rowLabel(grid, r, labelLimit, isTotalOrGradeLabel);
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

    const title = block ? blockTitle(grid, r) : null;
    if (title) {
      block = title;
      continue;
    }
    if (isNotesRow(grid, r)) break;
    if (isRepeatedHeader(grid, r)) {
      pageBreak = true;
      continue;
    }

    const name = cols.name !== undefined ? grid.str(r, cols.name) : "";
    const l1 = cols.level1 !== undefined ? grid.str(r, cols.level1) : "";
    const l2 = cols.level2 !== undefined ? grid.str(r, cols.level2) : "";
    // An explicit adjusted target (调整指标值), when filled, is the target; the original is kept beside it.
    const initialCol = cols.targetValue ?? cols.target;
    const targetCol = cols.adjusted !== undefined && !grid.isEmpty(r, cols.adjusted) ? cols.adjusted : initialCol;
    const target = targetAt(grid, r, cols, split, targetCol);
    const kind = classifyRow({ level1: l1, level2: l2, name, target: target.text, actual: strAt(grid, r, cols.actual), weight: strAt(grid, r, cols.weight), score: strAt(grid, r, cols.score) });
    if (kind === "empty" || kind === "group") {
      // Empty rows and unused groups do not end the table (RULES-3 §13) while more of it follows.
      if (++blankRun >= 3 && indicators.length > 0 && !moreIndicatorsBelow(grid, r + 1, cols)) break;
      if (kind === "group") trackLevels(l1, l2);
      continue;
    }
    blankRun = 0;
    if (kind !== "indicator") {
      trackLevels(l1, l2);
      continue;
    }

    trackLevels(l1, l2);

    const nameUnit = unitFromName(name);
    const parsedTarget = parsedAt(grid, r, target, targetCol, nameUnit);
    let initialTarget: Indicator["initialTarget"];
    if (targetCol !== initialCol && initialCol !== undefined) {
      const t = targetAt(grid, r, cols, split, initialCol);
      initialTarget = { text: t.text, cell: toA1(r, initialCol), parsed: parsedAt(grid, r, t, initialCol, nameUnit) };
    }

    // One literal, every key in it (undefined where a form has no such column): spreads made each of a
    // large form's indicators in steps, its properties added one by one.
    indicators.push({
      row: r,
      level1: categoryOf(level1Name, level2),
      level2,
      name: withoutNumberedPrefix(name),
      nameCell: toA1(r, cols.name ?? cols.level2 ?? cols.level1 ?? grid.left),
      targetText: target.text,
      targetCell: toA1(r, targetCol ?? cols.name ?? grid.left),
      target: parsedTarget,
      actualText: cols.actual !== undefined ? grid.str(r, cols.actual, false) : "",
      actualCell: cols.actual !== undefined ? toA1(r, cols.actual) : null,
      actual: cols.actual !== undefined ? readActual(cellInput(grid, r, cols.actual), nameUnit, grid.memo) : null,
      weight: numCell(grid, r, cols.weight),
      score: numCell(grid, r, cols.score),
      coefficient: cols.coefficient !== undefined ? numCell(grid, r, cols.coefficient) : undefined,
      initialTarget,
      reason: textCell(grid, r, cols.reason ?? cols.note),
      sectionWeight,
      sectionCell,
      block: block ?? undefined,
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

/**
 * The first level a row belongs to: as written, or, where the label lost its word (`（50分）`), the
 * category its second level names (RULES-3 §14).
 */
export function categoryOf(level1: string, level2: string): string {
  if (/(产出|效益|效果|满意|成本|投入|管理|影响|目标|指标)/.test(level1)) return level1;
  const k = headerKey(level2);
  if (/^(数量|质量|时效|成本)/.test(k)) return "产出指标";
  if (/^(经济效益|社会效益|生态效益|可持续影响)/.test(k)) return "效益指标";
  if (/满意度/.test(k)) return "满意度指标";
  return level1;
}

/** Whether an indicator row follows further down, before the table's end (a total, a grade, notes). */
function moreIndicatorsBelow(grid: Grid, from: number, cols: Columns): boolean {
  // An indicator's own cells: its values, or its name (one whose values are all missing is still one).
  const rowCols = [cols.weight, cols.score, cols.actual, cols.target, cols.name].filter((c): c is number => c !== undefined);
  for (let r = from; r <= grid.bottom; r++) {
    if (isNotesRow(grid, r)) return false;
    for (const c of rowCols) if (!grid.isCovered(r, c) && !grid.isEmpty(r, c)) return true;
  }
  return false;
}
