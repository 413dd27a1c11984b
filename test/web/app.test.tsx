/** @jest-environment jsdom */
/**
 * The web checker's page with a fake CheckService: rows fill in as results arrive, a row opens its
 * findings, other files are listed as skipped, the language switches, downloads go through the service.
 */
import * as React from "react";
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/web/App";
import type { CheckService } from "../../src/web/services/checkService";
import { WEB_STRINGS } from "../../src/web/strings";
import { filledName } from "../../src/web/services/download";
import { sortPicked } from "../../src/web/services/pickFiles";
import type { FileResult } from "../../src/xlsx/checkBytes";
import { analyzeSheet } from "../../src/core/engine";
import { buildSelfEval, plainSpec } from "../core/rules/support";

afterEach(cleanup);

const downloads: string[] = [];

function formResult(file: string, broken = false): FileResult {
  const built = buildSelfEval(plainSpec(broken ? { total: 50 } : {}));
  return { file, sheets: [analyzeSheet(built.builder.toSnapshot())] };
}

/** A service whose answers the test releases one by one. */
function fakeService() {
  const pending = new Map<string, (r: FileResult) => void>();
  const calls: string[] = [];
  const service: CheckService = {
    check: (name, _file, settings) => {
      calls.push(`check ${name} ${settings.rounding}`);
      return new Promise((resolve) => pending.set(name, resolve));
    },
    fill: async (name) => {
      calls.push(`fill ${name}`);
      return { result: formResult(name), bytes: new Uint8Array([1, 2, 3]) };
    },
    summary: async (files) => {
      calls.push(`summary ${files.length}`);
      return new Uint8Array([4]);
    },
  };
  return { service, pending, calls };
}

function choose(names: string[]) {
  const input = screen.getByTestId("file-input") as HTMLInputElement;
  const files = names.map((n) => new File(["x"], n));
  Object.defineProperty(input, "files", { value: files, configurable: true });
  fireEvent.change(input);
}

beforeAll(() => {
  // jsdom has no object URLs; the download helper only needs them to exist.
  Object.assign(URL, { createObjectURL: () => "blob:x", revokeObjectURL: () => undefined });
  // jsdom cannot navigate: the download link's click is counted instead.
  HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
    downloads.push(this.download);
  };
  // Fluent's message bar measures itself; jsdom measures nothing.
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

test("rows fill in as each file is checked; progress says how many; a broken form needs work", async () => {
  const { service, pending } = fakeService();
  render(<App service={service} />);
  choose(["b.xlsx", "a.xlsx", "说明.txt"]);
  expect(screen.getByTestId("status").textContent).toBe("正在检查：0 / 2");
  expect(screen.getByText("不是工作簿，已跳过：说明.txt")).toBeTruthy();
  await act(async () => pending.get("a.xlsx")!(formResult("a.xlsx")));
  expect(screen.getAllByTestId("result-row").map((r) => r.dataset.file)).toEqual(["a.xlsx"]);
  expect(screen.getByTestId("status").textContent).toBe("正在检查：1 / 2");
  await act(async () => pending.get("b.xlsx")!(formResult("b.xlsx", true)));
  const rows = screen.getAllByTestId("result-row");
  expect(rows.map((r) => [r.dataset.file, r.dataset.status])).toEqual([
    ["a.xlsx", "ready"],
    ["b.xlsx", "needs-work"],
  ]);
  expect(screen.getByTestId("status").textContent).toBe("已检查 2 个文件：2 个绩效表，1 个可以提交，1 个需修改。");
  // The broken form states a total of 50: shown as the form's, with the computed one beside it.
  const total = within(rows[1]).getByTestId("total").textContent ?? "";
  expect(total).toMatch(/^50\.00（表内）· 核算 \d+\.\d\d$/);
  expect(within(rows[0]).getByTestId("total").textContent).toMatch(/^\d+\.\d\d$/);
});

test("a form without a total: the computed one is a suggestion, not the form's", async () => {
  const { service, pending } = fakeService();
  render(<App service={service} />);
  choose(["c.xlsx"]);
  const built = buildSelfEval(plainSpec({ total: null }));
  await act(async () => pending.get("c.xlsx")!({ file: "c.xlsx", sheets: [analyzeSheet(built.builder.toSnapshot())] }));
  expect(within(screen.getAllByTestId("result-row")[0]).getByTestId("total").textContent).toMatch(/^（建议）\d+\.\d\d$/);
});

test("a row opens its findings with their cells, and closes", async () => {
  const { service, pending } = fakeService();
  render(<App service={service} />);
  choose(["b.xlsx"]);
  await act(async () => pending.get("b.xlsx")!(formResult("b.xlsx", true)));
  const toggle = within(screen.getByTestId("result-row")).getByTestId("toggle-findings");
  fireEvent.click(toggle);
  expect(toggle.getAttribute("aria-expanded")).toBe("true");
  const cells = within(screen.getByTestId("findings")).getAllByRole("row").slice(1).map((r) => r.getAttribute("data-cell"));
  expect(cells).toContain(formResult("b.xlsx", true).sheets[0].findings.find((f) => f.code === "total-mismatch")!.cell);
  fireEvent.click(toggle);
  expect(screen.queryByTestId("findings")).toBeNull();
});

test("the English switch, kept for the next visit", async () => {
  const { service } = fakeService();
  render(<App service={service} />);
  fireEvent.click(screen.getByTestId("language"));
  expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Performance form checker · jixiao");
  expect(localStorage.getItem("jixiao-web-locale")).toBe("en-US");
  cleanup();
  render(<App service={fakeService().service} />);
  expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Performance form checker · jixiao");
  localStorage.clear();
});

test("downloads go through the service: the filled copy of a file, the summary of all", async () => {
  const { service, pending, calls } = fakeService();
  render(<App service={service} />);
  choose(["a.xlsx"]);
  await act(async () => pending.get("a.xlsx")!(formResult("a.xlsx")));
  await act(async () => fireEvent.click(screen.getByTestId("download-filled")));
  await act(async () => fireEvent.click(screen.getByTestId("download-summary")));
  await waitFor(() => expect(calls).toEqual(["check a.xlsx truncate", "fill a.xlsx", "summary 1"]));
  expect(downloads.slice(-2)).toEqual(["a.filled.xlsx", "汇总.xlsx"]);
  expect(screen.getByTestId("notice").textContent).toContain("已生成汇总表 汇总.xlsx");
});

test("both languages have the same strings", () => {
  expect(Object.keys(WEB_STRINGS["en-US"]).sort()).toEqual(Object.keys(WEB_STRINGS["zh-CN"]).sort());
  for (const v of Object.values(WEB_STRINGS["en-US"])) expect(v).not.toMatch(/[\u4e00-\u9fff]{3}/);
});

test.each([
  ["自评表.xlsx", "自评表.filled.xlsx"],
  ["批次/宏.xlsm", "宏.filled.xlsm"],
  ["旧表.xls", "旧表.filled.xlsx"],
  ["表.ods", "表.filled.xlsx"],
])("the copy of %s is named %s, as the command names it", (file, name) => expect(filledName(file)).toBe(name));

test("what is not a workbook, a lock file or an earlier copy is passed over", () => {
  const f = (name: string) => ({ name, file: new File([], name) });
  const r = sortPicked([f("b.xlsx"), f("~$b.xlsx"), f("a.filled.xlsx"), f("c.XLS"), f("readme.txt")]);
  expect(r.workbooks.map((w) => w.name)).toEqual(["b.xlsx", "c.XLS"]);
  expect(r.skipped).toEqual(["~$b.xlsx", "a.filled.xlsx", "readme.txt"]);
});

test("changing a rule option checks every file again under it, and keeps it for the next visit", async () => {
  const { service, pending, calls } = fakeService();
  render(<App service={service} />);
  choose(["a.xlsx"]);
  await act(async () => pending.get("a.xlsx")!(formResult("a.xlsx")));
  fireEvent.click(screen.getByRole("button", { name: /规则设置|设置/ }));
  fireEvent.click(screen.getByLabelText(/四舍五入/));
  expect(calls).toEqual(["check a.xlsx truncate", "check a.xlsx half-up"]);
  expect(screen.getByTestId("status").textContent).toBe("正在检查：0 / 1");
  expect(JSON.parse(localStorage.getItem("jixiao.settings")!).rounding).toBe("half-up");
  await act(async () => pending.get("a.xlsx")!(formResult("a.xlsx")));
  expect(screen.getAllByTestId("result-row")).toHaveLength(1);
  localStorage.clear();
});

test("the options RULES-2 leaves open are there too: the cross-check's severity and the plausibility warnings", async () => {
  const { service, pending, calls } = fakeService();
  const seen: Array<{ crossCheckSeverity: string; plausibility: boolean }> = [];
  const check = service.check;
  service.check = (name, file, settings) => {
    seen.push({ crossCheckSeverity: settings.crossCheckSeverity, plausibility: settings.plausibility });
    return check(name, file, settings);
  };
  render(<App service={service} />);
  choose(["a.xlsx"]);
  await act(async () => pending.get("a.xlsx")!(formResult("a.xlsx")));
  fireEvent.click(screen.getByRole("button", { name: "规则设置" }));
  fireEvent.click(screen.getByRole("radio", { name: "错误" }));
  fireEvent.click(screen.getByRole("checkbox", { name: /合理性提示/ }));
  expect(seen).toEqual([
    { crossCheckSeverity: "warning", plausibility: false },
    { crossCheckSeverity: "error", plausibility: false },
    { crossCheckSeverity: "error", plausibility: true },
  ]);
  expect(calls.filter((c) => c.startsWith("check"))).toHaveLength(3);
  localStorage.clear();
});

test("a copy that cannot be made says so, with the file's own reason, in Chinese", async () => {
  const { service, pending } = fakeService();
  service.fill = async (name) => ({ result: { file: name, sheets: [], error: { zh: "工作簿的结构无法安全编辑，未写出副本。", en: "The workbook's structure cannot be edited safely." } }, bytes: null });
  render(<App service={service} />);
  choose(["a.xlsx"]);
  await act(async () => pending.get("a.xlsx")!(formResult("a.xlsx")));
  const before = downloads.length;
  await act(async () => fireEvent.click(screen.getByTestId("download-filled")));
  await waitFor(() => expect(screen.getByTestId("notice").textContent).toBe("未能生成“a.xlsx”的已填写副本：工作簿的结构无法安全编辑，未写出副本。"));
  expect(downloads.length).toBe(before);
});

test("a file named with a right-to-left override shows escaped, never reversed", async () => {
  const { service, pending } = fakeService();
  render(<App service={service} />);
  const name = "\u202Eslx.exe.xlsx";
  choose([name]);
  await act(async () => pending.get(name)!(formResult(name)));
  const row = screen.getByTestId("result-row");
  expect(row.textContent).toContain("\\u202Eslx.exe.xlsx");
  expect(row.textContent).not.toContain("\u202E");
});

test("the glance counts the batch and filters it: 需修改 shows only the forms that need work; text finds a file", async () => {
  const { service, pending } = fakeService();
  render(<App service={service} />);
  choose(["a.xlsx", "b.xlsx", "c.xlsx"]);
  await act(async () => pending.get("a.xlsx")!(formResult("a.xlsx")));
  await act(async () => pending.get("b.xlsx")!(formResult("b.xlsx", true)));
  await act(async () => pending.get("c.xlsx")!(formResult("c.xlsx", true)));
  expect(screen.getByTestId("filter-needs-work").textContent).toBe("需修改 2");
  expect(screen.getByTestId("filter-ready").textContent).toBe("可以提交 1");
  // Grades as the forms state them (the broken ones state 优 over a total of 50).
  expect(screen.getByTestId("glance-grades").textContent).toBe("优 3");
  fireEvent.click(screen.getByTestId("filter-needs-work"));
  expect(screen.getAllByTestId("result-row").map((r) => r.dataset.file)).toEqual(["b.xlsx", "c.xlsx"]);
  fireEvent.click(screen.getByTestId("filter-all"));
  fireEvent.change(screen.getByTestId("filter-text"), { target: { value: "c.x" } });
  expect(screen.getAllByTestId("result-row").map((r) => r.dataset.file)).toEqual(["c.xlsx"]);
});

test("a large batch shows its results together at each tick, and the last one at once; the progress bar does not slide", async () => {
  jest.useFakeTimers();
  try {
    const { service, pending } = fakeService();
    render(<App service={service} />);
    const names = Array.from({ length: 25 }, (_, i) => `f${String(i).padStart(2, "0")}.xlsx`);
    choose(names);
    // The bar jumps to each value: no transition repaints the page every frame meanwhile.
    const bar = screen.getByTestId("progress").firstElementChild as HTMLElement;
    expect(getComputedStyle(bar).transitionProperty).toBe("none");
    await act(async () => pending.get(names[0])!(formResult(names[0])));
    expect(screen.getAllByTestId("result-row")).toHaveLength(1);
    // More than twenty files: the next answers wait for the tick, shown together.
    for (const n of names.slice(1, 10)) await act(async () => pending.get(n)!(formResult(n)));
    expect(screen.getAllByTestId("result-row")).toHaveLength(1);
    await act(async () => {
      jest.advanceTimersByTime(300);
    });
    expect(screen.getAllByTestId("result-row")).toHaveLength(10);
    for (const n of names.slice(10, 24)) await act(async () => pending.get(n)!(formResult(n)));
    expect(screen.getAllByTestId("result-row")).toHaveLength(10);
    // The last answer is not kept back for the tick: the batch shows whole, and done, at once.
    await act(async () => pending.get(names[24])!(formResult(names[24])));
    expect(screen.getAllByTestId("result-row")).toHaveLength(25);
    expect(screen.queryByTestId("progress")).toBeNull();
  } finally {
    jest.useRealTimers();
  }
});
