/** The registry of form families (issue 8): one file per family, one registry line, tried in order. */
import fs from "node:fs";
import path from "node:path";
import { FAMILIES, FAMILY_ORDER, familyKindOf, kindsWith, labelOf } from "../../../src/core/forms/families";
import { KIND_LABEL } from "../../../src/core/summary";
import { Grid } from "../../../src/core/grid";
import type { Columns } from "../../../src/core/forms/columns";
import { RULES } from "../../../src/core/rules";

const DIR = path.join(__dirname, "..", "..", "..", "src", "core", "forms", "families");

test("every family has its file, its registry line, its place in the order and its label", () => {
  const kinds = Object.keys(FAMILIES).sort();
  expect([...FAMILY_ORDER].sort()).toEqual(kinds);
  for (const kind of kinds) expect(FAMILIES[kind as keyof typeof FAMILIES].kind).toBe(kind);
  expect(fs.readdirSync(DIR).filter((f) => !["index.ts", "types.ts", "writes.ts"].includes(f)).sort()).toEqual(["department.ts", "legacy.ts", "selfEvaluation.ts", "targets.ts"]);
  // Every family names itself in both languages, and no two alike (the reports tell them apart by it).
  const labels = kinds.map((k) => KIND_LABEL[k as keyof typeof KIND_LABEL]);
  for (const l of labels) expect(l.zh.length * l.en.length).toBeGreaterThan(0);
  expect(new Set(labels.map((l) => l.zh)).size).toBe(kinds.length);
  expect(labelOf("none").zh).toBe("不是绩效表");
  // Every rule runs on some family: the traits it requires are all had by one.
  for (const r of RULES) expect(kindsWith(r.requires).length).toBeGreaterThan(0);
});

test("detection tries the families in order: a self-evaluation's header also has a target column", () => {
  const grid = new Grid({ name: "s", origin: { row: 1, col: 1 }, values: [["项目自评表"]], text: [["项目自评表"]], numberFormats: [["General"]], formulas: [[null]], merges: [] });
  const kind = (columns: Columns) => familyKindOf({ row: 2, lastRow: 2, columns }, grid);
  expect(kind({ level1: 1, target: 4, actual: 5, weight: 6, score: 7 })).toBe("self-evaluation");
  expect(kind({ level1: 1, target: 4, weight: 6, score: 7 })).toBe("self-evaluation");
  expect(kind({ level1: 1, weight: 6, score: 7 })).toBe("self-evaluation-legacy");
  expect(kind({ level1: 1, target: 4, weight: 6 })).toBe("targets");
  expect(kind({ level1: 1, weight: 6 })).toBeNull();
});

test("only the families that state a grade have a scale; their scales differ", () => {
  expect(FAMILIES.targets.grades).toBeNull();
  expect(FAMILIES["self-evaluation"].grades!.grade(85)).toBe("良");
  expect(FAMILIES["self-evaluation-legacy"].grades!.grade(85)).toBe("良好");
  expect(FAMILIES["self-evaluation"].grades!.same("优秀", "优")).toBe(true);
  expect(FAMILIES["self-evaluation"].grades!.same("合格", "中")).toBe(false);
});
