import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { fromExcelJs, type EmulatedExcel, type HostOptions } from "../../src/emulator";
import { SAMPLES } from "../helpers";

export async function sampleWorkbook(rel: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(path.join(SAMPLES, rel)) as unknown as ArrayBuffer);
  return wb;
}

/** An emulated Excel with a sample workbook open. */
export async function sampleHost(rel: string, opts: HostOptions = {}): Promise<EmulatedExcel> {
  return fromExcelJs(await sampleWorkbook(rel), opts);
}

/** A small workbook built in code, for the emulator's own tests. */
export function tinyWorkbook(build: (ws: ExcelJS.Worksheet) => void, name = "Sheet1"): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet(name));
  return wb;
}
