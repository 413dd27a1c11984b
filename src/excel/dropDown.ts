import type { SheetResult } from "../core/engine";
import { NOTE_PREFIX } from "../core/plan";
import { TIER_CHOICES } from "../core/scoring/tiers";

export { TIER_CHOICES };

/** The input message of the add-in's drop-downs; its title is how 清除标记 knows them. */
export const DROPDOWN_PROMPT = {
  showPrompt: true,
  title: `${NOTE_PREFIX.zh}完成等级`,
  message: `请选择：${TIER_CHOICES.join(" / ")}`,
};

export function isOwnDropDown(dv: Excel.DataValidation): boolean {
  return dv.type === "List" && dv.prompt?.title === DROPDOWN_PROMPT.title;
}

/** The qualitative rows' actual cells (they get the tier drop-down) and every actual cell (to tidy). */
export function dropDownCells(result: SheetResult): { wanted: string[]; all: string[] } {
  // The forms whose rows have actuals to choose a tier for: the project form and the MOF-style department-wide one.
  const form = result.form;
  if (!form || !(form.kind === "self-evaluation" || (form.kind === "department-self-evaluation" && form.layout === "funds"))) return { wanted: [], all: [] };
  const wanted: string[] = [];
  const all: string[] = [];
  for (const e of result.evaluations) {
    const cell = e.indicator.actualCell;
    if (!cell) continue;
    all.push(cell);
    if (e.mode === "qualitative" || e.indicator.target.kind === "qualitative") wanted.push(cell);
  }
  return { wanted, all };
}
