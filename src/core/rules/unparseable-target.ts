import { rowName } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "unparseable-target",
  severity: "error",
  kinds: ["self-evaluation", "targets", "department-self-evaluation"],
  description: { zh: "定量目标值无法识别。", en: "A quantitative-looking target cannot be read." },
  mark: "static",
  formulaFigure: false,
  check({ evals }, report) {
    for (const e of evals) {
      const t = e.indicator.target;
      if (t.kind !== "unparseable") continue;
      const who = rowName(e.indicator);
      report(
        e.indicator.targetCell,
        {
          zh: `${who.zh}的指标值“${t.text}”无法识别：请写成“比较符+数值+单位”，如“≥95.00(%)”。`,
          en: `${who.en}: the target "${t.text}" cannot be read (${t.reason}): write comparator, number and unit, e.g. "≥95.00(%)".`,
        },
        e.indicator.row,
      );
    }
  },
});
