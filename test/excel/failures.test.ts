import { fromExcelJs } from "../../src/emulator";
import { actionsFor, dump, openSample, sampleWorkbook } from "./setup";

const BLANK = "selfeval-defects/blank-scores.xlsx";
const SHEET = "绩效自评表";

describe("a protected sheet", () => {
  test.each(["check", "fill", "clearMarks"] as const)("%s writes nothing to it and says why in Chinese and English", async (action) => {
    const { host, actions } = await openSample(BLANK);
    host.setProtected(SHEET, true);
    const before = dump(host);
    const out = await actions[action]();
    expect(dump(host)).toBe(before);
    expect(out.sheets[0].written).toEqual([]);
    expect(out.sheets[0].marks).toEqual([]);
    expect(out.error?.zh).toContain("受保护");
    expect(out.error?.zh).toContain(SHEET);
    expect(out.error?.en).toContain("protected");
    // The findings are still reported.
    expect(out.sheets[0].result.kind).toBe("self-evaluation");
  });

  test("with scope all, the other sheets are still filled", async () => {
    const wb = await sampleWorkbook(BLANK);
    const other = await sampleWorkbook("selfeval-defects/missing-reasons.xlsx");
    const copy = wb.addWorksheet("第二张");
    copy.model = { ...other.worksheets[0].model, name: "第二张" } as never;
    const host = fromExcelJs(wb);
    host.setProtected(SHEET, true);
    const out = await actionsFor(host).fill({ scope: "all" });
    expect(out.sheets.map((s) => s.written.length > 0)).toEqual([false, true]);
    expect(out.error?.zh).toContain(SHEET);
    expect(out.error?.zh).not.toContain("第二张");
  });
});

describe("a cell in edit mode", () => {
  test("during the read: nothing is written and the user is told to finish editing", async () => {
    const { host, actions } = await openSample(BLANK);
    host.setEditMode(true);
    const before = dump(host);
    const out = await actions.fill();
    expect(dump(host)).toBe(before);
    expect(out.error?.zh).toContain("正在编辑单元格");
    expect(out.error?.en).toContain("editing a cell");
    expect(out.sheets).toEqual([]);
  });

  test("starting just before the write: the whole write batch fails, no partial writes", async () => {
    const { host, actions } = await openSample(BLANK);
    const before = dump(host);
    host.beforeSync = (n, h) => {
      if (n === 4) h.setEditMode(true);
    };
    const out = await actions.fill();
    expect(host.syncCount).toBe(4);
    expect(dump(host)).toBe(before);
    expect(out.error?.zh).toContain("未做任何修改");
    host.beforeSync = undefined;
    host.setEditMode(false);
    const retry = await actions.fill();
    expect(retry.error).toBeUndefined();
    expect(retry.sheets[0].written).toHaveLength(7);
  });
});

describe("waiting for a cell edit (ExcelApi 1.11 delayForCellEdit)", () => {
  test("an automatic re-check waits until the person presses Enter, then checks", async () => {
    const { host, actions } = await openSample(BLANK);
    host.setEditMode(true);
    let done = false;
    const pending = actions.check({ waitForCellEdit: true }).then((o) => {
      done = true;
      return o;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    host.setEditMode(false);
    const out = await pending;
    expect(out.error).toBeUndefined();
    expect(out.sheets[0].result.findings.some((f) => f.code === "missing-score")).toBe(true);
  });

  test("without ExcelApi 1.11 it fails as before instead of waiting", async () => {
    const { host, actions } = await openSample(BLANK, { apiVersion: "1.10" });
    host.setEditMode(true);
    const out = await actions.check({ waitForCellEdit: true });
    expect(out.error?.zh).toContain("正在编辑单元格");
  });
});

describe("other errors", () => {
  test("a sheet protected between the read and the write: the batch fails and the message says a rerun is safe", async () => {
    const { host, actions } = await openSample(BLANK);
    host.beforeSync = (n, h) => {
      if (n === 4) h.setProtected(SHEET, true);
    };
    const out = await actions.fill();
    expect(out.error?.zh).toContain("AccessDenied");
    expect(out.error?.zh).toContain("再运行一次");
    expect(host.sheet(SHEET).cfs).toEqual([]);
  });
});
