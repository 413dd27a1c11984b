/** @jest-environment jsdom */
import * as React from "react";
import { cleanup, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { FindingItem } from "../../src/taskpane/FindingItem";
import { translator } from "../../src/taskpane/strings";
import type { Finding } from "../../src/core/rules/types";

afterEach(cleanup);

const base: Finding = { code: "missing-score", severity: "error", cell: "G13", message: { zh: "第13行“甲”未填写得分：按评分规则建议 10.00 分。", en: 'row 13 "甲" has no score: the rules suggest 10.00.' } };

function shown(finding: Finding, locale: "zh-CN" | "en-US") {
  render(
    <FluentProvider theme={webLightTheme}>
      <ul>
        <FindingItem tr={translator(locale)} finding={finding} onSelect={() => undefined} />
      </ul>
    </FluentProvider>,
  );
  return screen.getByRole("button").textContent ?? "";
}

test("the pane adds its own fill button's name to a finding the fill puts right", () => {
  expect(shown({ ...base, fix: "fill" }, "zh-CN")).toContain("建议 10.00 分。可用“填写得分与说明草稿”自动填入。");
  cleanup();
  expect(shown({ ...base, fix: "fill" }, "en-US")).toContain("suggest 10.00. “Fill scores and draft notes” writes it.");
});

test("and nothing to one it cannot", () => {
  expect(shown(base, "zh-CN")).not.toContain("自动填入");
});
