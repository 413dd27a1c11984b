import { rowName } from "./helpers";
import { fmtNum } from "../numbers";
import { defineRule } from "./types";

export default defineRule({
  code: "unit-converted",
  severity: "warning",
  kinds: ["self-evaluation", "department-self-evaluation"],
  description: { zh: "实际完成值的单位已换算为指标值的单位。", en: "The actual was converted to the target's unit." },
  mark: "static",
  formulaFigure: false,
  check({ evals }, report) {
    for (const e of evals) {
      if (!e.converted) continue;
      const c = e.converted;
      report(
        e.indicator.actualCell!,
        {
          zh: `${rowName(e.indicator).zh}的实际完成值 ${fmtNum(c.original)}${c.from} 已换算为 ${fmtNum(e.actual!)}${c.to} 后计分：建议按指标值的单位填写。`,
          en: `${rowName(e.indicator).en}: the actual ${fmtNum(c.original)} ${c.from} was scored as ${fmtNum(e.actual!)} ${c.to}; better write it in the target's unit.`,
        },
        e.indicator.row,
      );
    }
  },
});
