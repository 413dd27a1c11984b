import { z } from "zod";

/**
 * One sheet as every adapter reads it: Office.js (`usedRange` values/text/numberFormat/formulas,
 * `getMergedAreasOrNullObject`), the package reader, ExcelJS and SheetJS. Grids are dense and start at `origin` (1-based), so
 * `values[0][0]` is the cell at (origin.row, origin.col). Merged cells follow Excel: only the
 * top-left cell of a merged area holds a value; the others read as empty.
 */
export type CellValue = string | number | boolean | null;

/**
 * A grid of cells checked by one tight loop: a 5,000-row sheet has 40,000 cells, and a schema
 * object per cell would cost more than the checking itself.
 */
function grid<T>(what: string, ok: (v: unknown) => v is T) {
  return z.custom<T[][]>(
    (g) => Array.isArray(g) && g.every((row) => Array.isArray(row) && row.every(ok)),
    { message: `${what}: every row must be an array of ${what} cells` },
  );
}
const isCellValue = (v: unknown): v is CellValue =>
  v === null || typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && !Number.isNaN(v));
const isString = (v: unknown): v is string => typeof v === "string";
const isFormula = (v: unknown): v is string | null => v === null || typeof v === "string";

const SheetSnapshotSchema = z
  .object({
    name: z.string(),
    origin: z.object({ row: z.number().int().min(1), col: z.number().int().min(1) }),
    values: grid("value", isCellValue),
    /** What Excel displays (`Range.text`). */
    text: grid("text", isString),
    numberFormats: grid("number format", isString),
    /** Formula text starting with "=" where the cell holds a formula, otherwise null. */
    formulas: grid("formula", isFormula),
    /** Merged areas as A1 ranges ("A13:A21"). */
    merges: z.array(z.string()),
    /** The sheet is protected: nothing may be written. */
    protected: z.boolean().optional(),
    /**
     * The workbook recalculates every formula when opened (calcPr fullCalcOnLoad): the formula
     * results stored in the file may be stale, and figures held by formulas are not checked.
     */
    recalculatesOnLoad: z.boolean().optional(),
  })
  .superRefine((s, ctx) => {
    const rows = s.values.length;
    for (const key of ["text", "numberFormats", "formulas"] as const) {
      if (s[key].length !== rows) {
        ctx.addIssue({ code: "custom", message: `${key} has ${s[key].length} rows, values has ${rows}` });
      }
    }
  });
export type SheetSnapshot = z.infer<typeof SheetSnapshotSchema>;

/**
 * A snapshot an adapter built, validated once where it enters the engine's world (the package and
 * ExcelJS readers, SheetJS, Office.js): the engine then takes it as it is, on every analysis.
 */
export function validSnapshot(s: SheetSnapshot): SheetSnapshot {
  return SheetSnapshotSchema.parse(s);
}

export function emptySnapshot(name: string): SheetSnapshot {
  return { name, origin: { row: 1, col: 1 }, values: [], text: [], numberFormats: [], formulas: [], merges: [] };
}
