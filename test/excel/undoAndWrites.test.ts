// Issue 16 §1–2: what each thing the officer does costs in write calls and undo records, on Excel
// builds that keep an add-in's writes on the undo stack (ExcelApi 1.20) and on those where any add-in
// write, or merely registering a change handler, clears it (office-js 3788, 3778, 6170, 2543).
import { isOwnFormula, NOTE_PREFIX } from "../../src/core/plan";
import { MARKS_NAMESPACE, parseRecord } from "../../src/excel/markRecord";
import type { EmulatedExcel } from "../../src/emulator";
import { dump, openSample } from "./setup";

const MISSING = "selfeval-defects/missing-reasons.xlsx";
const BLANK = "selfeval-defects/blank-scores.xlsx";
const SHEET = "绩效自评表";

const own = (host: EmulatedExcel) => host.sheet(SHEET).cfs.filter((c) => isOwnFormula(c.formula));
const ownNotes = (host: EmulatedExcel) => [...host.sheet(SHEET).notes].filter(([, n]) => n.content.startsWith(NOTE_PREFIX.zh));
const record = (host: EmulatedExcel) => parseRecord(host.state.customXml?.find((p) => p.xml.includes(MARKS_NAMESPACE))?.xml);

describe.each(["1.14", "1.18", "1.20"])("ExcelApi %s", (apiVersion) => {
  const keepsUndo = apiVersion === "1.20";

  test("open pane, edits with live checking off and on, 检查 twice, 填写得分, 清除标记: write calls and undo records", async () => {
    const { host, actions } = await openSample(BLANK, { apiVersion });
    expect(actions.keepsUndo()).toBe(keepsUndo);
    host.userEdit(SHEET, "C5", "某单位");
    expect(host.undoDepth).toBe(1);

    // Opening the pane: it reads only.
    const opened = await actions.inspect();
    expect(opened.sheets[0].result.kind).toBe("self-evaluation");
    expect(opened.writeCalls).toBe(0);
    expect(host.writeCalls).toBe(0);
    expect(host.undoDepth).toBe(1);

    // An edit with live checking off: no handler exists, nothing runs, the person's undo grows.
    expect(host.handlerCount).toBe(0);
    host.userEdit(SHEET, "C6", "某部门");
    await host.flushEvents();
    expect(host.undoDepth).toBe(2);

    // Live checking on: registering the handler clears the undo stack below 1.20, hence off by default there.
    let changes = 0;
    const off = await actions.onChange(() => void changes++);
    expect(host.undoDepth).toBe(keepsUndo ? 2 : 0);
    host.userEdit(SHEET, "C7", "再改一处");
    await host.flushEvents();
    expect(changes).toBe(1);
    const depth = host.undoDepth;
    const reread = await actions.inspect({ waitForCellEdit: true });
    expect(reread.writeCalls).toBe(0);
    expect(host.writeCalls).toBe(0);
    expect(host.undoDepth).toBe(depth);
    await off();

    // 检查 writes the marks once (one undo record on 1.20, the stack cleared below) …
    const first = await actions.check();
    expect(first.writeCalls).toBeGreaterThan(0);
    // Each mark is several instructions (the rule, its formula, its colours); the adapter counts one.
    expect(host.writeCalls).toBeGreaterThanOrEqual(first.writeCalls!);
    expect(host.undoDepth).toBe(keepsUndo ? depth + 1 : 0);
    // … and a second 检查 on the unchanged sheet writes nothing and makes no undo record.
    const before = dump(host);
    const calls = host.writeCalls;
    const second = await actions.check();
    expect(second.writeCalls).toBe(0);
    expect(host.writeCalls).toBe(calls);
    expect(host.undoDepth).toBe(keepsUndo ? depth + 1 : 0);
    expect(dump(host)).toBe(before);
    expect(second.sheets[0].marks.map((m) => m.cell)).toEqual(first.sheets[0].marks.map((m) => m.cell));
    expect(second.sheets[0].changes).toEqual({ added: 0, removed: 0, notes: second.sheets[0].changes!.notes });

    // 填写得分 and 清除标记: one undo record each on 1.20 when they write, none when they do not.
    const step = async (act: () => Promise<{ writeCalls?: number }>) => {
      const d = host.undoDepth;
      const out = await act();
      expect(host.undoDepth).toBe(!keepsUndo && out.writeCalls! > 0 ? 0 : d + (out.writeCalls! > 0 ? 1 : 0));
      return out;
    };
    const fill = (await step(() => actions.fill())) as Awaited<ReturnType<typeof actions.fill>>;
    expect(fill.sheets[0].written.length).toBeGreaterThan(0);
    expect((await step(() => actions.fill())).writeCalls).toBe(0);
    const clear = await step(() => actions.clearMarks());
    expect(own(host)).toEqual([]);
    expect(clear.writeCalls! > 0).toBe(first.sheets[0].marks.length > 0 || fill.sheets[0].marks.length > 0);
    expect((await step(() => actions.clearMarks())).writeCalls).toBe(0);
    if (keepsUndo) {
      // Ctrl+Z takes back the clear, then the fill, one step each.
      if (clear.writeCalls! > 0) host.undo();
      host.undo();
      expect(host.cell(SHEET, "G13").value).toBeNull();
    }
  });

  test("a co-author's change (source Remote) never triggers the handler; a list pick on the web fires nothing at all", async () => {
    const { host, actions } = await openSample(MISSING, { apiVersion, platform: "web" });
    let changes = 0;
    await actions.onChange(() => void changes++);
    host.userEdit(SHEET, "H25", "合作者写的原因", "remote");
    await host.flushEvents();
    expect(changes).toBe(0);
    host.userEdit(SHEET, "F20", "达成", "list");
    await host.flushEvents();
    expect(changes).toBe(0);
    host.userEdit(SHEET, "H31", "自己写的原因");
    await host.flushEvents();
    expect(changes).toBe(1);
    expect(host.writeCalls).toBe(0);
  });
});

describe("marks only where they change", () => {
  test("an edit that clears one finding removes that mark only: nothing else is rewritten", async () => {
    const { host, actions } = await openSample(MISSING);
    const first = await actions.check();
    const marked = first.sheets[0].marks.map((m) => m.cell);
    expect(marked).toEqual(expect.arrayContaining(["H25", "H31"]));
    const ids = own(host).map((c) => c.id);
    host.userEdit(SHEET, "H31", "原因：项目延期。");
    const calls = host.writeCalls;
    const second = await actions.check();
    expect(second.sheets[0].marks.map((m) => m.cell)).not.toContain("H31");
    expect(second.sheets[0].changes?.added).toBe(0);
    expect(second.sheets[0].changes?.removed).toBe(1);
    // The other rules are the same objects as before (not deleted and added again).
    expect(own(host).every((c) => ids.includes(c.id))).toBe(true);
    expect(own(host)).toHaveLength(marked.length - 1);
    // Removing the rule, its note and updating the record.
    expect(host.writeCalls - calls).toBe(second.writeCalls);
    expect(second.writeCalls).toBeLessThanOrEqual(3);
    expect(ownNotes(host).map(([a]) => a)).not.toContain("H31");
  });

  test.each([
    ["two rows inserted above the table", 3, 2],
    ["a row inserted inside the table", 20, 1],
    ["a row deleted inside the table", 15, -1],
  ])("%s: the record no longer matches, the sheet's rules are read whole, and no mark is left behind or doubled", async (_, at, count) => {
    const { host, actions } = await openSample(MISSING);
    await actions.check();
    const recorded = record(host).get(host.sheet(SHEET).id) ?? [];
    expect(recorded.length).toBeGreaterThan(0);
    host.userShiftRows(SHEET, at, count);
    // The rules moved with their cells; the record still names the old addresses.
    expect(record(host).get(host.sheet(SHEET).id)).toEqual(recorded);
    const again = await actions.check();
    const cells = again.sheets[0].marks.map((m) => m.cell).sort();
    expect(own(host)).toHaveLength(cells.length);
    expect(own(host).flatMap((c) => c.ranges.map((r) => `${String.fromCharCode(64 + r.left)}${r.top}`)).sort()).toEqual(cells);
    expect(ownNotes(host).map(([a]) => a).sort()).toEqual(cells);
    expect([...(record(host).get(host.sheet(SHEET).id) ?? [])].sort()).toEqual(cells);
    // And from there a check writes nothing again.
    expect((await actions.check()).writeCalls).toBe(0);
    await actions.clearMarks();
    expect(own(host)).toEqual([]);
    expect(ownNotes(host)).toEqual([]);
  });
});
