// One process's figures for a fill against the check of the same form (issue 21 §5), printed as JSON for
// bench.mjs, which runs it in several fresh processes: in one process the two share that process's
// luck (what the compiler made of their code, when its collector ran), which moved the ratio of the
// 5,000-row form from 1.47 to 2.18 between processes of the same build.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { buildWorkbook } from "./generate.mjs";
import { interleaved } from "./peers.mjs";
import { withColumnsToXfd } from "./bloat.mjs";

const require = createRequire(import.meta.url);
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const { checkWorkbookBytes } = require(path.join(root, "dist/xlsx/checkBytes.js"));

const samplesDir = path.join(root, "test/fixtures/samples");
const samples = [];
for (const d of fs.readdirSync(samplesDir)) {
  const p = path.join(samplesDir, d);
  if (fs.statSync(p).isDirectory()) for (const f of fs.readdirSync(p)) if (f.endsWith(".xlsx")) samples.push(new Uint8Array(fs.readFileSync(path.join(p, f))));
}

// Interleaved round by round: timed one after the other, whichever ran second met a machine in another state.
const pair = async (bytesList, rounds) => {
  const { check, fill } = await interleaved(
    {
      check: async () => {
        for (const b of bytesList) await checkWorkbookBytes("x.xlsx", b);
      },
      fill: async () => {
        for (const b of bytesList) await checkWorkbookBytes("x.xlsx", b, { copy: "fill" });
      },
    },
    rounds,
  );
  return { check, fill };
};

const blankForm = new Uint8Array(await buildWorkbook(5000, { blank: true }).xlsx.writeBuffer());
const unexplained = new Uint8Array(await buildWorkbook(20, { blank: true, unexplained: true }).xlsx.writeBuffer());
const toXfd = await withColumnsToXfd(unexplained);
console.log(
  JSON.stringify({
    samples: await pair(samples, 15),
    blank: await pair([blankForm], 11),
    unexplained: await pair(Array(10).fill(unexplained), 15),
    columnsToXfd: await pair(Array(10).fill(toXfd), 15),
  }),
);
