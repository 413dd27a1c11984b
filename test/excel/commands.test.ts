// The ribbon commands (src/commands/commands.ts) against the emulator installed as the global Office
// and Excel, clicked as Excel on Windows would: the outcome dialog, the pane's saved settings, the
// signal to an open pane, and event.completed() whatever happens.
import { RIBBON_KEY } from "../../src/host/ribbonSignal";
import { SETTINGS_KEY } from "../../src/host/settingsStore";
import { COMMAND_LIMIT_MS, EmulatedExcel, fromExcelJs, installEmulator, NPM_OFFICE_JS, type InstalledOffice } from "../../src/emulator";
import type { OutcomeSummary } from "../../src/commands/outcomeSummary";
import { sampleWorkbook } from "./setup";

const SHEET = "绩效自评表";
const BLANK = "selfeval-defects/blank-scores.xlsx";

/** A localStorage as the pages of the add-in's origin share it. */
function storage(): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, String(v)),
    removeItem: (k: string) => void data.delete(k),
    clear: () => data.clear(),
    key: () => null,
    length: 0,
  } as unknown as Storage & { data: Map<string, string> };
}

let office: InstalledOffice;
let local: ReturnType<typeof storage>;

async function setup(host: EmulatedExcel) {
  office = installEmulator(host, { platform: "desktop" });
  local = storage();
  (globalThis as Record<string, unknown>).window = { localStorage: local };
  jest.resetModules();
  await import("../../src/commands/commands");
}

afterEach(() => {
  office?.uninstall();
  delete (globalThis as Record<string, unknown>).window;
});

/** Click a ribbon button, wait for its dialog, close it, and wait for event.completed(). */
async function click(name: string): Promise<OutcomeSummary> {
  const before = office.dialogs.length;
  const d = office.dispatch(name);
  expect(d.delivered).toBe(true);
  for (let i = 0; i < 500 && office.dialogs.length === before; i++) await new Promise((r) => setTimeout(r, 5));
  const dialog = office.dialogs[before];
  expect(dialog.url).toMatch(/^https:\/\/localhost:3000\/dialog\.html#/);
  dialog.closeByUser();
  await d.completed;
  return JSON.parse(decodeURIComponent(dialog.url.slice(dialog.url.indexOf("#") + 1))) as OutcomeSummary;
}

describe("ribbon commands", () => {
  test("检查 marks and 填写得分 fills; each shows its outcome and completes; an open pane is told", async () => {
    const host = fromExcelJs(await sampleWorkbook(BLANK));
    await setup(host);
    const check = await click("checkSheet");
    expect(check.title).toEqual({ zh: "检查完成", en: "Check done" });
    expect(check.tone).toBe("warn");
    expect(JSON.stringify(check.lines)).toContain("尚不能提交");
    expect(host.sheet(SHEET).cfs.length).toBeGreaterThan(0);
    expect(host.cell(SHEET, "G13").value).toBeNull();
    expect(JSON.parse(local.getItem(RIBBON_KEY)!).action).toBe("check");

    const fill = await click("fillSheet");
    expect(fill.title.zh).toBe("填写完成");
    expect(JSON.stringify(fill.lines)).toContain("已填写 7 个空白单元格");
    expect(host.cell(SHEET, "G13").value).toBe(10);
    expect(JSON.parse(local.getItem(RIBBON_KEY)!).action).toBe("fill");
  });

  test("填写得分 uses the rounding the pane saved (half-up: 94.34, the default truncation: 94.33)", async () => {
    const host = fromExcelJs(await sampleWorkbook(BLANK));
    await setup(host);
    local.setItem(SETTINGS_KEY, JSON.stringify({ rounding: "half-up", reverse: "ratio", overThreshold: 0.5 }));
    await click("fillSheet");
    expect(host.cell(SHEET, "G31").value).toBe(94.34);

    const plain = fromExcelJs(await sampleWorkbook(BLANK));
    office.uninstall();
    await setup(plain);
    await click("fillSheet");
    expect(plain.cell(SHEET, "G31").value).toBe(94.33);
  });

  test("a protected sheet: the dialog says so and names the locked cells; unlocked ones are filled", async () => {
    const host = fromExcelJs(await sampleWorkbook(BLANK));
    host.setLocked(SHEET, "G13:G16", false);
    host.setProtected(SHEET, true);
    await setup(host);
    const out = await click("fillSheet");
    const text = JSON.stringify(out.lines);
    expect(text).toContain("受保护");
    expect(text).toContain("G31");
    expect(text).toContain("protected");
    expect(host.cell(SHEET, "G13").value).toBe(10);
    expect(host.cell(SHEET, "G31").value).toBeNull();
  });

  test("a cell being edited, and a sheet that is no form: the dialog says what happened", async () => {
    const host = fromExcelJs(await sampleWorkbook(BLANK));
    host.setEditMode(true);
    await setup(host);
    const editing = await click("fillSheet");
    expect(editing.tone).toBe("error");
    expect(JSON.stringify(editing.lines)).toContain("正在编辑单元格");
    expect(host.cell(SHEET, "G13").value).toBeNull();

    const blank = EmulatedExcel.withSheets(["封面"]);
    office.uninstall();
    await setup(blank);
    const none = await click("checkSheet");
    expect(JSON.stringify(none.lines)).toContain("不是可识别的绩效自评表");
  });

  test("without the Dialog API the command still completes", async () => {
    const host = fromExcelJs(await sampleWorkbook(BLANK));
    await setup(host);
    const o = (globalThis as unknown as { Office: { context: { requirements: { isSetSupported: (n: string, v?: string) => boolean } } } }).Office;
    const real = o.context.requirements.isSetSupported;
    o.context.requirements.isSetSupported = (n, v) => (n === "DialogApi" ? false : real(n, v));
    const d = office.dispatch("checkSheet");
    await d.completed;
    expect(office.dialogs).toHaveLength(0);
    expect(host.sheet(SHEET).cfs.length).toBeGreaterThan(0);
  });
});

describe("ribbon commands against Office's limits", () => {
  test("a second 检查 on an unchanged sheet writes nothing, and its dialog says the marks were up to date", async () => {
    const host = fromExcelJs(await sampleWorkbook(BLANK));
    await setup(host);
    await click("checkSheet");
    const calls = host.writeCalls;
    const again = await click("checkSheet");
    expect(host.writeCalls).toBe(calls);
    expect(JSON.stringify(again.lines)).toContain("已是最新，未写入任何内容");
  });

  test("with a library that has no notes (the npm office.js) the dialog never speaks of notes", async () => {
    const host = fromExcelJs(await sampleWorkbook(BLANK), { library: NPM_OFFICE_JS });
    await setup(host);
    const out = await click("checkSheet");
    expect(host.sheet(SHEET).notes.size).toBe(0);
    expect(JSON.stringify(out.lines)).toContain("表中标出");
    expect(JSON.stringify(out.lines)).not.toContain("批注");
    const withNotes = fromExcelJs(await sampleWorkbook(BLANK));
    office.uninstall();
    await setup(withNotes);
    const noted = await click("checkSheet");
    expect(withNotes.sheet(SHEET).notes.size).toBeGreaterThan(0);
    expect(JSON.stringify(noted.lines)).toContain("附有批注说明");
  });

  test("a dialog left open: the command closes it and completes before Office's five minutes", async () => {
    const host = fromExcelJs(await sampleWorkbook(BLANK));
    await setup(host);
    jest.useFakeTimers();
    try {
      const d = office.dispatch("checkSheet");
      for (let i = 0; i < 200 && office.dialogs.length === 0; i++) await jest.advanceTimersByTimeAsync(5);
      expect(office.dialogs).toHaveLength(1);
      expect(office.dialogs[0].closed).toBe(false);
      await jest.advanceTimersByTimeAsync(COMMAND_LIMIT_MS - 20_000);
      expect(await d.outcome).toBe("completed");
      expect(office.dialogs[0].closed).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  test("clicks while a command runs are answered at once, not queued into a second run", async () => {
    const host = fromExcelJs(await sampleWorkbook(BLANK));
    await setup(host);
    const first = office.dispatch("fillSheet");
    const second = office.dispatch("fillSheet");
    const third = office.dispatch("checkSheet");
    await second.completed;
    await third.completed;
    for (let i = 0; i < 500 && office.dialogs.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(office.dialogs).toHaveLength(1);
    office.dialogs[0].closeByUser();
    await first.completed;
    expect(await first.outcome).toBe("completed");
    expect(host.cell(SHEET, "G13").value).toBe(10);
    // One run: the fill's undo record, no second one.
    expect(host.undoDepth).toBe(1);
  });
});

test("the dialog page closes itself before the command's own limit, and both before Office's five minutes", async () => {
  const { DIALOG_LIMIT_MS, DIALOG_SELF_CLOSE_MS } = await import("../../src/commands/outcomeDialog");
  const page = (await import("node:fs")).readFileSync(require.resolve("../../src/dialog/dialog.js"), "utf8");
  const selfClose = Number(/var SELF_CLOSE_MS = (\d+);/.exec(page)?.[1]);
  expect(selfClose).toBe(DIALOG_SELF_CLOSE_MS);
  expect(DIALOG_SELF_CLOSE_MS).toBeLessThan(DIALOG_LIMIT_MS);
  expect(DIALOG_LIMIT_MS).toBeLessThan(COMMAND_LIMIT_MS);
  expect(page).toContain("4 分钟后自动关闭");
});
