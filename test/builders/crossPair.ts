import fs from "node:fs";
import path from "node:path";
import { buildSelfEval, buildTargets, plainSpec, standardIndicators } from "../core/rules/support";

/**
 * A target declaration and the self-evaluation of the same project (测试项目) whose first target was
 * changed to ≥20.00(项), written as 目标表.xlsx and 自评表.xlsx in `dir`: the cross-check's case.
 */
export async function writeCrossPair(dir: string): Promise<{ declared: string; stated: string }> {
  const targets = buildTargets("2024", standardIndicators().map((i) => ({ l1: i.l1, l2: i.l2, name: i.name, target: i.target })));
  targets.builder.set(3, 2, "测试项目");
  const spec = plainSpec();
  spec.indicators[0].target = "≥20.00(项)";
  const declared = path.join(dir, "目标表.xlsx");
  const stated = path.join(dir, "自评表.xlsx");
  fs.writeFileSync(declared, await targets.builder.toBuffer());
  fs.writeFileSync(stated, await buildSelfEval(spec).builder.toBuffer());
  return { declared, stated };
}
