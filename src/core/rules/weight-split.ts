import { defineRule } from "./types";

export default defineRule({
  code: "weight-split",
  severity: "info",
  title: { zh: "一级指标权重分配", en: "First-level weight split" },
  requires: ["weightSplit"],
  description: {
    zh: "一级指标权重建议：产出 50、效益 30、满意度 10、预算执行 10（可调整）。",
    en: "Recommended first-level weights: outputs 50, outcomes 30, satisfaction 10, budget 10 (others allowed).",
  },
  mark: "static",
  formulaFigure: false,
  messages: {
    split: {
      zh: "一级指标权重为 产出 {outputs}、效益 {outcomes}、满意度 {satisfaction}；财预〔2020〕10号建议 50、30、10，可根据项目实际调整。",
      en: "First-level weights are outputs {outputs}, outcomes {outcomes}, satisfaction {satisfaction}; 50/30/10 is recommended, other splits are allowed.",
    },
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
    report({ cell: form.headerCell, messageId: "split", data: { outputs: out, outcomes: eff, satisfaction: sat } });
  },
});
