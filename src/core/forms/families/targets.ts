import type { Grid } from "../../grid";
import type { Columns } from "../columns";
import type { TableRead } from "../indicators";
import type { TargetsForm } from "../model";
import type { FormFamily } from "./types";
import { belowWeight, sumOf } from "./writes";

/** 绩效目标申报表 (2020 and 2024 editions): targets and weights, nothing scored, nothing filled. */
export const targets: FormFamily<"targets"> = {
  kind: "targets",
  label: { zh: "绩效目标表", en: "performance target declaration" },
  traits: ["targets", "declaration"],
  matches: ({ columns: cols }) => cols.target !== undefined,
  read: (grid, base, header, table) => ({ kind: "targets", ...base, edition: targetsEdition(grid, header.row, header.columns, table) }),
  evaluateRow(_form, base) {
    return { ...base, needsExplanation: belowWeight(base) };
  },
  figures: (_form, evals) => ({ budget: null, legacyRate: null, total: null, grade: null, weightSum: sumOf(evals.filter((e) => !e.placeholder).map((e) => e.weight)) }),
  grades: null,
  fillWrites: () => [],
  formulaCells: () => [],
};

function targetsEdition(grid: Grid, headerRow: number, cols: Columns, table: TableRead): TargetsForm["edition"] {
  if (/^一级目标/.test(grid.key(headerRow, cols.level1!, false))) return "2020";
  const old = new Set(["投入与管理", "产出目标", "效果目标", "影响力目标"]);
  return table.indicators.some((i) => old.has(i.level1.replace(/\s/g, ""))) ? "2020" : "2024";
}
