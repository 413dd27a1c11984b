/** @jest-environment jsdom */
// The print check before stamping (issue 19 §5) as a group of its own: in the pane after the
// severities, and in the web page's findings panel under its own heading.
import * as React from "react";
import { cleanup, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { FindingsList } from "../../src/taskpane/FindingsList";
import { translator } from "../../src/taskpane/strings";
import { FindingsTable } from "../../src/web/FindingsTable";
import { webTranslator } from "../../src/web/strings";
import { analyzeSheet } from "../../src/core/engine";
import { printForm } from "../core/rules/printSupport";
import * as forms from "../core/rules/support";

afterEach(cleanup);

// A form with an error, a notice, and two print-check findings: printed portrait on A4 (too wide), a draft left.
const result = analyzeSheet(
  printForm(
    {},
    { orientation: "portrait" },
  ),
);
const withDraft = analyzeSheet({ ...forms.formWithRows({ 0: { score: null, reason: "【待补充原因】" } }), layout: printForm({}, { orientation: "portrait" }).layout });

test("the pane lists the print check last, under its heading, and not among the notices", () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <FindingsList tr={translator("zh-CN")} result={withDraft} onSelect={() => undefined} />
    </FluentProvider>,
  );
  const codes = withDraft.findings.map((f) => f.code);
  expect(codes).toEqual(expect.arrayContaining(["missing-score", "print-too-wide", "print-draft-left"]));
  const sections = document.querySelectorAll("section[data-group]");
  const groups = [...sections].map((s) => s.getAttribute("data-group"));
  expect(groups[groups.length - 1]).toBe("print");
  const print = document.querySelector('section[data-group="print"]') as HTMLElement;
  expect(within(print).getByRole("heading", { level: 3 }).textContent).toBe("打印检查（盖章前，2）");
  expect(print.textContent).toContain("横向分成 2 页");
  const info = document.querySelector('section[data-group="info"]');
  expect(info?.textContent ?? "").not.toContain("横向分成");
});

test("the web page's findings panel puts them in a table of their own under the heading", () => {
  expect(result.findings.map((f) => f.code)).toEqual(["print-too-wide"]);
  render(
    <FluentProvider theme={webLightTheme}>
      <FindingsTable tr={webTranslator("zh-CN")} findings={withDraft.findings} label="问题" id="f" />
    </FluentProvider>,
  );
  const own = within(screen.getByTestId("findings")).getAllByRole("row").slice(1).map((r) => r.getAttribute("data-code"));
  const printed = within(screen.getByTestId("print-findings")).getAllByRole("row").slice(1).map((r) => r.getAttribute("data-code"));
  expect(own).not.toContain("print-too-wide");
  expect(printed.sort()).toEqual(["print-draft-left", "print-too-wide"]);
  expect(screen.getByRole("heading", { name: "打印检查（盖章前）" })).toBeTruthy();
});

test("规则设置 has the print check's setting: 提示 by default, 警告, 不检查", () => {
  const { SettingsPanel } = jest.requireActual<typeof import("../../src/taskpane/SettingsPanel")>("../../src/taskpane/SettingsPanel");
  const { DEFAULT_SETTINGS } = jest.requireActual<typeof import("../../src/core/settings")>("../../src/core/settings");
  const changed: unknown[] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <SettingsPanel tr={translator("zh-CN")} settings={DEFAULT_SETTINGS} onChange={(s) => changed.push(s)} defaultOpen />
    </FluentProvider>,
  );
  expect((screen.getByRole("radio", { name: "提示（默认）" }) as HTMLInputElement).checked).toBe(true);
  screen.getByRole("radio", { name: "不检查" }).click();
  expect(changed).toEqual([{ ...DEFAULT_SETTINGS, printCheck: "off" }]);
});
