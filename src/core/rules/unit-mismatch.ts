import { rowName } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "unit-mismatch",
  severity: "error",
  kinds: ["self-evaluation", "department-self-evaluation"],
  description: { zh: "实际完成值与指标值的单位不一致且无法换算。", en: "The actual's unit differs from the target's and does not convert." },
  mark: "static",
  formulaFigure: false,
  check({ evals }, report) {
    for (const e of evals) {
      if (e.problem !== "unit-mismatch") continue;
      const ind = e.indicator;
      const tu = ind.target.kind === "quantity" ? ind.target.unit : "";
      const au = ind.actual?.kind === "quantity" ? ind.actual.unit : "";
      report(
        ind.actualCell!,
        {
          zh: `${rowName(ind).zh}的单位不一致：指标值单位为“${tu}”，实际完成值单位为“${au}”，无法换算。请按指标值的单位填写实际完成值。`,
          en: `${rowName(ind).en}: the target is in "${tu}" but the actual in "${au}", which do not convert: give the actual in the target's unit.`,
        },
        ind.row,
      );
    }
  },
});
