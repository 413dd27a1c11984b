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
