import fs from "node:fs";
import path from "node:path";
import { loadWorkbook, snapshotsOf } from "../src/xlsx/readWorkbook";
import type { SheetSnapshot } from "../src/core/snapshot";

export const SAMPLES = path.join(__dirname, "fixtures", "samples");

export async function sampleSnapshots(rel: string): Promise<SheetSnapshot[]> {
  return snapshotsOf(await loadWorkbook(fs.readFileSync(path.join(SAMPLES, rel))));
}

export async function sampleSheet(rel: string, sheet?: string): Promise<SheetSnapshot> {
  const all = await sampleSnapshots(rel);
  const s = sheet ? all.find((x) => x.name === sheet) : all[0];
  if (!s) throw new Error(`no sheet ${sheet} in ${rel}`);
  return s;
}

/**
 * The findings that depend on the sheet's paper layout (the print check's), which only the package
 * reader reads: readers of the same form are compared without them, and without the layout itself.
 */
const LAYOUT_CODES = new Set(["print-area-cuts", "print-too-wide", "print-titles-missing", "print-hidden-content", "print-text-cut"]);
export const fromCells = <F extends { code: string }>(findings: readonly F[]): F[] => findings.filter((f) => !LAYOUT_CODES.has(f.code));
export const withoutLayout = (s: SheetSnapshot): SheetSnapshot => {
  const { layout: _layout, ...rest } = s;
  return rest;
};
