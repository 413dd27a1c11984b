// npm run demo — checks the bundled example workbooks, then fills a copy of one. Always exits 0:
// finding errors in the examples is the point.
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const { main } = createRequire(import.meta.url)(path.join(root, "dist/cli/jixiao.js"));
const examples = ["绩效自评表-待填写.xlsx", "绩效自评表-缺少说明.xlsx"].map((f) => path.join("examples", f));
process.chdir(root);
fs.mkdirSync("test-output", { recursive: true });

console.log("$ jixiao check " + examples.join(" ") + "\n");
await main(["check", ...examples, "--quiet"]);
const out = path.join("test-output", "绩效自评表-已填写.xlsx");
console.log(`\n$ jixiao check ${examples[0]} --fix --out ${out}\n`);
await main(["check", examples[0], "--fix", "--out", out]);
console.log(`打开 ${out} 查看填入的得分、总分和等级。(Open it to see the filled scores, total and grade.)`);
