import type { Grid } from "../grid";
import { headerKey } from "../text";
import { rolesInRow } from "./columns";

/**
 * What a row of the indicator table is, read as a person reads it (RULES-3 §13): only indicators
 * are scored or flagged. The template's `指标2：` / `……` rows left in, not-applicable rows, unused
 * groups, empty rows and a header repeated for printing are passed over; notes and signatures end
 * the table.
 */
export type RowKind = "indicator" | "placeholder" | "not-applicable" | "empty" | "group" | "repeated-header" | "notes";

/** The cells of a row the classification looks at, as text (trimmed), in the table's columns. */
export interface RowCells {
  level1: string;
  level2: string;
  name: string;
  target: string;
  actual: string;
  weight: string;
  score: string;
}

/** 指标1：, 指标2:, 指标 3 ：… and nothing after: the template's numbered row. `……` and `…` alike. */
const PLACEHOLDER_NAME = /^(指标\s*[0-9０-９一二三四五六七八九十]+\s*[:：]?|[…．.。·]+|…+)$/;
/** 指标1：年度资金支付完成率: a template row the unit filled; the prefix is not part of the name. */
const NUMBERED_PREFIX = /^指标\s*[0-9０-９一二三四五六七八九十]+\s*[:：]\s*/;
/** Words and marks units write for "does not apply" (RULES-3 §13). */
const NOT_APPLICABLE = new Set(["/", "／", "\\", "无", "—", "——", "-", "--", "－", "不适用", "不涉及", "N/A", "n/a", "NA"]);
/** Notes and signatures below the table. */
const NOTE_WORDS = ["注", "说明", "备注", "填表人", "填报人", "联系电话", "联系人", "审核人", "单位负责人", "财务负责人", "项目负责人", "填报日期", "填表日期", "日期"];
const NOTES = new RegExp(`^(${NOTE_WORDS.join("|")})\\s*[:：]`);

export const isNotApplicable = (s: string): boolean => NOT_APPLICABLE.has(headerKey(s));
export const isPlaceholderName = (s: string): boolean => PLACEHOLDER_NAME.test(s.trim());
/** The name without the template's 指标1： prefix. */
export const withoutNumberedPrefix = (s: string): string => s.replace(NUMBERED_PREFIX, "").trim();

/** The characters a note's or signature's word begins with, and digits (a numbered note, `1.注：`). */
const NOTES_FIRST = new Set([..."0123456789", ...NOTE_WORDS.map((w) => w[0])]);

/** Whether the row's first filled cell opens a note or a signature line. */
export function isNotesRow(grid: Grid, row: number): boolean {
  for (let c = grid.left; c <= grid.right; c++) {
    if (grid.isCovered(row, c)) continue;
    // The cell's words as headers are keyed (memoised: the table's reader keys the same cells).
    const k = grid.key(row, c, false);
    if (k === "") continue;
    return NOTES_FIRST.has(k[0]) && NOTES.test(k.replace(/^\d+[.、]/, ""));
  }
  return false;
}

function hasLevel1Word(grid: Grid, row: number): boolean {
  for (let c = grid.left; c <= grid.right; c++) {
    // A text without 级 cannot key to 一级…: most cells of a table are passed over without keying them,
    // empty ones and numbers (whose shown text is what a key would read) alike.
    const v = grid.valueAt(row, c);
    if (v === null || !(typeof v === "string" ? v : grid.textAt(row, c)).includes("级")) continue;
    if (!grid.isCovered(row, c) && grid.key(row, c, false).startsWith("一级")) return true;
  }
  return false;
}

/** The header row printed again (its words may differ slightly): a first level and a name or target. */
export function isRepeatedHeader(grid: Grid, row: number): boolean {
  // Without a first-level header word (一级指标 / 一级目标) the row is none; most rows are passed over here,
  // before every cell's words are matched against every role.
  if (!hasLevel1Word(grid, row)) return false;
  const roles = rolesInRow(grid, row);
  return roles.level1 !== undefined && (roles.name !== undefined || roles.target !== undefined || roles.level2 !== undefined);
}

export function classifyRow(cells: RowCells): RowKind {
  const { level1, level2, name, target, actual, weight, score } = cells;
  const valuesEmpty = target === "" && actual === "" && weight === "" && score === "";
  if (name === "" && valuesEmpty) return level1 === "" && level2 === "" ? "empty" : "group";
  if (valuesEmpty && isPlaceholderName(name)) return "placeholder";
  const unscored = (weight === "" || isNotApplicable(weight)) && (score === "" || isNotApplicable(score));
  if (unscored && (isNotApplicable(target) || isNotApplicable(actual))) return "not-applicable";
  if (unscored && target === "" && actual === "" && isNotApplicable(name)) return "not-applicable";
  return "indicator";
}
