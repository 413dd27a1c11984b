// Forms as units fill them, as files (issue 20 "How it is proven"): generated forms written by ExcelJS
// and by hand-made XML (and, where LibreOffice is installed, saved again by LibreOffice), read by the
// package reader, by ExcelJS, and as .xls and .ods copies through SheetJS: every reader finds the same
// as the form itself, and --fix drafts quote numbers as Excel shows them, never a format code.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import fc from "fast-check";
import * as XLSX from "@e965/xlsx";
import { analyzeSheet, type SheetResult } from "../../src/core/engine";
import type { SelfEvaluationForm } from "../../src/core/forms/model";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { checkWorkbookBytes } from "../../src/xlsx/checkBytes";
import { readPackageSnapshots } from "../../src/xlsx/readPackage";
import { readOtherFormat } from "../../src/xlsx/readSheetJs";
import { loadWorkbook, snapshotOf } from "../../src/xlsx/readWorkbook";
import { asFilled, feature, layoutOf, ACCOUNTING_FORMATS, type Feature, type TableLayout } from "../generators/asFilled";
import { viaExcelJs, viaHandMadeXml } from "../generators/writeXlsx";
import { fromCells, sampleSheet } from "../helpers";
import { soffice } from "./libreoffice";

const FORMS = ["selfeval/zhengwuyun", "selfeval/shujuyunying", "selfeval/yunweibaozhang", "legacy/xuqiuce", "targets/menhu-2024", "targets/bangongting-2020"];

interface Base {
  snap: SheetSnapshot;
  layout: TableLayout;
}
const bases = new Map<string, Base>();

beforeAll(async () => {
  for (const name of FORMS) {
    const snap = await sampleSheet(`${name}.xlsx`);
    const form = analyzeSheet(snap).form as SelfEvaluationForm;
    bases.set(name, { snap, layout: layoutOf(snap, form) });
  }
});

/** Everything a reviewer sees of a sheet: the figures and every finding at its cell. */
function outcome(r: SheetResult) {
  return {
    kind: r.kind,
    total: r.figures?.total ?? null,
    grade: r.figures?.grade ?? null,
    budgetScore: r.figures?.budget?.score ?? null,
    // The print check needs the sheet's layout, which the package reader alone reads.
    findings: fromCells(r.findings).map((f) => `${f.severity}:${f.code}@${f.cell}`).sort(),
  };
}

const features = (rows: number): fc.Arbitrary<Feature[]> => fc.array(feature(rows), { minLength: 1, maxLength: 7 });

/** A fixed set of generated forms (the seed makes the run repeatable). */
const generated = fc.sample(fc.tuple(fc.constantFrom(...FORMS), features(10)), { numRuns: 30, seed: 20261205 });

const viaOther = async (bytes: Uint8Array, bookType: "xls" | "ods") => {
  const wb = XLSX.read(bytes, { type: "array", cellFormula: true, cellNF: true });
  const out = new Uint8Array(XLSX.write(wb, { type: "array", bookType: bookType === "xls" ? "biff8" : "ods" }) as ArrayBuffer);
  return (await readOtherFormat(out, bookType)).snapshots;
};

describe("every writer and every reader agree with the form", () => {
  test.each(generated.map((g, i) => [i, g[0], g[1]] as const))("form %i (%s)", async (_i, name, feats) => {
    const base = bases.get(name)!;
    const { snapshot } = asFilled(base.snap, base.layout, feats);
    const want = outcome(analyzeSheet(snapshot));
    for (const write of [viaExcelJs, viaHandMadeXml]) {
      const bytes = await write(snapshot);
      const readers: Array<[string, SheetSnapshot[]]> = [
        ["package reader", await readPackageSnapshots(bytes)],
        ["ExcelJS", (await loadWorkbook(bytes)).worksheets.map((ws) => snapshotOf(ws))],
        [".xls copy", await viaOther(bytes, "xls")],
        [".ods copy", await viaOther(bytes, "ods")],
      ];
      for (const [reader, snaps] of readers) {
        expect({ writer: write.name, reader, ...outcome(analyzeSheet(snaps[0])) }).toEqual({ writer: write.name, reader, ...want });
      }
    }
  });
});

const lo = soffice();
(lo ? describe : describe.skip)("saved again by LibreOffice (a third writer)", () => {
  test("the same findings and figures as the form", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-asfilled-lo-"));
    const picked = generated.slice(0, 8);
    const wants: Array<ReturnType<typeof outcome>> = [];
    const files: string[] = [];
    for (const [k, [name, feats]] of picked.entries()) {
      const base = bases.get(name)!;
      const { snapshot } = asFilled(base.snap, base.layout, feats);
      wants.push(outcome(analyzeSheet(snapshot)));
      const f = path.join(dir, `form${k}.xlsx`);
      fs.writeFileSync(f, await viaHandMadeXml(snapshot));
      files.push(f);
    }
    const out = path.join(dir, "lo");
    execFileSync(lo!, [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--norestore", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, ...files], { stdio: "pipe", timeout: 180_000 });
    for (const [k, f] of files.entries()) {
      const bytes = new Uint8Array(fs.readFileSync(path.join(out, path.basename(f))));
      const [snap] = await readPackageSnapshots(bytes);
      expect({ form: k, ...outcome(analyzeSheet(snap)) }).toEqual({ form: k, ...wants[k] });
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }, 240_000);
});

describe("--fix on forms as filled: drafts quote numbers as Excel shows them", () => {
  test("an actual held as a number in an accounting format is drafted as its text, never its format code", async () => {
    const base = bases.get("selfeval/zhengwuyun")!;
    const { snapshot } = asFilled(base.snap, base.layout, [{ kind: "placeholder", after: 1, label: "指标2：" }, { kind: "not-applicable", after: 3, name: "其他", target: "/", actual: "/" }]);
    // 应急故障处理响应及时性 ≤1.00(小时), actual 1.06 held as a number under the zh-CN accounting format, reason erased.
    const row = snapshot.values.findIndex((l) => l.includes("应急故障处理响应及时性"));
    const col = (c: number) => c - snapshot.origin.col;
    const L = base.layout;
    const fmt = ACCOUNTING_FORMATS[0];
    snapshot.values[row][col(L.actual!)] = 1.06;
    snapshot.numberFormats[row][col(L.actual!)] = fmt;
    snapshot.text[row][col(L.actual!)] = " 1.06 ";
    snapshot.values[row][col(L.actual! + 3)] = null;
    snapshot.text[row][col(L.actual! + 3)] = "";
    const bytes = await viaHandMadeXml(snapshot);
    const { result, copy } = await checkWorkbookBytes("a.xlsx", bytes, { copy: "fill" });
    const drafts = result.sheets[0].written!.filter((w) => w.purpose === "draft").map((w) => String(w.value));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toContain("1.06");
    expect(drafts[0]).not.toMatch(/_|\*|#,##0|\\-/);
    // The copy holds the same draft; read back, the only error left is that it is still a draft, quoting 1.06 too.
    const [after] = await readPackageSnapshots(copy!);
    expect(after.values.flat()).toContain(drafts[0]);
    const errors = analyzeSheet(after).findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => f.code)).toEqual(["missing-explanation"]);
    expect(errors[0].message.zh).toContain("实际 1.06");
    expect(errors[0].message.zh).toContain("仍是草稿");
  });
});
