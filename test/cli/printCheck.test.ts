// The print check in the command's report (issue 19 §5): after the form's findings, under its heading;
// marked as a group in --json.
import path from "node:path";
import { runCli } from "./run";
import { SAMPLES } from "../helpers";

const SRC = path.join(SAMPLES, "selfeval/shujuyunying.xlsx");

test("the text report lists the print check last, under 打印检查（盖章前）", async () => {
  const r = await runCli(["check", "-q", SRC]);
  const lines = r.out.split("\n");
  const head = lines.findIndex((l) => l.trim() === "打印检查（盖章前）：");
  expect(head).toBeGreaterThan(0);
  const findingLines = lines.filter((l) => /^\s+[✖▲·] /.test(l));
  const printLines = findingLines.filter((l) => /\[print-[a-z-]+\]$/.test(l));
  expect(printLines.length).toBeGreaterThan(0);
  for (const l of printLines) expect(lines.indexOf(l)).toBeGreaterThan(head);
  for (const l of findingLines.filter((x) => !printLines.includes(x))) expect(lines.indexOf(l)).toBeLessThan(head);
  expect(r.out).toContain("[print-too-wide]");
});

test("--json marks the print check's findings with their group, and only those", async () => {
  const r = await runCli(["check", "-q", SRC, "--json"]);
  const findings = JSON.parse(r.out).files[0].sheets[0].findings as Array<{ code: string; group?: string }>;
  expect(findings.some((f) => f.group === "print")).toBe(true);
  for (const f of findings) expect(f.group === "print").toBe(f.code.startsWith("print-"));
});

test("--print-check warning|off: the print check's findings as warnings, or none; a wrong value is a usage error", async () => {
  const codes = async (v: string) => (JSON.parse((await runCli(["check", "-q", SRC, "--json", "--print-check", v])).out).files[0].sheets[0].findings as Array<{ code: string; severity: string }>).filter((f) => f.code.startsWith("print-"));
  expect((await codes("warning")).every((f) => f.severity === "warning")).toBe(true);
  expect((await codes("warning")).length).toBeGreaterThan(0);
  expect(await codes("off")).toEqual([]);
  const bad = await runCli(["check", SRC, "--print-check", "loud"]);
  expect(bad.code).toBe(2);
  expect(bad.err).toContain("--print-check notice|warning|off");
});
