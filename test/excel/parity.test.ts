import fs from "node:fs";
import path from "node:path";
import { readPackageSnapshots } from "../../src/xlsx/readPackage";
import { fromCells, SAMPLES } from "../helpers";
import { analyzeSheet } from "../../src/core/engine";
import { snapshotOf } from "../../src/xlsx/readWorkbook";
import { openSample, sampleFiles, sampleWorkbook } from "./setup";

const brief = (f: { code: string; severity: string; cell: string }) => `${f.severity}:${f.code}@${f.cell}`;

describe("check through Office.js finds what the engine finds in the file", () => {
  test.each(sampleFiles())("%s", async (rel) => {
    const wb = await sampleWorkbook(rel);
    const expected = wb.worksheets.map((ws) => analyzeSheet(snapshotOf(ws)));
    // The print check against the command's, which reads the file's layout itself (the package reader).
    const command = (await readPackageSnapshots(new Uint8Array(fs.readFileSync(path.join(SAMPLES, rel))))).map((s) => analyzeSheet(s));
    const { actions } = await openSample(rel);
    const out = await actions.check({ scope: "all" });
    expect(out.error).toBeUndefined();
    expect(out.sheets.map((s) => s.result.sheet)).toEqual(expected.map((r) => r.sheet));
    expect(out.sheets.map((s) => s.result.kind)).toEqual(expected.map((r) => r.kind));
    expect(out.sheets.map((s) => fromCells(s.result.findings).map(brief))).toEqual(expected.map((r) => fromCells(r.findings).map(brief)));
    const paged = (r: { findings: Array<{ code: string; severity: string; cell: string }> }) => r.findings.filter((f) => f.code.startsWith("print-")).map(brief);
    expect(out.sheets.map((s) => paged(s.result))).toEqual(command.map(paged));
    expect(out.sheets.map((s) => s.result.figures)).toEqual(expected.map((r) => r.figures));
  });

  test("the sample list is not empty", () => {
    expect(sampleFiles().length).toBeGreaterThanOrEqual(17);
  });
});
