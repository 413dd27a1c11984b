// `npm ci` prints no engine warning on the Node the README names (issue 18 §3): every package in the
// lockfile accepts this Node (webpack-cli 7 pulled in rechoir 1, which wants Node 22; 6 does not).
import fs from "node:fs";
import path from "node:path";
// semver comes with npm's own tree (no types of its own here): only satisfies is used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const semver = require("semver") as { satisfies(version: string, range: string, opts?: { includePrerelease?: boolean }): boolean };

test("every locked package's engines.node accepts this Node 20", () => {
  const lock = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package-lock.json"), "utf8")) as { packages: Record<string, { engines?: { node?: string } | string[]; optional?: boolean }> };
  expect(process.versions.node.split(".")[0]).toBe("20");
  const refused = Object.entries(lock.packages)
    .filter(([, p]) => p.engines && !Array.isArray(p.engines) && typeof p.engines.node === "string")
    .filter(([, p]) => !semver.satisfies(process.versions.node, (p.engines as { node: string }).node, { includePrerelease: true }))
    .map(([name, p]) => `${name} (${(p.engines as { node: string }).node})`);
  expect(refused).toEqual([]);
});
