import { defineRule, rowName } from "./types";

export const unparseableTarget = defineRule({
  code: "unparseable-target",
  severity: "error",
  kinds: ["self-evaluation", "targets"],
  description: { zh: "定量目标值无法识别。", en: "A quantitative-looking target cannot be read." },
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

export const unparseableActual = defineRule({
  code: "unparseable-actual",
  severity: "error",
  kinds: ["self-evaluation"],
  description: { zh: "实际完成值既不是数值也不是达成等级。", en: "An actual value is neither a number nor a tier." },
  check({ evals }, report) {
    for (const e of evals) {
      if (e.problem !== "unparseable-actual" || !e.indicator.actualCell) continue;
      const ind = e.indicator;
      const who = rowName(ind);
      const quantitative = ind.target.kind === "quantity";
      report(
        ind.actualCell!,
        quantitative
          ? {
              zh: `${who.zh}的实际完成值“${ind.actualText}”无法计分：目标为定量（${ind.targetText}），请填写数值和单位。`,
              en: `${who.en}: the actual "${ind.actualText}" cannot be scored against the quantitative target ${ind.targetText}: give a number and unit.`,
            }
          : {
              zh: `${who.zh}的实际完成值“${ind.actualText}”无法计分：定性指标请填“达成指标”“部分达成指标并具有一定效果”或“未达成指标且效果较差”。`,
              en: `${who.en}: the actual "${ind.actualText}" cannot be scored: a qualitative indicator takes one of the tiers 达成指标 / 部分达成指标并具有一定效果 / 未达成指标且效果较差.`,
            },
        ind.row,
      );
    }
  },
});
