import { fromCells } from "../helpers";
import { createActions } from "../../src/excel/actions";
import { EmulatorError, fromExcelJs } from "../../src/emulator";
import { dump, openSample, sampleWorkbook } from "./setup";

const BLANK = "selfeval-defects/blank-scores.xlsx";
const SHEET = "绩效自评表";
const PLANNED = ["G13", "G14", "G15", "G16", "G28", "G31", "F32"];

describe.each(["1.6", "1.12", "1.17", "1.19", "1.20"])("ExcelApi %s", (apiVersion) => {
  const at = (v: string) => Number(apiVersion.split(".")[1]) >= Number(v.split(".")[1]);

  test("fill writes the plan; marks, notes and drop-downs as far as the host goes; clear restores", async () => {
    const { host, actions } = await openSample(BLANK, { apiVersion });
    const original = dump(host);
    const out = await actions.fill();
    // Outline, read, look, write, and the notes where the host has them.
    expect(out.syncs).toBe(at("1.18") && out.sheets[0].marks.length > 0 ? 5 : 4);
    const s = host.sheet(SHEET);
    if (at("1.13")) {
      expect(out.error).toBeUndefined();
      expect(out.sheets[0].written.map((w) => w.cell)).toEqual(PLANNED);
      expect(s.validations.size > 0).toBe(true);
      expect(s.cfs.length > 0).toBe(out.sheets[0].marks.length > 0);
      expect(s.notes.size > 0).toBe(at("1.18") && out.sheets[0].marks.length > 0);
    } else {
      // No API for merged areas: no value is written where a merge may hide the cell; marks only.
      expect(out.error?.zh).toContain("ExcelApi 1.13");
      expect(out.sheets[0].written).toEqual([]);
      for (const c of PLANNED) expect(host.cell(SHEET, c).value).toBeNull();
      expect(s.validations.size).toBe(0);
      expect(out.sheets[0].marks.length).toBeGreaterThan(0);
      expect(s.cfs.length).toBeGreaterThan(0);
    }

    const fresh = await openSample(BLANK, { apiVersion });
    await fresh.actions.check();
    await fresh.actions.clearMarks();
    expect(dump(fresh.host)).toBe(original);
  });

  test("the findings do not depend on the requirement sets (the print check reads the layout ExcelApi 1.9 gives, and the merges of 1.13)", async () => {
    const { actions } = await openSample("selfeval-defects/missing-reasons.xlsx", { apiVersion });
    const ref = await openSample("selfeval-defects/missing-reasons.xlsx");
    const a = await actions.check();
    const b = await ref.actions.check();
    expect(fromCells(a.sheets[0].result.findings)).toEqual(fromCells(b.sheets[0].result.findings));
  });
});

describe("before ExcelApi 1.6 (no conditional formats)", () => {
  test("check reports the findings, changes nothing and says why there are no marks", async () => {
    const { host, actions } = await openSample("selfeval-defects/missing-reasons.xlsx", { apiVersion: "1.5" });
    const before = dump(host);
    const out = await actions.check();
    expect(dump(host)).toBe(before);
    expect(out.sheets[0].result.findings.length).toBeGreaterThan(0);
    expect(out.sheets[0].marks).toEqual([]);
    expect(out.error?.zh).toContain("ExcelApi 1.6");
  });

  test("fill writes no value either (no merged areas below ExcelApi 1.13), and says why", async () => {
    const { host, actions } = await openSample(BLANK, { apiVersion: "1.5" });
    const before = dump(host);
    const out = await actions.fill();
    expect(out.error?.zh).toContain("ExcelApi 1.13");
    expect(out.sheets[0].written).toEqual([]);
    expect(dump(host)).toBe(before);
  });
});

describe("undo", () => {
  test("with ExcelApi 1.20 the action runs as one undo group, one undo step; before it, without the option, and Excel clears its undo stack", async () => {
    for (const apiVersion of ["1.19", "1.20"]) {
      const host = fromExcelJs(await sampleWorkbook(BLANK), { apiVersion });
      const options: unknown[] = [];
      const run = ((...args: unknown[]) => {
        options.push(args.length > 1 ? args[0] : null);
        return (host.run as (...a: unknown[]) => Promise<unknown>)(...args);
      }) as typeof Excel.run;
      const original = dump(host);
      await createActions(run, { isSetSupported: host.isSetSupported, library: host.library }).fill();
      expect(options).toEqual([apiVersion === "1.20" ? { mergeUndoGroup: true } : null]);
      if (apiVersion === "1.20") {
        expect(host.undoDepth).toBe(1);
        host.undo();
        expect(dump(host)).toBe(original);
      } else {
        // office-js 3788, 3778, 6170: an add-in's write is not undoable below ExcelApi 1.20.
        expect(host.undoDepth).toBe(0);
        expect(host.undo()).toBe(false);
      }
    }
  });

  test("when the host cannot group for undo (UndoNotSupported), the action runs again ungrouped", async () => {
    const host = fromExcelJs(await sampleWorkbook(BLANK));
    const run = ((...args: unknown[]) => {
      if (args.length > 1 && (args[0] as { mergeUndoGroup?: boolean }).mergeUndoGroup) {
        return Promise.reject(new EmulatorError("UndoNotSupported", "The operation cannot be grouped for undo."));
      }
      return (host.run as (...a: unknown[]) => Promise<unknown>)(...args);
    }) as typeof Excel.run;
    const out = await createActions(run, { isSetSupported: host.isSetSupported, library: host.library }).fill();
    expect(out.error).toBeUndefined();
    expect(out.sheets[0].written.map((w) => w.cell)).toEqual(PLANNED);
  });
});
