import * as z from "./zod";

/**
 * One sheet as every adapter reads it: Office.js (`usedRange` values/text/numberFormat/formulas,
 * `getMergedAreasOrNullObject`), the package reader, ExcelJS and SheetJS. Grids are dense and start at `origin` (1-based), so
 * `values[0][0]` is the cell at (origin.row, origin.col). Merged cells follow Excel: only the
 * top-left cell of a merged area holds a value; the others read as empty.
 */
export type CellValue = string | number | boolean | null;

/** What a grid's cells may hold: a value (string, number but NaN, boolean, null), a string, a string or null. */
const VALUE = 0;
const STRING = 1;
const STRING_OR_NULL = 2;

/**
 * A grid of cells checked by one tight loop: a 5,000-row sheet has 40,000 cells, and a schema
 * object per cell would cost more than the checking itself. The cells are checked inline, by what
 * they may hold, not through a callback per cell (a call per cell of four grids was a tenth of reading
 * a 50,000-row sheet).
 */
function grid<T>(what: string, holds: typeof VALUE | typeof STRING | typeof STRING_OR_NULL) {
  return z.custom<T[][]>(
    (g) => {
      if (!Array.isArray(g)) return false;
      // Indexed: a for-of over 50,000 rows made an iterator result for each until the loop was optimized.
      for (let i = 0; i < g.length; i++) {
        const row: unknown = g[i];
        if (!Array.isArray(row)) return false;
        for (let j = 0; j < row.length; j++) {
          const v: unknown = row[j];
          if (typeof v === "string") continue;
          if (v === null) {
            if (holds === STRING) return false;
            continue;
          }
          if (holds === VALUE && (typeof v === "boolean" || (typeof v === "number" && !Number.isNaN(v)))) continue;
          // A hole passes, as Array.prototype.every passes over it.
          if (v === undefined && !(j in row)) continue;
          return false;
        }
      }
      return true;
    },
    { message: `${what}: every row must be an array of ${what} cells` },
  );
}

/** How the sheet prints, where the adapter can read it (Excel's page setup; ECMA-376 §18.3.1.63). */
const PageSchema = z.object({
  orientation: z.enum(["portrait", "landscape"]),
  /** Excel's paper size code: 9 A4, 1 Letter, 8 A3, 11 A5, 5 Legal, 13 B5. */
  paperSize: z.int(),
  /** Percent, when the sheet is not fitted to pages. */
  scale: z.number().check(z.positive()),
  /** Fitted to so many pages wide and tall (0: as many as it takes), instead of the scale. */
  fitTo: z.nullable(z.object({ width: z.int().check(z.gte(0)), height: z.int().check(z.gte(0)) })),
  /** In points. */
  margins: z.object({ left: z.number(), right: z.number(), top: z.number(), bottom: z.number() }),
  /** The print area, as A1 ranges of this sheet; null when the whole used area prints. */
  printArea: z.nullable(z.array(z.string())),
  /** The rows repeated at the top of every page (打印标题). */
  titleRows: z.nullable(z.object({ first: z.int().check(z.gte(1)), last: z.int().check(z.gte(1)) })),
});

/** What a layout entry's key may hold: a whole number from 1; a finite size from 0, or nothing; a flag, or nothing. */
const COUNT = 0;
const SIZE = 1;
const FLAG = 2;

function holds(kind: typeof COUNT | typeof SIZE | typeof FLAG, v: unknown): boolean {
  if (kind === COUNT) return Number.isSafeInteger(v) && (v as number) >= 1;
  if (v === undefined) return true;
  return kind === SIZE ? Number.isFinite(v) && (v as number) >= 0 : typeof v === "boolean";
}

/**
 * A layout's list of entries (its columns, its rows) checked by one loop, as the grids are: a schema
 * object per entry cost a sheet of a few dozen rows more than reading them (every workbook of a batch
 * has such lists). Entries are taken as they are, keys other than these kept.
 */
function entries<T>(what: string, keys: Record<string, typeof COUNT | typeof SIZE | typeof FLAG>) {
  const names = Object.keys(keys);
  return z.custom<T[]>(
    (list) => {
      if (!Array.isArray(list)) return false;
      for (let i = 0; i < list.length; i++) {
        const e: unknown = list[i];
        if (typeof e !== "object" || e === null || Array.isArray(e)) return false;
        for (const k of names) if (!holds(keys[k], (e as Record<string, unknown>)[k])) return false;
      }
      return true;
    },
    { message: `layout ${what}: every entry must be an object of ${names.join(", ")}` },
  );
}

/**
 * The sheet's geometry: column widths and row heights in points, what is hidden, which cells wrap
 * their text, and the page setup. Optional: an adapter that cannot read it leaves it out, and the
 * print check (src/core/print) is then not made.
 */
const LayoutSchema = z.object({
  /** The workbook's default font size, in points: text is measured with it. */
  fontSize: z.number().check(z.positive()),
  defaultColWidth: z.number().check(z.gte(0)),
  defaultRowHeight: z.number().check(z.gte(0)),
  /** Column ranges whose width or hiddenness differ from the default. */
  cols: entries<{ min: number; max: number; width?: number; hidden?: boolean }>("cols", { min: COUNT, max: COUNT, width: SIZE, hidden: FLAG }),
  /** Rows whose height or hiddenness differ; `fixed`: a height set by hand (customHeight), which Excel never grows. */
  rows: entries<{ row: number; height?: number; fixed?: boolean; hidden?: boolean }>("rows", { row: COUNT, height: SIZE, fixed: FLAG, hidden: FLAG }),
  /** Cells whose text wraps within the cell (A1). */
  wrapped: z.array(z.string()),
  page: z.nullable(PageSchema),
});
export type SheetLayout = z.infer<typeof LayoutSchema>;
export type PageSetup = z.infer<typeof PageSchema>;

const SheetSnapshotSchema = z
  .object({
    name: z.string(),
    origin: z.object({ row: z.int().check(z.gte(1)), col: z.int().check(z.gte(1)) }),
    values: grid<CellValue>("value", VALUE),
    /** What Excel displays (`Range.text`). */
    text: grid<string>("text", STRING),
    numberFormats: grid<string>("number format", STRING),
    /** Formula text starting with "=" where the cell holds a formula, otherwise null. */
    formulas: grid<string | null>("formula", STRING_OR_NULL),
    /** Merged areas as A1 ranges ("A13:A21"). */
    merges: z.array(z.string()),
    /** The sheet is protected: nothing may be written. */
    protected: z.optional(z.boolean()),
    /** The workbook hides the sheet (state hidden or veryHidden): it is checked, and said to be hidden. */
    hidden: z.optional(z.boolean()),
    /**
     * The workbook recalculates every formula when opened (calcPr fullCalcOnLoad): the formula
     * results stored in the file may be stale, and figures held by formulas are not checked.
     */
    recalculatesOnLoad: z.optional(z.boolean()),
    layout: z.optional(LayoutSchema),
  })
  .check(
    z.superRefine((s, ctx) => {
      const rows = s.values.length;
      for (const key of ["text", "numberFormats", "formulas"] as const) {
        if (s[key].length !== rows) {
          ctx.addIssue({ code: "custom", message: `${key} has ${s[key].length} rows, values has ${rows}` });
        }
      }
    }),
  );
export type SheetSnapshot = z.infer<typeof SheetSnapshotSchema>;

/**
 * A snapshot an adapter built, validated once where it enters the engine's world (the package and
 * ExcelJS readers, SheetJS, Office.js): the engine then takes it as it is, on every analysis.
 */
export function validSnapshot(s: SheetSnapshot): SheetSnapshot {
  return SheetSnapshotSchema.parse(s);
}

/** Whether a layout an adapter read is one the print check can take. */
export function validLayout(l: SheetLayout): boolean {
  return LayoutSchema.safeParse(l).success;
}

export function emptySnapshot(name: string): SheetSnapshot {
  return { name, origin: { row: 1, col: 1 }, values: [], text: [], numberFormats: [], formulas: [], merges: [] };
}
