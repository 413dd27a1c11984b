import fs from "node:fs";
import path from "node:path";
import { createActions } from "../../src/excel/actions";
import type { AddinActions } from "../../src/excel/types";
import { dumpSheet, fromExcelJs, type EmulatedExcel, type HostOptions } from "../../src/emulator";
import { SAMPLES } from "../helpers";
import { sampleWorkbook } from "../emulator/load";

export { sampleWorkbook };

/** Every sample workbook, as a path under test/fixtures/samples. */
export function sampleFiles(): string[] {
  return fs
    .readdirSync(SAMPLES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => fs.readdirSync(path.join(SAMPLES, d.name)).filter((f) => f.endsWith(".xlsx")).map((f) => `${d.name}/${f}`))
    .sort();
}

export interface Setup {
  host: EmulatedExcel;
  actions: AddinActions;
}

export function actionsFor(host: EmulatedExcel): AddinActions {
  return createActions(host.run, { isSetSupported: host.isSetSupported, library: host.library });
}

export async function openSample(rel: string, opts: HostOptions = {}): Promise<Setup> {
  const host = fromExcelJs(await sampleWorkbook(rel), opts);
  return { host, actions: actionsFor(host) };
}

/** The whole workbook as data: cells, formats, conditional formats, notes, validations. */
export function dump(host: EmulatedExcel): string {
  return JSON.stringify(host.state.sheets.map(dumpSheet));
}

/** The cells (address → value) that differ between two dumps of the same sheet. */
export function changedCells(before: string, after: string): string[] {
  type D = Array<{ name: string; cells: Array<[string, unknown, unknown, string]> }>;
  const a = JSON.parse(before) as D;
  const b = JSON.parse(after) as D;
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const ca = new Map((a[i]?.cells ?? []).map((c) => [c[0], JSON.stringify(c)]));
    const cb = new Map((b[i]?.cells ?? []).map((c) => [c[0], JSON.stringify(c)]));
    for (const k of new Set([...ca.keys(), ...cb.keys()])) if (ca.get(k) !== cb.get(k)) out.push(`${b[i]?.name ?? a[i]?.name}!${k}`);
  }
  return out.sort();
}
