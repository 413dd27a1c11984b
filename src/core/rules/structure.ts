import type { Indicator } from "../forms/model";
import { hasReason } from "../scoring/evaluate";
import { defineRule, rowName } from "./types";

const isSatisfaction = (i: Indicator) => i.level1.includes("满意") || i.level2.includes("满意") || i.name.includes("满意");

export const missingCategory = defineRule({
  code: "missing-category",
  severity: "error",
  kinds: ["self-evaluation", "self-evaluation-legacy", "targets"],
  description: {
    zh: "一级指标须包含产出指标和效益指标（旧表：产出目标和效果目标）。",
    en: "The first levels must include outputs (产出) and outcomes (效益 / 效果).",
  },
  check({ form }, report) {
    if (form.indicators.length === 0) return;
    const levels = form.indicators.map((i) => i.level1);
    if (!levels.some((l) => /产出/.test(l))) {
      report(form.headerCell, {
        zh: "一级指标中没有产出指标（产出目标）：请补充数量、质量、时效、成本等产出指标。",
        en: "No output level (产出指标 / 产出目标) among the first-level indicators.",
      });
    }
    if (!levels.some((l) => /(效益|效果)/.test(l))) {
      report(form.headerCell, {
        zh: "一级指标中没有效益指标（效果目标）：请补充经济、社会、生态效益或可持续影响指标。",
        en: "No outcome level (效益指标 / 效果目标) among the first-level indicators.",
      });
    }
  },
});

export const missingSatisfaction = defineRule({
  code: "missing-satisfaction",
  severity: "warning",
  kinds: ["self-evaluation", "self-evaluation-legacy", "targets"],
  description: { zh: "没有满意度指标。", en: "No satisfaction indicator." },
  check({ form }, report) {
    if (form.indicators.length === 0 || form.indicators.some(isSatisfaction)) return;
    report(form.headerCell, {
      zh: "未设置满意度指标：一般应设服务对象满意度指标（财预〔2020〕10号建议 10 分）。",
      en: "No satisfaction indicator: a 服务对象满意度 indicator is expected (10 points recommended).",
    });
  },
});

export const missingCost = defineRule({
  code: "missing-cost",
  severity: "warning",
  kinds: ["targets"],
  description: { zh: "2024 版目标表没有成本指标。", en: "A 2024 target form without a cost indicator." },
  check({ form }, report) {
    if (form.kind !== "targets" || form.edition !== "2024" || form.indicators.length === 0) return;
    if (form.indicators.some((i) => /成本/.test(`${i.level1}${i.level2}`))) return;
    report(form.headerCell, {
      zh: "未设置成本指标：2024 年起绩效目标须包含成本指标（经济成本、社会成本、生态环境成本）。",
      en: "No cost indicator (成本指标): required on target forms from 2024.",
    });
  },
});

export const vagueTarget = defineRule({
  code: "vague-target",
  severity: "warning",
  kinds: ["self-evaluation", "targets"],
  description: { zh: "满意度指标的目标值应为数值。", en: "A satisfaction target should be a number." },
  check({ form }, report) {
    for (const ind of form.indicators) {
      if (!isSatisfaction(ind) || ind.target.kind !== "qualitative") continue;
      report(
        ind.targetCell,
        {
          zh: `${rowName(ind).zh}的指标值“${ind.targetText}”不可衡量：满意度应写成数值，如“≥90.00(%)”。`,
          en: `${rowName(ind).en}: the target "${ind.targetText}" is not measurable: write a number such as "≥90.00(%)".`,
        },
        ind.row,
      );
    }
  },
});

export const overachievementUnexplained = defineRule({
  code: "overachievement-unexplained",
  severity: "warning",
  kinds: ["self-evaluation"],
  description: {
    zh: "完成值明显高于指标值时要分析原因（财预〔2020〕10号）。",
    en: "An actual well above the target needs its reason analysed.",
  },
  check({ evals, settings }, report) {
    for (const e of evals) {
      if (!e.overachieved) continue;
      const ind = e.indicator;
      if (hasReason(ind.reason?.text)) continue;
      const how =
        e.op === "="
          ? { zh: "超过了指标值", en: "exceeds the target" }
          : { zh: `超出指标值 ${Math.round(settings.overachievementThreshold * 100)}% 以上`, en: `is ${Math.round(settings.overachievementThreshold * 100)}% or more above the target` };
      report(
        ind.reason?.address ?? ind.actualCell!,
        {
          zh: `${rowName(ind).zh}实际 ${ind.actualText}${how.zh}（${ind.targetText}）：请分析超额完成的原因，检查目标设定是否偏低。`,
          en: `${rowName(ind).en}: the actual ${ind.actualText} ${how.en} (${ind.targetText}): explain why, and whether the target was set too low.`,
        },
        ind.row,
      );
    }
  },
});

export const weightSplit = defineRule({
  code: "weight-split",
  severity: "info",
  kinds: ["self-evaluation"],
  description: {
    zh: "一级指标权重建议：产出 50、效益 30、满意度 10、预算执行 10（可调整）。",
    en: "Recommended first-level weights: outputs 50, outcomes 30, satisfaction 10, budget 10 (others allowed).",
  },
  check({ form, evals }, report) {
    let out = 0;
    let eff = 0;
    let sat = 0;
    for (const e of evals) {
      const l = e.indicator.level1;
      const w = e.weight ?? 0;
      if (l.includes("产出")) out += w;
      else if (l.includes("效益")) eff += w;
      else if (l.includes("满意")) sat += w;
    }
    [out, eff, sat] = [out, eff, sat].map((x) => Math.round(x * 100) / 100);
    if (out === 50 && eff === 30 && sat === 10) return;
    report(form.headerCell, {
      zh: `一级指标权重为 产出 ${out}、效益 ${eff}、满意度 ${sat}；财预〔2020〕10号建议 50、30、10，可根据项目实际调整。`,
      en: `First-level weights are outputs ${out}, outcomes ${eff}, satisfaction ${sat}; 50/30/10 is recommended, other splits are allowed.`,
    });
  },
});
