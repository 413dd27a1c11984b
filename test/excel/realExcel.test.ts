// What real Excel does that an idealised emulator would hide (issue: the add-in in real Excel). Each
// test runs the add-in against the emulator with Excel's own limits and known bugs switched on, and
// each would fail against the adapter that ignored them.
import { parseRange } from "../../src/core/address";
import { isOwnFormula, NOTE_PREFIX } from "../../src/core/plan";
import { CDN_OFFICE_JS, fromExcelJs, installEmulator, NPM_OFFICE_JS, type EmulatedExcel } from "../../src/emulator";
import { createActions } from "../../src/excel/actions";
import { detectCapabilities, libraryFeatures } from "../../src/excel/capabilities";
import { MARKS_NAMESPACE, parseRecord } from "../../src/excel/markRecord";
import { bigForm } from "./bigSheet";
import { actionsFor, dump, openSample, sampleWorkbook } from "./setup";

const BLANK = "selfeval-defects/blank-scores.xlsx";
const MISSING = "selfeval-defects/missing-reasons.xlsx";
const SHEET = "绩效自评表";

/** A rule of the template's own, as a person would have set it up (Home → Conditional Formatting). */
function templateRule(host: EmulatedExcel, range: string, formula = "=LEN(H13)>200"): void {
  host.sheet(SHEET).cfs.push({ id: `{cf-user-${range}}`, type: "Custom", ranges: [parseRange(range)], formula, fill: "#DDEBF7", font: null });
}

const own = (host: EmulatedExcel) => host.sheet(SHEET).cfs.filter((c) => isOwnFormula(c.formula));

describe("the office.js library is not the requirement sets (a 2022 npm runtime under current Excel)", () => {
  test("the library's features are found by looking at it, and they switch capabilities off whatever Excel reports", () => {
    expect(libraryFeatures({ NoteCollection: class {} })).toEqual({ notes: true, undoGroup: true });
    expect(libraryFeatures({})).toEqual({ notes: false, undoGroup: false });
    const all = () => true;
    expect(detectCapabilities(all, { notes: false, undoGroup: false })).toMatchObject({ notes: false, undoGroup: false, conditionalFormats: true });
    expect(detectCapabilities(all, { notes: true, undoGroup: true })).toMatchObject({ notes: true, undoGroup: true });
  });

  test("Excel 1.20 with the npm library: marks without notes and no lost undo option, with no error", async () => {
    const host = fromExcelJs(await sampleWorkbook(MISSING), { apiVersion: "1.20", library: NPM_OFFICE_JS });
    const office = installEmulator(host);
    try {
      // As in the pane: capabilities from Office.context.requirements and the global Excel.
      expect(libraryFeatures()).toEqual({ notes: false, undoGroup: false });
      const actions = createActions();
      const out = await actions.check();
      expect(out.error).toBeUndefined();
      expect(out.sheets[0].marks.length).toBeGreaterThan(0);
      expect(own(host)).toHaveLength(out.sheets[0].marks.length);
      expect(host.sheet(SHEET).notes.size).toBe(0);
    } finally {
      office.uninstall();
    }
    const current = fromExcelJs(await sampleWorkbook(MISSING), { library: CDN_OFFICE_JS });
    const office2 = installEmulator(current);
    try {
      expect(libraryFeatures()).toEqual({ notes: true, undoGroup: true });
      await createActions().check();
      expect(current.sheet(SHEET).notes.size).toBeGreaterThan(0);
      expect(current.undoDepth).toBe(1);
    } finally {
      office2.uninstall();
    }
  });
});

describe("marks beside the template's own conditional formats (office-js 5222, 6827, 6835)", () => {
  test("a template rule over the reason column: check, fill and clear work through the marked cells and keep it", async () => {
    const { host, actions } = await openSample(MISSING);
    templateRule(host, "H13:H40");
    const original = dump(host);
    const check = await actions.check();
    expect(check.error).toBeUndefined();
    expect(own(host).length).toBe(check.sheets[0].marks.length);
    // The cells it marked are recorded in the workbook.
    const part = host.state.customXml?.find((p) => p.namespaceUri === MARKS_NAMESPACE);
    expect([...parseRecord(part?.xml).values()][0]?.sort()).toEqual(check.sheets[0].marks.map((m) => m.cell).sort());
    const again = await actions.check();
    expect(again.error).toBeUndefined();
    expect(own(host).length).toBe(again.sheets[0].marks.length);
    const fill = await actions.fill();
    expect(fill.error).toBeUndefined();
    const clear = await actions.clearMarks();
    expect(clear.error).toBeUndefined();
    expect(own(host)).toEqual([]);
    expect(host.sheet(SHEET).cfs.map((c) => c.id)).toEqual(["{cf-user-H13:H40}"]);
    expect(host.sheet(SHEET).notes.size).toBe(0);
    // Only the fill's values remain of all that.
    const back = JSON.parse(dump(host))[0];
    const before = JSON.parse(original)[0];
    expect(back.conditionalFormats).toEqual(before.conditionalFormats);
  });

  test("the whole sheet's collection really fails there (the emulator's bug is on: the control)", async () => {
    const { host, actions } = await openSample(MISSING);
    templateRule(host, "H13:H40");
    await actions.check();
    const id = own(host).find((c) => c.ranges[0].left === 8)!.id;
    await expect(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getActiveWorksheet().getRange().conditionalFormats.getItem(id).delete();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  test("rules Excel cannot read (a duplicated rule on a marked cell): values are still filled, marks left as they are, and it says why", async () => {
    const { host, actions } = await openSample(BLANK);
    await actions.check();
    const mark = own(host)[0];
    host.sheet(SHEET).cfs.push({ ...mark, id: "{cf-duplicate}" });
    const marksBefore = JSON.stringify(host.sheet(SHEET).cfs);
    const out = await actions.fill();
    expect(out.error?.zh).toContain("无法读取");
    expect(out.error?.zh).toContain("管理规则");
    expect(out.sheets[0].written.map((w) => w.cell)).toContain("G13");
    expect(host.cell(SHEET, "G13").value).toBe(10);
    expect(JSON.stringify(host.sheet(SHEET).cfs)).toBe(marksBefore);
  });

  test("marks made by `jixiao check --fix` (no record in the workbook) are cleared at the cells still flagged", async () => {
    const { host, actions } = await openSample(MISSING);
    await actions.check();
    host.state.customXml = [];
    expect(own(host).length).toBeGreaterThan(0);
    const out = await actions.clearMarks();
    expect(out.error).toBeUndefined();
    expect(own(host)).toEqual([]);
  });
});

describe("merged areas", () => {
  test("more than 512 merged areas: fill writes no value and no drop-down, marks the findings, and says why", async () => {
    const host = fromExcelJs(await bigForm(1100, 2));
    const cells = () => JSON.stringify(host.state.sheets.map((s) => [...s.cells]));
    const before = cells();
    const out = await actionsFor(host).fill();
    expect(out.error?.zh).toContain("512");
    expect(out.error?.zh).toContain("未填写任何单元格");
    expect(out.error?.en).toContain("merged");
    expect(out.sheets[0].written).toEqual([]);
    expect(out.sheets[0].result.kind).toBe("self-evaluation");
    expect(cells()).toBe(before);
    expect(host.state.sheets.every((s) => s.validations.size === 0)).toBe(true);
    expect(out.sheets[0].marks.length).toBeGreaterThan(0);
  }, 60_000);

  test("a reason cell hidden in a merged area is not written, whatever RangeAreas.address says", async () => {
    const wb = await sampleWorkbook(MISSING);
    wb.worksheets[0].mergeCells("G25:H25");
    const host = fromExcelJs(wb);
    const out = await actionsFor(host).fill();
    expect(out.sheets[0].written.map((w) => w.cell)).not.toContain("H25");
    expect(host.cell(SHEET, "H25").value).toBeNull();
  });
});

describe("protected sheets with unlocked input cells", () => {
  /** The sample with G13 unformatted, so that a format written there shows. */
  async function unformatted() {
    const wb = await sampleWorkbook(BLANK);
    wb.worksheets[0].getCell("G13").numFmt = "General";
    const host = fromExcelJs(wb);
    return { host, actions: actionsFor(host) };
  }

  test("values go into the unlocked cells; the locked ones are named; no marks, notes or formats are added", async () => {
    const { host, actions } = await unformatted();
    host.setLocked(SHEET, "G13:G30", false);
    host.setProtected(SHEET, true);
    const out = await actions.fill();
    const written = out.sheets[0].written.map((w) => w.cell);
    expect(written).toEqual(["G13", "G14", "G15", "G16", "G28"]);
    expect(host.cell(SHEET, "G13").value).toBe(10);
    // Formatting cells is not allowed by this protection: the value only.
    expect(host.cell(SHEET, "G13").numberFormat).toBe("General");
    expect(out.error?.zh).toContain("G31");
    expect(out.error?.zh).toContain("F32");
    expect(out.error?.zh).not.toContain("G13");
    expect(host.cell(SHEET, "G31").value).toBeNull();
    expect(host.sheet(SHEET).cfs).toEqual([]);
    expect(host.sheet(SHEET).notes.size).toBe(0);
    // The report is of the sheet as it now is: the total is still missing.
    expect(out.sheets[0].result.findings.some((f) => f.cell === "G31")).toBe(true);
  });

  test("where the protection allows formatting cells, the score format is set too", async () => {
    const { host, actions } = await unformatted();
    host.setLocked(SHEET, "G13", false);
    host.setProtected(SHEET, true, { allowFormatCells: true });
    await actions.fill();
    expect(host.cell(SHEET, "G13")).toMatchObject({ value: 10, numberFormat: "0.00", text: "10.00" });
  });

  test("a fully locked protected sheet: nothing changes", async () => {
    const { host, actions } = await openSample(BLANK);
    host.setProtected(SHEET, true);
    const before = dump(host);
    const out = await actions.fill();
    expect(dump(host)).toBe(before);
    expect(out.error?.zh).toContain("受保护");
  });
});

describe("Excel on the web's 5 MB request and response limit", () => {
  test("a 5,000-row form is read in blocks whose responses stay under the limit; the findings are those of one read", async () => {
    // Groups of 50 rows: fewer than 512 merged areas, so the sheet is read, not only checked.
    const host = fromExcelJs(await bigForm(5000, 50));
    const out = await actionsFor(host).check();
    expect(out.error).toBeUndefined();
    expect(host.largestResponse).toBeGreaterThan(0);
    expect(host.largestResponse).toBeLessThanOrEqual(host.payloadLimit);
    const unlimited = fromExcelJs(await bigForm(5000, 50), { payloadLimit: Number.MAX_SAFE_INTEGER, knownBugs: false });
    const ref = await actionsFor(unlimited).check();
    expect(out.sheets[0].result.findings).toEqual(ref.sheets[0].result.findings);
  }, 120_000);

  test("a response over the limit is refused by the emulator, and the adapter reads in smaller blocks then", async () => {
    const small = 150_000;
    const host = fromExcelJs(await bigForm(600), { payloadLimit: small });
    await expect(
      host.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getActiveWorksheet().getUsedRange();
        r.load("values, text, numberFormat, formulas");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    host.largestResponse = 0;
    const out = await actionsFor(host).fill();
    expect(out.error).toBeUndefined();
    expect(out.sheets[0].written.length).toBeGreaterThan(600);
    expect(host.largestResponse).toBeLessThanOrEqual(small);
  }, 60_000);

  test("scope all over many sheets: no sync carries more than the limit", async () => {
    const wb = await bigForm(400);
    for (let i = 2; i <= 6; i++) {
      const copy = wb.addWorksheet(`副本${i}`);
      copy.model = { ...(await bigForm(400)).worksheets[0].model, name: `副本${i}` } as never;
    }
    const host = fromExcelJs(wb, { payloadLimit: 400_000 });
    const out = await actionsFor(host).check({ scope: "all" });
    expect(out.error).toBeUndefined();
    expect(out.sheets).toHaveLength(6);
    expect(host.largestResponse).toBeLessThanOrEqual(400_000);
  }, 60_000);
});

describe("notes and threaded comments", () => {
  test("a marked cell with a threaded comment gets no note, the others do, and nothing fails", async () => {
    const { host, actions } = await openSample(MISSING);
    host.addComment(SHEET, "H25", "请补充说明（审核意见）");
    const out = await actions.check();
    expect(out.error).toBeUndefined();
    const cells = out.sheets[0].marks.map((m) => m.cell);
    expect(cells).toContain("H25");
    const notes = host.sheet(SHEET).notes;
    expect(notes.has("H25")).toBe(false);
    expect(host.sheet(SHEET).comments.get("H25")).toBe("请补充说明（审核意见）");
    expect([...notes.keys()].sort()).toEqual(cells.filter((c) => c !== "H25").sort());
    expect([...notes.values()].every((n) => n.content.startsWith(NOTE_PREFIX.zh))).toBe(true);
  });

  test("Excel refuses a note on a commented cell (the control)", async () => {
    const { host } = await openSample(MISSING);
    host.addComment(SHEET, "H25", "意见");
    await expect(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getActiveWorksheet().notes.add("H25", "x");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });
});
