// The scans the table reader makes of every row pass most cells over without keying them (a notes
// row, a header printed again, a unit in a name, the cells read as numbers and texts). Here each is
// held to its rule said plainly, over generated rows of the words and marks that decide it.
import fc from "fast-check";
import { Grid } from "../../../src/core/grid";
import { isNotesRow, isRepeatedHeader } from "../../../src/core/forms/rowKinds";
import { rolesInRow } from "../../../src/core/forms/columns";
import { numCell, textCell } from "../../../src/core/forms/cells";
import { readNumber } from "../../../src/core/numbers";
import { unitFromName } from "../../../src/core/values/readValue";
import { headerKey, toHalfWidth } from "../../../src/core/text";
import type { CellValue, SheetSnapshot } from "../../../src/core/snapshot";

/** The rules as the domain notes state them. */
const NOTES = /^(注|说明|备注|填表人|填报人|联系电话|联系人|审核人|单位负责人|财务负责人|项目负责人|填报日期|填表日期|日期)\s*[:：]/;

function plainNotesRow(grid: Grid, row: number): boolean {
  for (let c = grid.left; c <= grid.right; c++) {
    if (grid.isCovered(row, c)) continue;
    const t = grid.str(row, c, false);
    if (t === "") continue;
    return NOTES.test(headerKey(t).replace(/^\d+[.、]/, ""));
  }
  return false;
}

function plainRepeatedHeader(grid: Grid, row: number): boolean {
  let level1 = false;
  for (let c = grid.left; c <= grid.right; c++) if (!grid.isCovered(row, c) && grid.key(row, c, false).startsWith("一级")) level1 = true;
  if (!level1) return false;
  const roles = rolesInRow(grid, row);
  return roles.level1 !== undefined && (roles.name !== undefined || roles.target !== undefined || roles.level2 !== undefined);
}

function plainUnitCandidate(name: string): boolean {
  return /\(([^()]*)\)$/.test(toHalfWidth(name).trim());
}

// The pieces such cells are made of: note and header words, numbering, colons of both widths, white
// space of several kinds, brackets, full-width letters and digits, and plain figures.
const piece = fc.constantFrom(
  "注", "说明", "备注", "填表人", "联系电话", "日期", "单位负责人", "一级指标", "一 级", "一级", "级", "二级指标", "三级指标", "指标名称",
  "年度指标值", "实际完成值", "分值", "得分", "1", "2.", "3、", "１", "：", ":", " ", "\u3000", "\n", "\t", "(", ")", "（", "）", "%", "人", "项",
  "ａ", "达成", "产出指标", "≥", "95",
);
const text = fc.array(piece, { maxLength: 5 }).map((ps) => ps.join(""));
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 120 }) },
  { weight: 1, arbitrary: fc.boolean() },
);

function gridOf(rows: CellValue[][], shown: string[][], merges: string[]): Grid {
  const snap: SheetSnapshot = {
    name: "表1",
    origin: { row: 1, col: 1 },
    values: rows,
    text: shown,
    numberFormats: rows.map((r) => r.map((v) => (typeof v === "number" && v > 100 ? "0.00%" : "General"))),
    formulas: rows.map((r) => r.map((v) => (typeof v === "number" && v < 0 ? "A1+1" : null))),
    merges,
  };
  return new Grid(snap);
}

/** Rows of cells, each with the text a number shows (which may itself hold words), and a merge or none. */
const sheet = fc
  .array(fc.array(fc.tuple(cell, text), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 })
  .chain((rows) => fc.tuple(fc.constant(rows), fc.constantFrom<string[]>([], ["A1:B1"], ["B2:C3"], ["A1:A2"])))
  .map(([rows, merges]) => {
    const width = Math.max(...rows.map((r) => r.length));
    const values = rows.map((r) => Array.from({ length: width }, (_, j) => r[j]?.[0] ?? null));
    const shown = rows.map((r) => Array.from({ length: width }, (_, j) => (typeof r[j]?.[0] === "string" ? (r[j][0] as string) : (r[j]?.[1] ?? ""))));
    return gridOf(values, shown, merges);
  });

test("a notes row and a header printed again are found as their rules say, whatever the row holds", () => {
  fc.assert(
    fc.property(sheet, (grid) => {
      for (let r = grid.top; r <= grid.bottom; r++) {
        expect(isNotesRow(grid, r)).toBe(plainNotesRow(grid, r));
        expect(isRepeatedHeader(grid, r)).toBe(plainRepeatedHeader(grid, r));
      }
    }),
    { numRuns: 400 },
  );
});

test("a cell read as a number or as a text is read as from its Cell", () => {
  fc.assert(
    fc.property(sheet, (grid) => {
      for (let r = grid.top - 1; r <= grid.bottom + 1; r++) {
        for (let c = grid.left; c <= grid.right + 1; c++) {
          const cell = grid.cell(r, c);
          expect(numCell(grid, r, c)).toEqual({ ...readNumber(cell), address: cell.address });
          const t = grid.str(r, c, false);
          expect(textCell(grid, r, c)).toEqual({ address: cell.address, text: t, formula: cell.formula, ...(t === "" && cell.value !== null ? { typed: true } : {}) });
        }
      }
    }),
    { numRuns: 200 },
  );
});

test("a name ending in a unit in brackets of either width, white space after them or not, gives its unit", () => {
  const unit = fc.constantFrom(["人", "人"], ["项", "项"], ["%", "%"], ["％", "%"], ["万元", "万元"], ["小时", "小时"]);
  const brackets = fc.constantFrom(["(", ")"], ["（", "）"], ["(", "）"]);
  const after = fc.constantFrom("", " ", "\u3000", "\t", " \n");
  fc.assert(
    fc.property(text, unit, brackets, after, (head, [written, read], [open, close], ws) => {
      const name = `${head.replace(/[()（）]/g, "")}${open}${written}${close}${ws}`;
      expect(unitFromName(name)).toBe(read);
    }),
    { numRuns: 1000 },
  );
  // A name not ending in a bracket has no unit, whatever brackets stand inside it.
  fc.assert(
    fc.property(text, (name) => {
      if (!plainUnitCandidate(name)) expect(unitFromName(name)).toBe("");
    }),
    { numRuns: 1000 },
  );
});
