/** @jest-environment jsdom */
import * as React from "react";
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { RIBBON_KEY } from "../../src/host/ribbonSignal";
import { PANE_KEY, SETTINGS_KEY } from "../../src/host/settingsStore";
import type { Locale } from "../../src/taskpane/strings";
import { FakeActions, plainSheet } from "./fakeActions";

const SHEET = "绩效自评表";

function renderApp(actions: FakeActions, locale: Locale = "zh-CN", extra: Partial<React.ComponentProps<typeof App>> = {}) {
  return render(<App actions={actions} locale={locale} {...extra} />);
}

/** The value shown next to a label in a sheet's summary (<dt>label</dt><dd>value</dd>). */
function figure(scope: HTMLElement, term: string): string | null {
  const dt = within(scope).getByText(term, { selector: "dt" });
  return dt.nextElementSibling?.textContent ?? null;
}

function sheetReport(name: string, locale: Locale = "zh-CN"): HTMLElement {
  const title = locale === "zh-CN" ? `工作表「${name}」` : `Sheet "${name}"`;
  return screen.getByRole("region", { name: title });
}

/** The section under a severity heading such as 错误（2）. */
function group(scope: HTMLElement, heading: RegExp): HTMLElement {
  const h = within(scope).getByRole("heading", { level: 3, name: heading });
  return h.closest("section") as HTMLElement;
}

function findingButton(scope: HTMLElement, cell: string): HTMLElement {
  return within(scope).getByRole("button", { name: new RegExp(`单元格 ${cell}：|cell ${cell}:`) });
}

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  jest.useRealTimers();
});

describe("summary after the check on opening", () => {
  test("figures say whose they are: an empty total is a suggestion, a wrong one is shown beside the computation", async () => {
    const blank = await FakeActions.fromSample("selfeval-defects/blank-scores.xlsx");
    const { unmount } = renderApp(blank);
    const report = await screen.findByRole("region", { name: `工作表「${SHEET}」` });
    const dd = (term: string) => within(report).getByText(term).nextElementSibling?.textContent;
    expect(dd("总分")).toBe("（建议）94.33");
    expect(dd("总分")).not.toBe("94.33");
    unmount();
    const wrong = await FakeActions.fromSample("selfeval-defects/wrong-arithmetic.xlsx");
    renderApp(wrong);
    const again = await screen.findByRole("region", { name: `工作表「${SHEET}」` });
    expect(within(again).getByText("总分").nextElementSibling?.textContent).toBe("92.61（表内）· 核算 91.61");
  });

  test("zhengwuyun.xlsx: figures, grade, counts and 可以提交", async () => {
    const fake = await FakeActions.fromSample("selfeval/zhengwuyun.xlsx");
    renderApp(fake);
    await screen.findByRole("heading", { level: 2, name: `工作表「${SHEET}」` });
    // Opening the pane reads only: no check that writes marks.
    expect(fake.calls.inspect).toHaveLength(1);
    expect(fake.calls.check).toHaveLength(0);
    expect(fake.calls.inspect[0]).toMatchObject({ scope: "active", settings: { rounding: "truncate", reverseFormula: "ratio" } });

    const report = sheetReport(SHEET);
    expect(figure(report, "表格类型")).toBe("财政项目支出绩效自评表");
    expect(figure(report, "预算执行率")).toBe("92.04%");
    expect(figure(report, "预算执行得分")).toBe("9.20");
    expect(figure(report, "总分")).toBe("90.20");
    expect(figure(report, "评分等级")).toBe("优");
    const counts = within(report).getByRole("group", { name: "问题数量" });
    expect(counts.textContent).toContain("错误 0");
    expect(counts.textContent).toMatch(/警告 [1-9]\d*/);
    expect(within(report).getByTestId("sheet-status").textContent).toMatch(/可以提交/);
    expect(within(report).getByTestId("sheet-status").textContent).not.toMatch(/尚不能提交/);
    expect(within(report).queryByRole("heading", { name: /^错误/ })).toBeNull();
    expect(screen.getByRole("status").textContent).toMatch(/^已读取：1 个绩效表，错误 0 个.*表格未作改动/);
  });

  test("missing-reasons.xlsx: 尚不能提交 and the two errors, at H25 and H31, under 错误", async () => {
    const fake = await FakeActions.fromSample("selfeval-defects/missing-reasons.xlsx");
    renderApp(fake);
    const report = await screen.findByRole("region", { name: `工作表「${SHEET}」` });
    expect(within(report).getByTestId("sheet-status").textContent).toMatch(/尚不能提交：还有 2 个错误需要修改/);
    const errors = group(report, /^错误（2）$/);
    const buttons = within(errors).getAllByRole("button");
    expect(buttons.map((b) => b.querySelector("span")?.textContent)).toEqual(["H25", "H31"]);
    // Grouped by row, each under its row heading with the indicator's name.
    expect(within(errors).getAllByRole("heading", { level: 4 }).map((h) => h.textContent)).toEqual([
      expect.stringMatching(/^第 25 行 · 应急故障处理响应及时性$/),
      expect.stringMatching(/^第 31 行 · 长效管理机制健全$/),
    ]);
    expect(buttons[0].getAttribute("aria-label")).toMatch(/^错误，单元格 H25：第25行“应急故障处理响应及时性”.*未填写偏差原因分析/);
    // The warnings are elsewhere, not mixed into the errors.
    const warnings = group(report, /^警告（\d+）$/);
    expect(within(warnings).queryByRole("button", { name: /单元格 H25：/ })).toBeNull();
  });
});

describe("selecting a finding's cell", () => {
  test("a click calls select(sheet, cell) and says so in the status line", async () => {
    const fake = await FakeActions.fromSample("selfeval-defects/missing-reasons.xlsx");
    renderApp(fake);
    const report = await screen.findByRole("region", { name: `工作表「${SHEET}」` });
    fireEvent.click(findingButton(group(report, /^错误/), "H25"));
    await waitFor(() => expect(fake.calls.select).toEqual([{ sheet: SHEET, address: "H25" }]));
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("已选中单元格 H25。"));
  });

  test("Enter (and Space) on a finding select its cell once each", async () => {
    const fake = await FakeActions.fromSample("selfeval-defects/missing-reasons.xlsx");
    renderApp(fake);
    const report = await screen.findByRole("region", { name: `工作表「${SHEET}」` });
    const h25 = findingButton(group(report, /^错误/), "H25");
    expect(h25.tagName).toBe("BUTTON");
    h25.focus();
    expect(document.activeElement).toBe(h25);
    fireEvent.keyDown(h25, { key: "Enter" });
    // The click a browser synthesises from that key press is not a second selection.
    fireEvent.click(h25);
    await waitFor(() => expect(fake.calls.select).toEqual([{ sheet: SHEET, address: "H25" }]));
    fireEvent.keyDown(findingButton(report, "H31"), { key: " " });
    await waitFor(() => expect(fake.calls.select).toHaveLength(2));
    expect(fake.calls.select[1]).toEqual({ sheet: SHEET, address: "H31" });
    fireEvent.keyDown(h25, { key: "a" });
    expect(fake.calls.select).toHaveLength(2);
  });

  test("a failing select shows the error", async () => {
    const fake = await FakeActions.fromSample("selfeval-defects/missing-reasons.xlsx");
    fake.select = async () => {
      throw new Error("InvalidReference");
    };
    renderApp(fake);
    const report = await screen.findByRole("region", { name: `工作表「${SHEET}」` });
    fireEvent.click(findingButton(report, "H31"));
    expect(await screen.findByText(/无法选中单元格 H31：InvalidReference/)).toBeTruthy();
  });
});

describe("fill and clear", () => {
  test("fill on blank-scores.xlsx reports the 7 written cells and lists them", async () => {
    const fake = await FakeActions.fromSample("selfeval-defects/blank-scores.xlsx");
    renderApp(fake);
    const before = await screen.findByRole("region", { name: `工作表「${SHEET}」` });
    expect(within(before).getByTestId("sheet-status").textContent).toMatch(/尚不能提交/);

    fireEvent.click(screen.getByRole("button", { name: "填写得分与说明草稿" }));
    const written = await screen.findByRole("region", { name: "已填写 7 个单元格" });
    expect(fake.calls.fill).toHaveLength(1);
    expect(fake.calls.fill[0]).toMatchObject({ scope: "active", settings: { rounding: "truncate" } });
    const items = within(written).getAllByRole("listitem").map((li) => li.textContent);
    expect(items).toHaveLength(7);
    expect(items[0]).toBe("G13按评分规则填入建议得分 10.00");
    expect(items).toEqual(expect.arrayContaining([expect.stringMatching(/^G31总分 /), "F32评分等级 优"]));
    expect(screen.getByRole("status").textContent).toMatch(/^已填写 7 个单元格/);
    // The summary shows the sheet after the writes.
    const after = sheetReport(SHEET);
    expect(figure(after, "评分等级")).toBe("优");
    expect(within(after).queryByRole("heading", { name: /^错误/ })).toBeNull();
  });

  test("filling a filled sheet writes nothing and says so", async () => {
    const fake = await FakeActions.fromSample("selfeval/zhengwuyun.xlsx");
    renderApp(fake);
    await screen.findByRole("region", { name: `工作表「${SHEET}」` });
    fireEvent.click(screen.getByRole("button", { name: "填写得分与说明草稿" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("没有需要填写的空白单元格。"));
  });

  test("clear marks calls clearMarks with the options and reports it", async () => {
    const fake = await FakeActions.fromSample("selfeval-defects/missing-reasons.xlsx");
    renderApp(fake);
    await screen.findByRole("region", { name: `工作表「${SHEET}」` });
    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("已清除本助手添加的标记和批注。"));
    expect(fake.calls.clear).toEqual([expect.objectContaining({ scope: "active" })]);
  });
});

describe("errors", () => {
  test("an outcome with an error shows it in a MessageBar and keeps the last results", async () => {
    const fake = await FakeActions.fromSample("selfeval-defects/missing-reasons.xlsx");
    renderApp(fake);
    await screen.findByRole("region", { name: `工作表「${SHEET}」` });
    fake.failWith.fill = { zh: "工作表「绩效自评表」受保护，无法写入。请先撤销工作表保护。", en: "The sheet is protected." };
    fireEvent.click(screen.getByRole("button", { name: "填写得分与说明草稿" }));
    const text = await screen.findByText(/工作表「绩效自评表」受保护，无法写入。请先撤销工作表保护。/);
    expect(screen.getByText("操作未完成")).toBeTruthy();
    expect(text.closest(".fui-MessageBar")).not.toBeNull();
    // …and is read out by screen readers at once: the MessageBar announces itself through the
    // AriaLiveAnnouncer's assertive live region (which sets innerText: jsdom keeps it as a property).
    const spoken = () =>
      Array.from(document.querySelectorAll('[aria-live="assertive"] span'))
        .map((e) => (e as HTMLElement).innerText)
        .join("|");
    await waitFor(() => expect(spoken()).toMatch(/操作未完成.*受保护/));
    expect(screen.queryByRole("region", { name: /^已填写/ })).toBeNull();
    expect(sheetReport(SHEET)).toBeTruthy();
    // The next action that succeeds removes the message.
    fireEvent.click(screen.getByRole("button", { name: "检查" }));
    await waitFor(() => expect(screen.queryByText(/受保护/)).toBeNull());
  });

  test("an exception from Office.js is shown too, and the buttons come back", async () => {
    const fake = await FakeActions.fromSample("selfeval/zhengwuyun.xlsx");
    fake.throwWith.inspect = new Error("RichApi.Error: The request failed");
    renderApp(fake);
    expect(await screen.findByText("操作未完成：RichApi.Error: The request failed")).toBeTruthy();
    expect((screen.getByRole("button", { name: "检查" }) as HTMLButtonElement).disabled).toBe(false);
    expect(screen.getByText("尚未检查。点「检查」开始。")).toBeTruthy();
  });
});

describe("busy state", () => {
  test("buttons are disabled with a spinner while an action runs", async () => {
    const fake = await FakeActions.fromSample("selfeval/zhengwuyun.xlsx");
    fake.hold = true;
    renderApp(fake);
    await waitFor(() => expect(fake.pending).toBe(1));
    for (const name of ["检查", "填写得分与说明草稿", "清除标记"]) {
      expect((screen.getByRole("button", { name }) as HTMLButtonElement).disabled).toBe(true);
    }
    expect(screen.getByText("正在检查…")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "填写得分与说明草稿" }));
    expect(fake.calls.fill).toHaveLength(0);
    await act(async () => fake.release());
    await screen.findByRole("region", { name: `工作表「${SHEET}」` });
    expect((screen.getByRole("button", { name: "检查" }) as HTMLButtonElement).disabled).toBe(false);
    expect(screen.queryByText("正在检查…")).toBeNull();
  });
});

describe("settings", () => {
  test("rounding half-up is saved and passed to the next action", async () => {
    const fake = await FakeActions.fromSample("selfeval/zhengwuyun.xlsx");
    jest.useFakeTimers(); // after reading the workbook, which needs real timers
    renderApp(fake);
    await screen.findByRole("region", { name: `工作表「${SHEET}」` });
    const toggle = screen.getByRole("button", { name: /规则设置/ });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByRole("radio", { name: "四舍五入" })).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    // The options with their explanations.
    expect(screen.getByRole("radio", { name: "截位（默认，与 2023 年上海市大数据中心自评表一致）" })).toBeTruthy();
    expect(screen.getByRole("radio", { name: "分值×指标值/实际值（默认）" })).toBeTruthy();
    expect(screen.getByRole("radio", { name: "分值×(1−偏离度)" })).toBeTruthy();
    expect((screen.getByRole("textbox", { name: /超额完成需说明的幅度/ }) as HTMLInputElement).value).toBe("50");

    fireEvent.click(screen.getByRole("radio", { name: "四舍五入" }));
    expect(JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? "null")).toEqual({
      rounding: "half-up",
      reverseFormula: "ratio",
      overachievementThreshold: 0.5,
      crossCheckSeverity: "warning",
      plausibility: false,
      ratioHigh: 0.95,
      rateLow: 60,
      budgetReasonBelow: 90,
      printCheck: "notice",
    });
    const check = screen.getByRole("button", { name: "检查" }) as HTMLButtonElement;
    fireEvent.click(check);
    expect(check.disabled).toBe(true);
    await waitFor(() => expect(check.disabled).toBe(false));
    expect(fake.calls.check).toHaveLength(1);
    expect(fake.calls.check[0].settings).toEqual({ rounding: "half-up", reverseFormula: "ratio", overachievementThreshold: 0.5, crossCheckSeverity: "warning", plausibility: false, ratioHigh: 0.95, rateLow: 60, budgetReasonBelow: 90, printCheck: "notice" });
    // The change also schedules one re-check, with the new setting; it reads only.
    await act(async () => {
      jest.advanceTimersByTime(800);
    });
    await waitFor(() => expect(fake.calls.inspect).toHaveLength(2));
    expect(fake.calls.inspect[1].settings?.rounding).toBe("half-up");
    expect(fake.calls.check).toHaveLength(1);
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/^已重新读取/));
  });

  test("a ribbon command announced by the commands page (a storage event) makes the open pane check again", async () => {
    const fake = await FakeActions.fromSample("selfeval/zhengwuyun.xlsx");
    renderApp(fake, "zh-CN", { debounceMs: 5 });
    await screen.findByRole("region", { name: `工作表「${SHEET}」` });
    expect(fake.calls.inspect).toHaveLength(1);
    // Another key changing is not a ribbon action.
    window.dispatchEvent(new StorageEvent("storage", { key: "something.else", newValue: "1" }));
    await new Promise((r) => setTimeout(r, 30));
    expect(fake.calls.inspect).toHaveLength(1);
    window.dispatchEvent(new StorageEvent("storage", { key: RIBBON_KEY, newValue: JSON.stringify({ action: "fill", at: 1 }) }));
    await waitFor(() => expect(fake.calls.inspect).toHaveLength(2));
    // The ribbon command wrote; the pane only reads again.
    expect(fake.calls.check).toHaveLength(0);
  });

  test("the threshold is typed in percent and stored as a share; a bad entry is refused", async () => {
    const fake = await FakeActions.fromSample("selfeval/zhengwuyun.xlsx");
    renderApp(fake, "zh-CN", { debounceMs: 5 });
    const report = await screen.findByRole("region", { name: `工作表「${SHEET}」` });
    const warningsAt50 = Number(/警告 (\d+)/.exec(within(report).getByRole("group", { name: "问题数量" }).textContent ?? "")?.[1]);
    fireEvent.click(screen.getByRole("button", { name: /规则设置/ }));
    const input = screen.getByRole("textbox", { name: /超额完成需说明的幅度/ });
    fireEvent.change(input, { target: { value: "abc" } });
    expect(await screen.findByText("请输入 0 或更大的数字。")).toBeTruthy();
    expect(localStorage.getItem(SETTINGS_KEY)).toBeNull();
    fireEvent.change(input, { target: { value: "80" } });
    expect(JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? "{}").overachievementThreshold).toBe(0.8);
    await waitFor(() => expect(fake.calls.inspect.length).toBeGreaterThanOrEqual(2));
    expect(fake.calls.inspect.at(-1)?.settings?.overachievementThreshold).toBe(0.8);
    expect(screen.queryByText("请输入 0 或更大的数字。")).toBeNull();
    // 1506 次 against ≥1000 次 (50.6% over) warns at 50% and no longer at 80%.
    await waitFor(() =>
      expect(within(sheetReport(SHEET)).getByRole("group", { name: "问题数量" }).textContent).toContain(`警告 ${warningsAt50 - 1}`),
    );
    expect(screen.queryByRole("button", { name: /单元格 H17：/ })).toBeNull();
  });

  test("stored settings are used from the first check; bad stored data gives the defaults", async () => {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify({ rounding: "up", reverseFormula: "deviation", overachievementThreshold: 1 }));
    const a = await FakeActions.fromSample("selfeval/zhengwuyun.xlsx");
    renderApp(a);
    await screen.findByRole("region", { name: `工作表「${SHEET}」` });
    expect(a.calls.inspect).toHaveLength(1);
    expect(a.calls.inspect[0].settings).toEqual({ rounding: "up", reverseFormula: "deviation", overachievementThreshold: 1, crossCheckSeverity: "warning", plausibility: false, ratioHigh: 0.95, rateLow: 60, budgetReasonBelow: 90, printCheck: "notice" });
    cleanup();

    for (const bad of ["{not json", JSON.stringify({ rounding: "banker" }), JSON.stringify({ overachievementThreshold: -1 })]) {
      localStorage.setItem(SETTINGS_KEY, bad);
      const b = await FakeActions.fromSample("selfeval/zhengwuyun.xlsx");
      renderApp(b);
      await screen.findByRole("region", { name: `工作表「${SHEET}」` });
      expect(b.calls.inspect).toHaveLength(1);
      expect(b.calls.inspect[0].settings).toEqual({ rounding: "truncate", reverseFormula: "ratio", overachievementThreshold: 0.5, crossCheckSeverity: "warning", plausibility: false, ratioHigh: 0.95, rateLow: 60, budgetReasonBelow: 90, printCheck: "notice" });
      cleanup();
    }
  });

  test("restore defaults", async () => {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify({ rounding: "up", reverseFormula: "deviation", overachievementThreshold: 1 }));
    const fake = await FakeActions.fromSample("selfeval/zhengwuyun.xlsx");
    renderApp(fake, "zh-CN", { checkOnMount: false });
    fireEvent.click(screen.getByRole("button", { name: /规则设置/ }));
    expect((screen.getByRole("radio", { name: "向上进位" }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "恢复默认设置" }));
    expect((screen.getByRole("radio", { name: /^截位/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole("textbox", { name: /超额完成需说明的幅度/ }) as HTMLInputElement).value).toBe("50");
    expect(JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? "{}")).toEqual({ rounding: "truncate", reverseFormula: "ratio", overachievementThreshold: 0.5, crossCheckSeverity: "warning", plausibility: false, ratioHigh: 0.95, rateLow: 60, budgetReasonBelow: 90, printCheck: "notice" });
  });

  test("the cross-check's severity and the plausibility warnings (RULES-2 §10.3, §11.2) are set here too", async () => {
    const fake = await FakeActions.fromSample("selfeval/zhengwuyun.xlsx");
    renderApp(fake);
    await screen.findByRole("region", { name: `工作表「${SHEET}」` });
    fireEvent.click(screen.getByRole("button", { name: /规则设置/ }));
    fireEvent.click(screen.getByRole("radio", { name: "错误" }));
    fireEvent.click(screen.getByRole("checkbox", { name: /合理性提示/ }));
    expect(JSON.parse(localStorage.getItem(SETTINGS_KEY)!)).toMatchObject({ crossCheckSeverity: "error", plausibility: true });
    const check = screen.getByRole("button", { name: "检查" }) as HTMLButtonElement;
    await waitFor(() => expect(check.disabled).toBe(false));
    fireEvent.click(check);
    await waitFor(() => expect(fake.calls.check.at(-1)?.settings).toMatchObject({ crossCheckSeverity: "error", plausibility: true }));
    localStorage.clear();
  });
});

describe("re-check on change", () => {
  test("a burst of change events gives one re-check, 800 ms after the last", async () => {
    const fake = await FakeActions.fromSample("selfeval/zhengwuyun.xlsx");
    jest.useFakeTimers(); // after reading the workbook, which needs real timers
    renderApp(fake);
    await screen.findByRole("region", { name: `工作表「${SHEET}」` });
    expect(fake.calls.subscribed).toBe(1);
    expect(fake.calls.inspect).toHaveLength(1);

    act(() => fake.emitChange());
    act(() => jest.advanceTimersByTime(500));
    act(() => fake.emitChange());
    act(() => jest.advanceTimersByTime(500));
    act(() => fake.emitChange());
    act(() => jest.advanceTimersByTime(799));
    expect(fake.calls.inspect).toHaveLength(1);
    await act(async () => {
      jest.advanceTimersByTime(1);
    });
    await waitFor(() => expect(fake.calls.inspect).toHaveLength(2));
    expect(fake.calls.inspect[1]).toMatchObject({ scope: "active", settings: { rounding: "truncate" } });
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/^已重新读取：错误 0 个/));
    await act(async () => {
      jest.advanceTimersByTime(5000);
    });
    expect(fake.calls.inspect).toHaveLength(2);
  });

  test("the re-check shows what the edit changed", async () => {
    const fake = await FakeActions.fromSample("selfeval-defects/missing-reasons.xlsx");
    const fixed = await FakeActions.fromSample("selfeval/zhengwuyun.xlsx");
    jest.useFakeTimers();
    renderApp(fake);
    await screen.findByRole("heading", { level: 3, name: "错误（2）" });
    // The person types the two reasons: the sheet now reads as the complete form.
    act(() => fake.edit(fixed.snapshot()));
    await act(async () => {
      jest.advanceTimersByTime(800);
    });
    await waitFor(() => expect(screen.queryByRole("heading", { level: 3, name: /^错误/ })).toBeNull());
    expect(within(sheetReport(SHEET)).getByTestId("sheet-status").textContent).toMatch(/^✓ 可以提交/);
    // The automatic checks read only and wait for a cell edit to end; a check the person clicks does not wait.
    expect(fake.calls.inspect.length).toBeGreaterThanOrEqual(2);
    expect(fake.calls.inspect.every((o) => o.waitForCellEdit === true)).toBe(true);
    expect(fake.calls.check).toHaveLength(0);
    fireEvent.click(screen.getByRole("button", { name: "检查" }));
    await waitFor(() => expect(fake.calls.check).toHaveLength(1));
    expect(fake.calls.check[0].waitForCellEdit).toBeUndefined();
  });

  test("changes while an action of ours runs do not start a re-check", async () => {
    const fake = await FakeActions.fromSample("selfeval-defects/blank-scores.xlsx");
    jest.useFakeTimers();
    renderApp(fake);
    await screen.findByRole("region", { name: `工作表「${SHEET}」` });
    fake.hold = true;
    fireEvent.click(screen.getByRole("button", { name: "填写得分与说明草稿" }));
    await waitFor(() => expect(fake.pending).toBe(1));
    act(() => fake.emitChange()); // our own writes
    await act(async () => {
      jest.advanceTimersByTime(2000);
    });
    expect(fake.calls.inspect).toHaveLength(1);
    await act(async () => fake.release());
    await screen.findByRole("region", { name: "已填写 7 个单元格" });
    await act(async () => {
      jest.advanceTimersByTime(2000);
    });
    expect(fake.calls.inspect).toHaveLength(1);
    expect(screen.getByRole("region", { name: "已填写 7 个单元格" })).toBeTruthy();
  });

  test("a settings change during an action is checked right after it, not during it", async () => {
    const fake = await FakeActions.fromSample("selfeval/zhengwuyun.xlsx");
    jest.useFakeTimers();
    renderApp(fake);
    await screen.findByRole("region", { name: `工作表「${SHEET}」` });
    fake.hold = true;
    fireEvent.click(screen.getByRole("button", { name: "填写得分与说明草稿" }));
    await waitFor(() => expect(fake.pending).toBe(1));
    fireEvent.click(screen.getByRole("button", { name: /规则设置/ }));
    fireEvent.click(screen.getByRole("radio", { name: "向上进位" }));
    await act(async () => {
      jest.advanceTimersByTime(800);
    });
    expect(fake.calls.inspect).toHaveLength(1);
    fake.hold = false;
    await act(async () => fake.release());
    await waitFor(() => expect(fake.calls.inspect).toHaveLength(2));
    expect(fake.calls.fill[0].settings?.rounding).toBe("truncate");
    expect(fake.calls.inspect[1].settings?.rounding).toBe("up");
    expect(fake.calls.check).toHaveLength(0);
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/^已重新读取/));
  });

  test("unsubscribes on unmount, and a pending re-check never runs", async () => {
    const fake = await FakeActions.fromSample("selfeval/zhengwuyun.xlsx");
    jest.useFakeTimers(); // after reading the workbook, which needs real timers
    const { unmount } = renderApp(fake);
    await screen.findByRole("region", { name: `工作表「${SHEET}」` });
    expect(fake.listeners).toBe(1);
    act(() => fake.emitChange());
    unmount();
    await act(async () => {
      jest.advanceTimersByTime(2000);
    });
    expect(fake.calls.unsubscribed).toBe(1);
    expect(fake.listeners).toBe(0);
    expect(fake.calls.inspect).toHaveLength(1);
  });
});

describe("live checking", () => {
  test("on an Excel that clears its undo stack for add-in event handlers (below ExcelApi 1.20) it is off: no handler is registered", async () => {
    const fake = await FakeActions.fromSample("selfeval/zhengwuyun.xlsx");
    fake.undo = false;
    renderApp(fake, "zh-CN", { debounceMs: 5 });
    await screen.findByRole("region", { name: `工作表「${SHEET}」` });
    const live = screen.getByRole("switch", { name: /边改边查/ }) as HTMLInputElement;
    expect(live.checked).toBe(false);
    expect(screen.getByText(/清空撤销记录/)).toBeTruthy();
    expect(fake.calls.subscribed).toBe(0);
    expect(fake.listeners).toBe(0);
    // The person turns it on: a handler now, and the choice is kept.
    fireEvent.click(live);
    await waitFor(() => expect(fake.calls.subscribed).toBe(1));
    expect(JSON.parse(localStorage.getItem(PANE_KEY) ?? "{}")).toEqual({ liveCheck: true });
    act(() => fake.emitChange());
    await waitFor(() => expect(fake.calls.inspect).toHaveLength(2));
    // And off again: the handler goes.
    fireEvent.click(live);
    await waitFor(() => expect(fake.calls.unsubscribed).toBe(1));
    expect(fake.listeners).toBe(0);
    expect(fake.calls.check).toHaveLength(0);
    localStorage.clear();
  });

  test("on ExcelApi 1.20 it is on by default, and a stored choice wins over the default", async () => {
    const fake = await FakeActions.fromSample("selfeval/zhengwuyun.xlsx");
    const { unmount } = renderApp(fake);
    await screen.findByRole("region", { name: `工作表「${SHEET}」` });
    expect((screen.getByRole("switch", { name: /边改边查/ }) as HTMLInputElement).checked).toBe(true);
    await waitFor(() => expect(fake.calls.subscribed).toBe(1));
    unmount();
    localStorage.setItem(PANE_KEY, JSON.stringify({ liveCheck: false }));
    const again = await FakeActions.fromSample("selfeval/zhengwuyun.xlsx");
    renderApp(again);
    await screen.findByRole("region", { name: `工作表「${SHEET}」` });
    expect((screen.getByRole("switch", { name: /边改边查/ }) as HTMLInputElement).checked).toBe(false);
    expect(again.calls.subscribed).toBe(0);
    localStorage.clear();
  });
});

describe("several sheets", () => {
  test("scope all: one summary per form sheet, other sheets listed as skipped", async () => {
    const fake = await FakeActions.fromSamples(
      [
        { rel: "selfeval/zhengwuyun.xlsx", name: "政务云" },
        { rel: "selfeval-defects/missing-reasons.xlsx", name: "运维" },
      ],
      [plainSheet("填表说明")],
    );
    renderApp(fake);
    await screen.findByRole("region", { name: "工作表「政务云」" });
    expect(screen.queryByRole("region", { name: "工作表「运维」" })).toBeNull();

    fireEvent.click(screen.getByRole("radio", { name: "全部工作表" }));
    const second = await screen.findByRole("region", { name: "工作表「运维」" });
    expect(fake.calls.inspect.at(-1)?.scope).toBe("all");
    expect(within(sheetReport("政务云")).getByTestId("sheet-status").textContent).toMatch(/可以提交/);
    expect(within(second).getByTestId("sheet-status").textContent).toMatch(/尚不能提交/);
    expect(screen.queryByRole("region", { name: "工作表「填表说明」" })).toBeNull();
    expect(screen.getByText("不是绩效表，已跳过：填表说明")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toMatch(/^已读取：2 个绩效表，错误 2 个/);

    // A finding selects its own sheet's cell.
    fireEvent.click(findingButton(second, "H31"));
    await waitFor(() => expect(fake.calls.select).toEqual([{ sheet: "运维", address: "H31" }]));
    fireEvent.click(screen.getByRole("button", { name: "填写得分与说明草稿" }));
    await waitFor(() => expect(fake.calls.fill).toHaveLength(1));
    expect(fake.calls.fill[0].scope).toBe("all");
  });

  test("an active sheet that is no form says where to go", async () => {
    const fake = new FakeActions([plainSheet("封面")]);
    renderApp(fake);
    const results = await screen.findByRole("region", { name: "检查结果" });
    await waitFor(() => expect(within(results).getByText(/^没有找到绩效表。请切换到绩效自评表/)).toBeTruthy());
    expect(within(results).getByText("不是绩效表，已跳过：封面")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toMatch(/^没有找到绩效表/);
  });
});

describe("English", () => {
  test("labels, figures and findings in English", async () => {
    const fake = await FakeActions.fromSample("selfeval-defects/missing-reasons.xlsx");
    renderApp(fake, "en-US");
    const report = await screen.findByRole("region", { name: `Sheet "${SHEET}"` });
    for (const name of ["Check", "Fill scores and draft notes", "Clear marks"]) expect(screen.getByRole("button", { name })).toBeTruthy();
    expect(screen.getByRole("radio", { name: "Active sheet" })).toBeTruthy();
    expect(screen.getByRole("radio", { name: "All sheets" })).toBeTruthy();
    expect(figure(report, "Form")).toBe("project performance self-evaluation");
    expect(figure(report, "Total")).toBe("90.20");
    expect(figure(report, "Budget execution rate")).toBe("92.04%");
    expect(within(report).getByTestId("sheet-status").textContent).toMatch(/Not ready: 2 error\(s\) to correct/);
    const errors = group(report, /^Errors \(2\)$/);
    const h25 = findingButton(errors, "H25");
    expect(h25.getAttribute("aria-label")).toMatch(/^error at cell H25: row 25 "应急故障处理响应及时性".*no deviation explanation/);
    expect(screen.queryByText(/错误|警告|检查/)).toBeNull();
    fireEvent.click(h25);
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("Cell H25 selected."));
  });
});

describe("theme", () => {
  test("dark theme and Office's background colour", async () => {
    const fake = await FakeActions.fromSample("selfeval/zhengwuyun.xlsx");
    const { container } = renderApp(fake, "zh-CN", { theme: { dark: true, background: "#262626" }, checkOnMount: false });
    const provider = container.querySelector(".fui-FluentProvider") as HTMLElement;
    expect(provider.style.backgroundColor).toBe("rgb(38, 38, 38)");
    expect(provider.getAttribute("lang")).toBe("zh-CN");
    expect(fake.calls.check).toHaveLength(0);
    expect(fake.calls.inspect).toHaveLength(0);
  });
});

describe("invisible characters", () => {
  test("a sheet named with a bidi override shows it escaped, never reversed", async () => {
    const fake = await FakeActions.fromSamples([{ rel: "selfeval-defects/missing-reasons.xlsx", name: "\u202eslx.exe" }]);
    renderApp(fake);
    const report = await screen.findByRole("region", { name: "工作表「\\u202Eslx.exe」" });
    expect(report.textContent).not.toContain("\u202e");
  });
});
