/**
 * Grades (RULES §4). Self-evaluation: 优 ≥ 90, 良 80 to < 90, 中 60 to < 80, 差 < 60. Legacy (printed
 * on seed 004): 优秀 ≥ 90, 良好 75 to < 90, 合格 60 to < 75, 不合格 < 60.
 */
import fc from "fast-check";
import { gradeFor, sameGrade } from "../../../src/core/scoring/grades";

test.each<[number, string]>([
  [100, "优"],
  [90, "优"],
  [89.99, "良"],
  [80, "良"],
  [79.99, "中"],
  [75, "中"],
  [60, "中"],
  [59.99, "差"],
  [0, "差"],
])("self-evaluation: %d is %s", (total, grade) => {
  expect(gradeFor("self-evaluation", total)).toBe(grade);
});

test.each<[number, string]>([
  [100, "优秀"],
  [90, "优秀"],
  [89.99, "良好"],
  [75, "良好"],
  [74.99, "合格"],
  [60, "合格"],
  [59.99, "不合格"],
  [0, "不合格"],
])("legacy: %d is %s", (total, grade) => {
  expect(gradeFor("self-evaluation-legacy", total)).toBe(grade);
});

test("a total reached by float sums is graded by its two-decimal value (89.99 + 0.01 = 90)", () => {
  expect(gradeFor("self-evaluation", 89.99 + 0.01)).toBe("优");
  expect(gradeFor("self-evaluation", 0.1 * 3 * 300)).toBe("优"); // 90.00000000000001
  expect(gradeFor("self-evaluation", 9.85 + 70.15)).toBe("良"); // 80, up to binary noise
  expect(gradeFor("self-evaluation", 59.99 + 0.01)).toBe("中");
});

test("property: grades never go down as the total goes up", () => {
  const order = { self: ["差", "中", "良", "优"], legacy: ["不合格", "合格", "良好", "优秀"] };
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 10000 }), (a, b) => {
      const [lo, hi] = a <= b ? [a / 100, b / 100] : [b / 100, a / 100];
      expect(order.self.indexOf(gradeFor("self-evaluation", hi))).toBeGreaterThanOrEqual(order.self.indexOf(gradeFor("self-evaluation", lo)));
      expect(order.legacy.indexOf(gradeFor("self-evaluation-legacy", hi))).toBeGreaterThanOrEqual(
        order.legacy.indexOf(gradeFor("self-evaluation-legacy", lo)),
      );
    }),
  );
});

describe("the same grade in other words", () => {
  test.each<[string, string, boolean]>([
    ["优", "优", true],
    ["优秀", "优", true],
    ["良好", "良", true],
    [" 良 ", "良", true],
    ["良", "优", false],
    ["差", "中", false],
  ])("self-evaluation: stated %j vs %s → %s", (stated, computed, same) => {
    expect(sameGrade("self-evaluation", stated, computed)).toBe(same);
  });

  test.each<[string, string, boolean]>([
    ["优秀", "优秀", true],
    ["优", "优秀", true],
    ["良", "良好", true],
    ["合格", "良好", false],
    ["优秀", "良好", false],
  ])("legacy: stated %j vs %s → %s", (stated, computed, same) => {
    expect(sameGrade("self-evaluation-legacy", stated, computed)).toBe(same);
  });
});
