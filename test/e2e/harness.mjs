// What both end-to-end runs share (run.mjs: the playground; web.mjs: the web checker): Debian's
// Chromium with the flags that keep it off the network, and a small test runner.

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

export function check(cond, message) {
  if (!cond) throw new Error(message);
}
