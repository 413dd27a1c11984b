import { n2 } from "./format";
import { defineRule, rowName } from "./types";

export const missingTarget = defineRule({
  code: "missing-target",
  severity: "error",
  kinds: ["self-evaluation", "targets"],
  description: { zh: "每个指标都要有年度指标值。", en: "Every indicator needs a target value." },
  check({ evals, form }, report) {
    for (const e of evals) {
      const ind = e.indicator;
      if (ind.target.kind !== "empty") continue;
      const who = rowName(ind);
      report(
        ind.targetCell,
        form.kind === "targets"
          ? { zh: `${who.zh}未填写指标值：请填写可衡量的目标值（如“≥95.00(%)”）。`, en: `${who.en} has no target: give a measurable value (e.g. "≥95.00(%)").` }
          : { zh: `${who.zh}未填写年度指标值：请按申报的绩效目标填写。`, en: `${who.en} has no target value: copy it from the declared targets.` },
        ind.row,
      );
    }
  },
});

export const missingActual = defineRule({
  code: "missing-actual",
  severity: "error",
  kinds: ["self-evaluation"],
  description: { zh: "每个指标都要填写实际完成值。", en: "Every indicator needs an actual value." },
  check({ evals }, report) {
    for (const e of evals) {
      if (e.problem !== "missing-actual" || !e.indicator.actualCell) continue;
      const who = rowName(e.indicator);
      report(
        e.indicator.actualCell,
        {
          zh: `${who.zh}未填写实际完成值：定量指标填数值和单位（如“97.80(%)”），定性指标填“达成指标”“部分达成指标并具有一定效果”或“未达成指标且效果较差”。`,
          en: `${who.en} has no actual value: a number with its unit, or one of the tiers 达成指标 / 部分达成指标并具有一定效果 / 未达成指标且效果较差.`,
        },
        e.indicator.row,
      );
    }
  },
});

export const missingWeight = defineRule({
  code: "missing-weight",
  severity: "error",
  kinds: ["self-evaluation", "self-evaluation-legacy"],
  description: { zh: "每个指标都要有分值（权重）。", en: "Every indicator needs a weight." },
  check({ evals }, report) {
    for (const e of evals) {
      const w = e.indicator.weight;
      if (!w || e.placeholder || (!w.empty && !w.invalid)) continue;
      const who = rowName(e.indicator);
      report(
        w.address,
        w.invalid
          ? { zh: `${who.zh}的分值不是数字：请填写数字分值。`, en: `${who.en}: the weight is not a number.` }
          : { zh: `${who.zh}未填写分值：请填写该指标的分值。`, en: `${who.en} has no weight.` },
        e.indicator.row,
      );
    }
  },
});

export const missingScore = defineRule({
  code: "missing-score",
  severity: "error",
  kinds: ["self-evaluation", "self-evaluation-legacy"],
  description: { zh: "每个指标都要有得分；“填写得分”可按规则填入建议分。", en: "Every indicator needs a score; Fill writes the suggested one." },
  check({ evals }, report) {
    for (const e of evals) {
      const s = e.indicator.score;
      if (!s || e.placeholder || (!s.empty && !s.invalid)) continue;
      const who = rowName(e.indicator);
      if (s.invalid) {
        report(s.address, { zh: `${who.zh}的得分不是数字：请填写数字。`, en: `${who.en}: the score is not a number.` }, e.indicator.row);
      } else if (e.suggested !== null) {
        report(
          s.address,
          {
            zh: `${who.zh}未填写得分：按评分规则建议 ${n2(e.suggested)} 分，可用“填写得分”（命令行 --fix）自动填入。`,
            en: `${who.en} has no score: the rules suggest ${n2(e.suggested)}; Fill (--fix) writes it.`,
          },
          e.indicator.row,
        );
      } else {
        report(s.address, { zh: `${who.zh}未填写得分：请填写得分。`, en: `${who.en} has no score.` }, e.indicator.row);
      }
    }
  },
});
