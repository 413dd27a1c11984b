/**
 * The house of the rules (issue 8): each finding code is one file named after it, with its test file
 * named after it, and the README's table of codes is made from the rules themselves. Run with
 * UPDATE_README=1 to write the table after changing a rule.
 */
import fs from "node:fs";
import path from "node:path";
import { RULES } from "../../../src/core/rules";
import type { Rule } from "../../../src/core/rules/types";
import { kindsWith } from "../../../src/core/forms/families";

const ROOT = path.join(__dirname, "..", "..", "..");
const RULES_DIR = path.join(ROOT, "src", "core", "rules");
const README = path.join(ROOT, "README.md");
const START = "<!-- rules-table: made from src/core/rules by test/core/rules/structure.test.ts -->";
const END = "<!-- /rules-table -->";

const SEVERITY = { error: "error 错误", warning: "warning 警告", info: "notice 提示" } as const;
const MARK = { blank: "when filled in 填写后", "blank-or-draft": "when a real reason is typed 填写实际原因后", static: "at the next check 再次检查时" } as const;
const KIND = { "self-evaluation": "自评", "self-evaluation-legacy": "旧版自评", targets: "目标申报", "department-self-evaluation": "部门整体" } as const;

export function rulesTable(rules: readonly Rule[]): string {
  const rows = rules.map((r) => `| \`${r.code}\` | ${SEVERITY[r.severity]} | ${kindsWith(r.requires).map((k) => KIND[k]).join("、")} | ${MARK[r.mark]} | ${r.description.zh} ${r.description.en} |`);
  return ["| code | severity | forms | its mark clears | what it checks |", "|---|---|---|---|---|", ...rows].join("\n");
}

test("every code has its own file, exporting that rule and nothing else", async () => {
  const files = fs.readdirSync(RULES_DIR).filter((f) => /^[a-z]+(-[a-z]+)+\.ts$/.test(f));
  expect(files.map((f) => f.replace(/\.ts$/, "")).sort()).toEqual(RULES.map((r) => r.code).sort());
  for (const r of RULES) {
    const mod = (await import(path.join(RULES_DIR, `${r.code}.ts`))) as Record<string, unknown>;
    expect(Object.keys(mod)).toEqual(["default"]);
    expect((mod.default as Rule).code).toBe(r.code);
  }
});

test("every code has its test file, which names it", () => {
  for (const r of RULES) {
    const file = path.join(__dirname, `${r.code}.test.ts`);
    expect({ code: r.code, exists: fs.existsSync(file) }).toEqual({ code: r.code, exists: true });
    expect(fs.readFileSync(file, "utf8")).toContain(r.code);
  }
});

test("core messages carry no host's words: a host adds its own hint for what its fill action puts right", () => {
  for (const r of RULES) {
    const src = fs.readFileSync(path.join(RULES_DIR, `${r.code}.ts`), "utf8");
    expect({ code: r.code, host: /--fix|“填写得分|ribbon|功能区|任务窗格/.test(src) }).toEqual({ code: r.code, host: false });
  }
});

test("only the figures a formula can hold are skipped while formulas are stale", () => {
  expect(RULES.filter((r) => r.formulaFigure).map((r) => r.code).sort()).toEqual(["budget-rate-mismatch", "budget-score-mismatch", "grade-mismatch", "total-mismatch"]);
});

test("the README's table of codes is the one the rules make", () => {
  const readme = fs.readFileSync(README, "utf8");
  const table = rulesTable(RULES);
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (process.env.UPDATE_README === "1" && a >= 0 && b > a) {
    fs.writeFileSync(README, `${readme.slice(0, a + START.length)}\n${table}\n${readme.slice(b)}`);
    return;
  }
  expect(a).toBeGreaterThanOrEqual(0);
  expect(readme.slice(a + START.length, b).trim()).toBe(table);
});
