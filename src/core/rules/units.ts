import { fmtNum } from "../numbers";
import { defineRule, rowName } from "./types";

export const unitMismatch = defineRule({
  code: "unit-mismatch",
  severity: "error",
  kinds: ["self-evaluation"],
  description: { zh: "实际完成值与指标值的单位不一致且无法换算。", en: "The actual's unit differs from the target's and does not convert." },
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

export const unitConverted = defineRule({
  code: "unit-converted",
  severity: "warning",
  kinds: ["self-evaluation"],
  description: { zh: "实际完成值的单位已换算为指标值的单位。", en: "The actual was converted to the target's unit." },
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
