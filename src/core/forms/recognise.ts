import { toA1 } from "../address";
import type { Grid } from "../grid";
import { findCells, labelKey, numCell, textCell, valueRightOf } from "./cells";
import { findHeader, type Columns } from "./columns";
import { readTable, type TableRead } from "./indicators";
import type { Form, FundsBlock, FundsRow, GradeCell, LegacyForm, SelfEvaluationForm, TargetsForm } from "./model";

function kindOf(cols: Columns): Form["kind"] | null {
  if (cols.actual !== undefined) return "self-evaluation";
  if (cols.target !== undefined && cols.score !== undefined) return "self-evaluation";
  if (cols.score !== undefined && cols.weight !== undefined) return "self-evaluation-legacy";
  if (cols.target !== undefined) return "targets";
  return null;
}

/**
 * The grade sits right of its label: past the label's merged area, or (no merges, as when the
 * host cannot report them) in the first filled cell to the right, else under the weight column.
 */
function gradeCell(grid: Grid, table: TableRead, cols: Columns): GradeCell | null {
  if (!table.gradeLabel) return null;
  const { row, col } = table.gradeLabel;
  let c = valueRightOf(grid, row, col);
  if (!grid.mergeAt(row, col)) {
    let found = -1;
    for (let x = col + 1; x <= grid.right && found < 0; x++) if (!grid.isEmpty(row, x)) found = x;
    c = found > 0 ? found : Math.max(col + 1, cols.weight ?? cols.score ?? col + 1);
  }
  const cell = grid.cell(row, c);
  return { address: cell.address, text: grid.str(row, c, false), formula: cell.formula };
}

/** Recognise the form on a sheet by its header words; null when the sheet holds none. */
export function recognise(grid: Grid): Form | null {
  const header = findHeader(grid);
  if (!header) return null;
  const kind = kindOf(header.columns);
  if (!kind) return null;
  const table = readTable(grid, header);
  const base = {
    headerRow: header.row,
    headerCell: toA1(header.row, header.columns.level1!),
    firstRow: table.firstRow,
    lastRow: table.lastRow,
    indicators: table.indicators,
    total: table.total,
    grade: gradeCell(grid, table, header.columns),
  };
  if (kind === "self-evaluation") {
    const form: SelfEvaluationForm = { kind, ...base, funds: readFunds(grid, header.row) };
    return form;
  }
  if (kind === "self-evaluation-legacy") return readLegacy(grid, base, header.row);
  const form: TargetsForm = { kind, ...base, edition: targetsEdition(grid, header.row, header.columns, table) };
  return form;
}

function targetsEdition(grid: Grid, headerRow: number, cols: Columns, table: TableRead): "2020" | "2024" {
  if (/^一级目标/.test(grid.key(headerRow, cols.level1!, false))) return "2020";
  const old = new Set(["投入与管理", "产出目标", "效果目标", "影响力目标"]);
  return table.indicators.some((i) => old.has(i.level1.replace(/\s/g, ""))) ? "2020" : "2024";
}

type FundsRole = "initial" | "budget" | "executed" | "weight" | "rate" | "score";
function fundsRole(k: string): FundsRole | null {
  if (/年初预算/.test(k)) return "initial";
  if (/执行率/.test(k)) return "rate";
  if (/执行数/.test(k)) return "executed";
  if (/预算数/.test(k)) return "budget";
  if (k === "分值" || k === "分数" || k === "权重") return "weight";
  if (k === "得分") return "score";
  return null;
}

/** The 项目资金 block of the 2020 template: 年度资金总额 and its parts (RULES §2). */
function readFunds(grid: Grid, headerRow: number): FundsBlock | null {
  const hits = findCells(grid, grid.top, headerRow - 1, (k) => /^(年度)?资金总额/.test(k));
  if (hits.length === 0) return null;
  const { row: totalRow, col: labelCol } = hits[0];
  const cols: Partial<Record<FundsRole, number>> = {};
  for (let r = totalRow - 1; r >= Math.max(grid.top, totalRow - 3) && Object.keys(cols).length < 3; r--) {
    for (let c = labelCol + 1; c <= grid.right; c++) {
      if (grid.isCovered(r, c)) continue;
      const role = fundsRole(grid.key(r, c, false));
      if (role && cols[role] === undefined) cols[role] = c;
    }
  }
  if (cols.budget === undefined || cols.executed === undefined) return null;
  const rowAt = (r: number, c: number): FundsRow => ({
    label: grid.str(r, c),
    row: r,
    labelCell: toA1(r, c),
    initial: numCell(grid, r, cols.initial),
    budget: numCell(grid, r, cols.budget),
    executed: numCell(grid, r, cols.executed),
    weight: numCell(grid, r, cols.weight),
    rate: numCell(grid, r, cols.rate),
    score: numCell(grid, r, cols.score),
  });
  const parts: FundsRow[] = [];
  for (let r = totalRow + 1; r < headerRow && r <= totalRow + 5; r++) {
    const k = grid.key(r, labelCol);
    if (/(当年财政拨款|财政拨款|上年结转|其他资金)/.test(k)) parts.push(rowAt(r, labelCol));
  }
  let unit: FundsBlock["unit"] = "";
  for (let r = Math.max(grid.top, totalRow - 3); r <= totalRow && unit === ""; r++) {
    for (let c = grid.left; c <= grid.right; c++) {
      const k = grid.key(r, c, false);
      if (/万元/.test(k)) unit = "万元";
      else if (/[(（]元[)）]/.test(k) || /单位[:：]元/.test(k)) unit = "元";
      if (unit) break;
    }
  }
  return { unit, total: rowAt(totalRow, labelCol), parts };
}

function readLegacy(grid: Grid, base: Omit<LegacyForm, "kind" | "budget" | "executed" | "statedRate" | "problems">, headerRow: number): LegacyForm {
  const find = (test: (k: string) => boolean) => {
    const hit = findCells(grid, grid.top, headerRow - 1, (k) => test(labelKey(k)))[0];
    return hit ? { row: hit.row, col: valueRightOf(grid, hit.row, hit.col) } : null;
  };
  const budget = find((k) => /^当年预算(数|金额)/.test(k));
  const executed = find((k) => /^预算执行数/.test(k) || /^(全年)?执行数/.test(k));
  const rate = find((k) => /^预算执行率/.test(k));
  const grade = find((k) => /^(绩效等级|自评等级|评价等级)/.test(k));
  const problems = find((k) => /^主要问题/.test(k));
  return {
    kind: "self-evaluation-legacy",
    ...base,
    grade: grade
      ? { address: toA1(grade.row, grade.col), text: grid.str(grade.row, grade.col, false), formula: grid.cell(grade.row, grade.col).formula }
      : base.grade,
    budget: budget ? numCell(grid, budget.row, budget.col) : null,
    executed: executed ? numCell(grid, executed.row, executed.col) : null,
    statedRate: rate ? numCell(grid, rate.row, rate.col) : null,
    problems: problems ? textCell(grid, problems.row, problems.col) : null,
  };
}
