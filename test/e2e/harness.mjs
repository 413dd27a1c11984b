// What the end-to-end runs share (run.mjs: the playground; web.mjs: the web checker; release.mjs: the
// release): Debian's Chromium with the flags that keep it off the network, a small test runner, a file walk.
import fs from "node:fs";
import path from "node:path";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** Named tests run one after the other; each failure is kept and printed, and the run goes on. */
export function createRunner() {
  const results = [];
  let current = "";
  async function test(name, fn) {
    current = name;
    const started = Date.now();
    try {
      await fn();
      results.push({ name, ok: true, ms: Date.now() - started });
      console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      results.push({ name, ok: false, ms: Date.now() - started, error: message });
      console.log(`  ✗ ${name}\n      ${message.split("\n").join("\n      ")}`);
    }
  }
  return { results, test, current: () => current };
}

/** Files under dir whose names match re, sorted. */
export function walk(dir, re) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(p, re));
    else if (re.test(entry.name)) out.push(p);
  }
  return out.sort();
}

export function check(cond, message) {
  if (!cond) throw new Error(message);
}
