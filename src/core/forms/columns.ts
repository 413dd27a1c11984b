import { REGIONS } from "./regions";
import type { Grid } from "../grid";

/** The columns of an indicator table, found by their header words (RULES §2). */
type Role =
  | "level1"
  | "level2"
  | "name"
  | "target"
  | "targetOp"
  | "targetValue"
  | "targetUnit"
  | "adjusted"
  | "actual"
  | "weight"
  | "score"
  | "reason"
  | "note"
  | "explain"
  | "coefficient";

/** Header words after headerKey() (no spaces, half-width). Order matters: first match wins. */
export const MATCHERS: Array<[Role, (k: string) => boolean]> = [
  ["level1", (k) => /^一级(指标|目标)/.test(k)],
  ["level2", (k) => /^二级(指标|目标)/.test(k)],
  ["name", (k) => /^三级(指标|目标)/.test(k) || k === "指标名称" || k === "指标内容"],
  ["explain", (k) => k === "指标解释" || k === "指标说明"],
  ["targetOp", (k) => k === "指标性质" || k === "指标方向" || REGIONS.department.tianjin.operatorHeaders.includes(k)],
  ["targetUnit", (k) => k === "计量单位" || k === "度量单位" || k === "单位"],
  ["adjusted", (k) => REGIONS.department.chongqing.adjustedTargetHeader.test(k)],
  ["actual", (k) => (/实际/.test(k) && /(值|完成|情况)/.test(k)) || /^(全年)?完成值/.test(k)],
  ["target", (k) => /(指标值|目标值)/.test(k)],
  ["coefficient", (k) => /^得分系数/.test(k)],
  ["weight", (k) => /^(指标)?(分值|权重)(\(分\))?$/.test(k)],
  ["score", (k) => /^(指标|自评)?得分(\(分\))?$/.test(k) || k === "自评分" || k === "评分"],
  ["reason", (k) => /^偏差原因/.test(k) || /^(未完成|扣分)原因/.test(k) || k === "原因分析" || k === "偏差说明" || k === "原因"],
  ["note", (k) => k === "备注" || k === "说明"],
];

/**
 * A character every header word above holds one of (一级/二级/三级 → 级, 指标… → 标, 符号, 单位, …值,
 * 实际, 分值 and 得分, 权重, …原因, 说明, 备注): a key with none of them is no header, and the matchers are
 * not run over the thousands of value cells a table holds. test/core/forms/columns.test.ts keeps it a superset.
 */
export const HEADER_CHARS = /[级标符位值际分重因明注]/;

/**
 * The character every header row findHeader takes holds: it needs a first level (一级指标, 一级目标) or a
 * name (三级指标, 三级目标, 指标名称, 指标内容), each of them 指标 or 目标. A sheet none of whose cells can
 * show it holds no form (src/xlsx/formFree.ts); test/core/forms/columns.test.ts keeps this true.
 */
export const TABLE_CHAR = "标";

export function roleOf(key: string): Role | null {
  if (key === "" || !HEADER_CHARS.test(key)) return null;
  for (const [role, match] of MATCHERS) if (match(key)) return role;
  return null;
}

export type Columns = Partial<Record<Role, number>>;

/** Roles found in one row (top-left cells of merged areas only, so a spanning title counts once). */
export function rolesInRow(grid: Grid, row: number): Columns {
  const cols: Columns = {};
  for (let c = grid.left; c <= grid.right; c++) {
    if (grid.isCovered(row, c)) continue;
    const role = roleOf(grid.key(row, c, false));
    if (role && cols[role] === undefined) cols[role] = c;
  }
  return cols;
}

export interface HeaderMatch {
  row: number;
  /** The last header row (the sub-header of a split target, or `row`). */
  lastRow: number;
  columns: Columns;
}

/**
 * Chongqing's department-wide table has no level columns (RULES-2 §8.3): a header naming the
 * indicator, its target, its actual, its weight and its score is a table all the same.
 */
const completeWithoutLevels = (c: Columns) =>
  c.name !== undefined && c.target !== undefined && c.actual !== undefined && c.weight !== undefined && c.score !== undefined;

/**
 * The first row that reads as an indicator table header: a first level, a name or second level,
 * and a target or a weight (or, with no level column, all of name, target, actual, weight and
 * score). A target split into 指标性质 | 指标值 | 计量单位 may sit in the row below.
 */
export function findHeader(grid: Grid): HeaderMatch | null {
  for (let r = grid.top; r <= grid.bottom; r++) {
    const cols = rolesInRow(grid, r);
    if (cols.level1 === undefined && !completeWithoutLevels(cols)) continue;
    if (cols.name === undefined && cols.level2 === undefined) continue;
    let lastRow = r;
    if (r + 1 <= grid.bottom) {
      const below = rolesInRow(grid, r + 1);
      if (below.targetOp !== undefined || below.targetUnit !== undefined) {
        for (const [k, v] of Object.entries(below) as Array<[Role, number]>) {
          if (cols[k] === undefined || k === "target") cols[k] = v;
        }
        if (below.target !== undefined) cols.targetValue = below.target;
        lastRow = r + 1;
      }
    }
    if (cols.targetOp !== undefined || cols.targetUnit !== undefined) {
      if (cols.targetValue === undefined && cols.target !== undefined) cols.targetValue = cols.target;
      if (cols.targetValue !== undefined) cols.target = cols.targetValue;
    }
    if (cols.target === undefined && cols.weight === undefined) continue;
    return { row: r, lastRow, columns: cols };
  }
  return null;
}
