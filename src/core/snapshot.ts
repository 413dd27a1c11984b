import { z } from "zod";

/**
 * One sheet as both hosts can read it: Office.js (`usedRange` values/text/numberFormat/formulas,
 * `getMergedAreasOrNullObject`) and ExcelJS. Grids are dense and start at `origin` (1-based), so
 * `values[0][0]` is the cell at (origin.row, origin.col). Merged cells follow Excel: only the
 * top-left cell of a merged area holds a value; the others read as empty.
 */
export const CellValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type CellValue = z.infer<typeof CellValueSchema>;

export const SheetSnapshotSchema = z
  .object({
    name: z.string(),
    origin: z.object({ row: z.number().int().min(1), col: z.number().int().min(1) }),
    values: z.array(z.array(CellValueSchema)),
    /** What Excel displays (`Range.text`). */
    text: z.array(z.array(z.string())),
    numberFormats: z.array(z.array(z.string())),
    /** Formula text starting with "=" where the cell holds a formula, otherwise null. */
    formulas: z.array(z.array(z.string().nullable())),
    /** Merged areas as A1 ranges ("A13:A21"). */
    merges: z.array(z.string()),
    /** The sheet is protected: nothing may be written. */
    protected: z.boolean().optional(),
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

export function emptySnapshot(name: string): SheetSnapshot {
  return { name, origin: { row: 1, col: 1 }, values: [], text: [], numberFormats: [], formulas: [], merges: [] };
}
