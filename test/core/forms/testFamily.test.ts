/**
 * A family added in one file (issue 17 §2): "scored like the project form", its own kind and label,
 * recognised by its title, with the project form's traits but the 50/30/10 split. Registered here and
 * nowhere else, it is recognised, scored and filled, and every rule its traits call for runs on it —
 * no rule, switch or registry file touched.
 */
import { analyzeSheet } from "../../../src/core/engine";
import { planFill } from "../../../src/core/fill";
import { FAMILIES, familyOf, labelOf, registerFamily } from "../../../src/core/forms/families";
import type { Form } from "../../../src/core/forms/model";
import type { SheetSnapshot } from "../../../src/core/snapshot";
import { buildSelfEval, indicatorsWith, plainSpec } from "../rules/support";

const project = FAMILIES["self-evaluation"];
const TITLE = "测试评分表";

const scoredLikeProject = {
  ...project,
  kind: "test-scored",
  label: { zh: "测试评分表", en: "test scoring form" },
  traits: project.traits.filter((t) => t !== "weightSplit"),
  matches: (header: Parameters<typeof project.matches>[0], grid: Parameters<typeof project.matches>[1]) => grid.str(1, 1) === TITLE && project.matches(header, grid),
  read: (...args: Parameters<typeof project.read>) => ({ ...project.read(...args), kind: "test-scored" }) as unknown as Form,
};

/** The same sheet as the project form, or with the test family's title. */
function sheet(title: string, over: Parameters<typeof plainSpec>[0] = {}): SheetSnapshot {
  const built = buildSelfEval(plainSpec(over));
  built.builder.set(1, 1, title);
  return built.builder.toSnapshot();
}

const DEFECTS = { indicators: indicatorsWith({ 0: { weight: 30, actual: "20.00(项)", score: null }, 2: { actual: "2.5(小时)", score: 10 } }), total: 88, grade: "良" };

let unregister: () => void = () => {};
beforeAll(() => {
  unregister = registerFamily(scoredLikeProject, { before: "department-self-evaluation" });
});
afterAll(() => unregister());

test("the registered family is found by its kind, and recognised by its title before the built-in ones", () => {
  expect(familyOf("test-scored").label.en).toBe("test scoring form");
  expect(labelOf("test-scored" as never).zh).toBe("测试评分表");
  expect(analyzeSheet(sheet(TITLE)).kind).toBe("test-scored");
  expect(analyzeSheet(sheet("财政项目支出绩效自评表")).kind).toBe("self-evaluation");
});

test("every rule its traits call for runs on it: the project form's findings, but for the one trait it lacks", () => {
  const mine = analyzeSheet(sheet(TITLE, DEFECTS));
  const theirs = analyzeSheet(sheet("财政项目支出绩效自评表", DEFECTS));
  const codes = (r: typeof mine) => r.findings.map((f) => `${f.code}@${f.cell}`);
  expect(codes(theirs)).toContain("weight-split@A12");
  expect(codes(mine)).toEqual(codes(theirs).filter((c) => !c.startsWith("weight-split")));
  expect(codes(mine)).toEqual(expect.arrayContaining(["missing-score@G13", "score-above-rule@G15", "weight-sum@F19", "total-mismatch@G19"]));
  expect(mine.figures).toEqual(theirs.figures);
});

test("it is filled as the project form is", () => {
  const { plan, after } = planFill(sheet(TITLE, DEFECTS));
  expect(after.kind).toBe("test-scored");
  expect(plan.writes.map((w) => `${w.purpose}@${w.cell}`)).toEqual(planFill(sheet("财政项目支出绩效自评表", DEFECTS)).plan.writes.map((w) => `${w.purpose}@${w.cell}`));
  expect(plan.writes.some((w) => w.purpose === "score" && w.cell === "G13")).toBe(true);
});

test("taken out again, the sheet is the project form it looks like", () => {
  const again = registerFamily({ ...scoredLikeProject, kind: "test-scored-2" }, { before: "department-self-evaluation" });
  again();
  expect(() => familyOf("test-scored-2")).toThrow(/no form family/);
});
