import { HALF_CENT } from "../numbers";
import { n2, rowName } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "score-exceeds-weight",
  severity: "error",
  title: { zh: "得分超过分值", en: "Score above weight" },
  requires: ["scores", "weights"],
  description: { zh: "得分不能高于分值。", en: "A score cannot exceed its weight." },
  mark: "static",
  formulaFigure: false,
  messages: {
    row: {
      zh: "{who}得分 {score} 高于分值 {weight}：得分最高为 {weight}。",
      en: "{who}: the score {score} exceeds the weight {weight}.",
    },
    block: {
      zh: "“{label}”各指标得分合计 {sum}，超过该目标的 {weight} 分：得分不得突破权重总额。",
      en: "\"{label}\": its scores add up to {sum}, above its {weight} points.",
    },
  },
  check({ evals }, report) {
    for (const e of evals) {
      if (e.score === null || e.weight === null || e.score <= e.weight + HALF_CENT) continue;
      report({ cell: e.indicator.score!.address, messageId: "row", data: { who: rowName(e.indicator), score: n2(e.score), weight: n2(e.weight) }, row: e.indicator.row });
    }
    // Hubei: a block's scores together stay within its label, "得分不得突破权重总额" (RULES-2 §9.3).
    const blocks = new Map<string, { block: NonNullable<(typeof evals)[number]["indicator"]["block"]>; sum: number }>();
    for (const e of evals) {
      const b = e.indicator.block;
      if (!b || e.weight !== null || e.score === null) continue;
      const s = blocks.get(b.cell) ?? { block: b, sum: 0 };
      s.sum += e.score;
      blocks.set(b.cell, s);
    }
    for (const { block, sum } of blocks.values()) {
      if (sum <= block.weight + HALF_CENT) continue;
      report({ cell: block.cell, messageId: "block", data: { label: block.label, sum: n2(sum), weight: n2(block.weight) } });
    }
  },
});
