/** @jest-environment jsdom */
import * as React from "react";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { analyzeSheet } from "../../src/core/engine";
import { withCrossChecks } from "../../src/core/crossCheck";
import { resolveSettings } from "../../src/core/settings";
import type { ActionOutcome } from "../../src/host/actions";
import { Results } from "../../src/taskpane/Results";
import { translator } from "../../src/taskpane/strings";
import { buildSelfEval, buildTargets, plainSpec, standardIndicators } from "../core/rules/support";

afterEach(cleanup);

function outcome(changed: boolean): ActionOutcome {
  const d = buildTargets("2024", standardIndicators().map((i) => ({ l1: i.l1, l2: i.l2, name: i.name, target: i.target })));
  d.builder.set(3, 2, "测试项目");
  const spec = plainSpec();
  if (changed) spec.indicators[0].target = "≥20.00(项)";
  const results = withCrossChecks(
    [analyzeSheet(d.builder.toSnapshot()), analyzeSheet(buildSelfEval(spec).builder.toSnapshot())].map((result) => ({ source: "", result })),
    resolveSettings({}),
  );
  return { action: "check", sheets: results.map((result) => ({ result, written: [], marks: [] })) };
}

function show(o: ActionOutcome, onSelect = jest.fn()) {
  render(
    <FluentProvider theme={webLightTheme}>
      <Results tr={translator("zh-CN")} outcome={o} busy={false} onSelect={onSelect} />
    </FluentProvider>,
  );
  return onSelect;
}

test("与绩效目标表对照 lists the differences, and one selects its cell on its sheet", () => {
  const onSelect = show(outcome(true));
  const section = screen.getByRole("region", { name: "与绩效目标表对照" });
  expect(within(section).getByRole("heading", { name: "工作表「绩效自评表」：1 处差异" })).toBeTruthy();
  const item = within(section).getByRole("button");
  expect(item.textContent).toContain("绩效目标表申报的是“≥25.00(项)”");
  fireEvent.click(item);
  expect(onSelect).toHaveBeenCalledWith("绩效自评表", expect.stringMatching(/^D\d+$/));
});

test("near miss: no difference, no section", () => {
  show(outcome(false));
  expect(screen.queryByRole("region", { name: "与绩效目标表对照" })).toBeNull();
});
