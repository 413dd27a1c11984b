// A stand-in for dist/cli/checkWorker.js in the pool's tests: what a job's file says is what it does
// ("ok 20": answers after 20 ms; "hang", "exit", "crash", "oom"). Like the real worker it checks one
// job at a time, the others waiting in its queue; each answer says how many jobs waited when it was
// done (the next one, when the pool sends ahead), and which thread answered.
const fs = require("node:fs");
const { setTimeout: wait } = require("node:timers/promises");
const { parentPort, threadId } = require("node:worker_threads");

const queue = [];
let busy = false;
parentPort.on("message", (job) => {
  queue.push(job);
  if (!busy) void drain();
});

async function drain() {
  busy = true;
  for (let job = queue.shift(); job; job = queue.shift()) await run(job);
  busy = false;
}

async function run(job) {
  const what = fs.readFileSync(job.file, "utf8").trim();
  const [verb, arg] = what.split(/\s+/);
  if (verb === "hang") return new Promise(() => undefined);
  if (verb === "exit") process.exit(3);
  if (verb === "crash") return parentPort.postMessage({ id: job.id, crash: "boom" });
  if (verb === "oom") {
    const keep = [];
    for (;;) keep.push(new Array(1e6).fill(keep.length));
  }
  await wait(Number(arg ?? 0));
  parentPort.postMessage({ id: job.id, result: { file: job.file, sheets: [], waiting: queue.length, threadId } });
}
