// A wrong formula total stays wrong in the filled copy (issue 15 §3, §6): the copy asks Excel to
// recalculate on opening, and the engine computes the formula instead of passing it over.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "./run";
import { buildSelfEval, standardIndicators } from "../builders/selfEval";
import { setCell } from "../core/rules/support";
import { viaExcelJs } from "../generators/writeXlsx";

test("=H6+SUM(…)+7: reported before the fill, and in the filled copy checked again", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-formula-"));
  const inds = standardIndicators().map((x, i) => (i === 2 ? { ...x, score: null } : x));
  const built = buildSelfEval({ indicators: inds, total: null, grade: "优" });
  // The stored result is the formula's own: 9.85 + 80 + 7.
  const snap = setCell(built.builder.toSnapshot(), built.totalCell, 96.85, { formula: `=H6+SUM(G13:G18)+7`, format: "0.00" });
  const file = path.join(dir, "a.xlsx");
  fs.writeFileSync(file, await viaExcelJs(snap));
  const before = JSON.parse((await runCli(["check", "--json", file])).out) as { files: Array<{ sheets: Array<{ findings: Array<{ code: string; cell: string }> }> }> };
  expect(before.files[0].sheets[0].findings.map((f) => `${f.code}@${f.cell}`)).toContain(`total-mismatch@${built.totalCell}`);
  const fixed = await runCli(["check", "-q", "--fix", file]);
  expect(fixed.code).toBe(1);
  const copy = path.join(dir, "a.filled.xlsx");
  const again = JSON.parse((await runCli(["check", "--json", copy])).out) as typeof before;
  const codes = again.files[0].sheets[0].findings.map((f) => `${f.code}@${f.cell}`);
  expect(codes).toContain(`total-mismatch@${built.totalCell}`);
  expect(codes.filter((c) => c.startsWith("formula-unchecked"))).toEqual([]);
  fs.rmSync(dir, { recursive: true, force: true });
});
