// pagesOf: the printed height measures every wrapped text of the table; two rules ask for it, and it
// is worked out once a sheet's analysis (for the same form, grid and page), not once a rule.
import { ruleContextOf } from "../../../src/core/engine";
import { pagesOf } from "../../../src/core/print/table";
import { printForm } from "../rules/printSupport";

test("pagesOf is worked out once for a sheet's analysis, and anew for another page or form", () => {
  const ctx = ruleContextOf(printForm({ defaultRowHeight: 40 }, { titleRows: null })).ctx!;
  const g = ctx.geometry!;
  const page = g.layout.page!;
  const first = pagesOf(ctx.form, ctx.grid, g, page);
  expect(first.down).toBe(2);
  expect(pagesOf(ctx.form, ctx.grid, g, page)).toBe(first);
  // Another page (twice the scale): its own figures, not the ones kept.
  const bigger = pagesOf(ctx.form, ctx.grid, g, { ...page, scale: 200 });
  expect(bigger).not.toBe(first);
  expect(bigger.down).toBeGreaterThan(first.down);
  // Another analysis of the same sheet: figures equal, worked out for it.
  const again = ruleContextOf(printForm({ defaultRowHeight: 40 }, { titleRows: null })).ctx!;
  const second = pagesOf(again.form, again.grid, again.geometry!, again.geometry!.layout.page!);
  expect(second).not.toBe(first);
  expect(second).toEqual(first);
});
