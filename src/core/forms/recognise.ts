import { REGIONS } from "./regions";
import { toA1 } from "../address";
import type { Grid } from "../grid";
import { findCells, textCell, valueRightOf } from "./cells";
import { findHeader, type Columns } from "./columns";
import { familyKindOf, readForm } from "./families";
import { readTable, type TableRead } from "./indicators";
import type { Form, FormBase, GradeCell } from "./model";

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
  return textCell(grid, row, c);
}

const TIER_RANGE = REGIONS.project.hubei.tierBand;

/**
 * Tier bands a form prints for its qualitative indicators (Hubei: 达成预期指标 100%-80%, 部分达成预期指标
 * 80%-50%, 未达成预期指标 50%-0%): all three in one cell, else none. The top of a band is its suggestion.
 */
function printedTierBands(grid: Grid): FormBase["tierBands"] {
  for (let r = grid.top; r <= grid.bottom; r++) {
    for (let c = grid.left; c <= grid.right; c++) {
      // A text is passed over as it stands (its trimmed form is no longer and holds the same words).
      const v = grid.valueAt(r, c);
      if (v === null || (typeof v === "string" && (v.length < 12 || !v.includes("达成")))) continue;
      const text = grid.str(r, c, false);
      if (text.length < 12 || !text.includes("达成") || !/[%％]/.test(text)) continue;
      const bands: Partial<NonNullable<FormBase["tierBands"]>> = {};
      for (const m of text.normalize("NFKC").matchAll(TIER_RANGE)) {
        const tier = m[1] as keyof NonNullable<FormBase["tierBands"]>;
        const [a, b] = [Number(m[2]) / 100, Number(m[3]) / 100];
        if (!bands[tier] && a <= 1 && b <= 1) bands[tier] = { lo: Math.min(a, b), hi: Math.max(a, b), suggest: Math.max(a, b) };
      }
      if (bands.达成 && bands.部分达成 && bands.未达成) return bands as NonNullable<FormBase["tierBands"]>;
    }
  }
  return null;
}

/** A labelled field above the indicator table (项目名称, 主管部门): the text right of its label. */
function labelled(grid: Grid, headerRow: number, label: RegExp): string | null {
  const hit = findCells(grid, grid.top, headerRow - 1, (k) => label.test(k))[0];
  if (!hit) return null;
  const text = grid.str(hit.row, valueRightOf(grid, hit.row, hit.col), false).trim();
  return text === "" ? null : text;
}

/** Hubei's one reason row below the table: 偏差大或目标未完成原因分析, the text right of it (RULES-2 §9.3). */
const FORM_REASON = (k: string) => k.length <= 20 && REGIONS.project.hubei.formReasonLabel.test(k);

function formReason(grid: Grid, table: TableRead, cols: Columns): FormBase["formReason"] {
  if (cols.reason !== undefined || cols.note !== undefined) return null;
  const hit = findCells(grid, table.lastRow + 1, grid.bottom, FORM_REASON)[0];
  if (!hit) return null;
  const c = valueRightOf(grid, hit.row, hit.col);
  return textCell(grid, hit.row, c);
}

/** The labelled texts whose length a form may limit, and the limit a label prints. */
const LIMITED = /^(年度(总体)?目标完成情况|评价结论|存在(的)?问题|改进措施)/;
const PRINTED_LIMIT = /(\d+)字以内|限(\d+)字|不超过(\d+)字/;

function limitedTexts(grid: Grid, headerRow: number, lastRow: number): NonNullable<FormBase["limitedTexts"]> {
  const out: NonNullable<FormBase["limitedTexts"]> = [];
  const label = (k: string) => k.length <= 24 && LIMITED.test(k);
  // Above the indicator table and below it: its own rows hold indicators, not these texts.
  const hits = [...findCells(grid, grid.top, headerRow - 1, label), ...findCells(grid, lastRow + 1, grid.bottom, label)];
  for (const hit of hits) {
    const key = grid.key(hit.row, hit.col, false);
    const label = LIMITED.exec(key)![1];
    const printed = PRINTED_LIMIT.exec(key);
    // The text is right of the label, or under it when the label heads a column.
    const right = valueRightOf(grid, hit.row, hit.col);
    const at = right <= grid.right && !grid.isEmpty(hit.row, right) ? { r: hit.row, c: right } : { r: (grid.mergeAt(hit.row, hit.col)?.bottom ?? hit.row) + 1, c: hit.col };
    if (at.r > grid.bottom) continue;
    out.push({
      label,
      cell: textCell(grid, at.r, at.c)!,
      printedLimit: printed ? Number(printed[1] ?? printed[2] ?? printed[3]) : null,
    });
  }
  return out;
}

/** Recognise the form on a sheet by its header words; null when the sheet holds none. */
export function recognise(grid: Grid): Form | null {
  const header = findHeader(grid);
  if (!header) return null;
  const kind = familyKindOf(header, grid);
  if (!kind) return null;
  const table = readTable(grid, header);
  const base: Omit<FormBase, "traits"> = {
    projectName: labelled(grid, header.row, /^项目名称[:：]?$/),
    department: labelled(grid, header.row, /^(主管部门|主管单位)[:：]?$/),
    implementer: labelled(grid, header.row, /^(实施单位|项目单位)[:：]?$/),
    tierBands: printedTierBands(grid),
    formReason: formReason(grid, table, header.columns),
    limitedTexts: limitedTexts(grid, header.row, table.lastRow),
    ...(header.columns.level1 === undefined && header.columns.level2 === undefined ? { unlevelled: true } : {}),
    headerRow: header.row,
    headerCell: toA1(header.row, header.columns.level1 ?? header.columns.name!),
    firstRow: table.firstRow,
    lastRow: table.lastRow,
    indicators: table.indicators,
    total: table.total,
    grade: gradeCell(grid, table, header.columns),
  };
  return readForm(kind, grid, base, header, table);
}
