import { HALF_CENT } from "../numbers";
import { n2, rowName } from "./helpers";
import { defineRule } from "./types";

export default defineRule({
  code: "score-exceeds-weight",
  severity: "error",
  kinds: ["self-evaluation", "self-evaluation-legacy", "department-self-evaluation"],
  description: { zh: "得分不能高于分值。", en: "A score cannot exceed its weight." },
  mark: "static",
  formulaFigure: false,
  check({ evals }, report) {
    for (const e of evals) {
      if (e.score === null || e.weight === null || e.score <= e.weight + HALF_CENT) continue;
      report(
        e.indicator.score!.address,
        {
          zh: `${rowName(e.indicator).zh}得分 ${n2(e.score)} 高于分值 ${n2(e.weight)}：得分最高为 ${n2(e.weight)}。`,
          en: `${rowName(e.indicator).en}: the score ${n2(e.score)} exceeds the weight ${n2(e.weight)}.`,
        },
        e.indicator.row,
      );
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
      report(block.cell, {
        zh: `“${block.label}”各指标得分合计 ${n2(sum)}，超过该目标的 ${n2(block.weight)} 分：得分不得突破权重总额。`,
        en: `"${block.label}": its scores add up to ${n2(sum)}, above its ${n2(block.weight)} points.`,
      });
    }
  },
});
