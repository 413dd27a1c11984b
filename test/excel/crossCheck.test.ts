/** The add-in compares a self-evaluation with the declaration of its project among the sheets it checks (RULES-2 §10). */
import ExcelJS from "exceljs";
import { fromExcelJs } from "../../src/emulator";
import { buildSelfEval, buildTargets, plainSpec, standardIndicators } from "../core/rules/support";
import { actionsFor } from "./setup";

async function workbook(changed: boolean) {
  const wb = new ExcelJS.Workbook();
  const rows = standardIndicators().map((i) => ({ l1: i.l1, l2: i.l2, name: i.name, target: i.target }));
  const d = buildTargets("2024", rows);
  d.builder.set(3, 2, "测试项目");
  d.builder.addTo(wb);
  const spec = plainSpec();
  if (changed) spec.indicators[0].target = "≥20.00(项)";
  const s = buildSelfEval(spec);
  s.builder.addTo(wb);
  return { host: fromExcelJs(wb), self: s };
}

test("checking all sheets: the changed target is found, marked on its cell, and listed with the sheet", async () => {
  const { host, self } = await workbook(true);
  const out = await actionsFor(host).check({ scope: "all" });
  const sheet = out.sheets.find((x) => x.result.kind === "self-evaluation")!;
  const cell = self.cell(0, "target");
  expect(sheet.result.findings.filter((f) => f.code === "target-changed").map((f) => f.cell)).toEqual([cell]);
  expect(sheet.marks.map((m) => m.cell)).toContain(cell);
});

test("near miss: the same targets give no difference; the active sheet alone is compared with nothing", async () => {
  const same = await workbook(false);
  const all = await actionsFor(same.host).check({ scope: "all" });
  expect(all.sheets.flatMap((x) => x.result.findings).filter((f) => f.code.startsWith("target-") || f.code.startsWith("indicator-"))).toEqual([]);
  const changed = await workbook(true);
  const active = await actionsFor(changed.host).check({ scope: "active" });
  expect(active.sheets.flatMap((x) => x.result.findings).filter((f) => f.code === "target-changed")).toEqual([]);
});
