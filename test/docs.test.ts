// Every "RULES §N" a comment cites leads to a section of docs/RULES.md: the project states its own
// rules and stands without ../shared.
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.(ts|tsx|js|mjs)$/.test(e.name) ? [p] : [];
  });
}

test("every section the code cites is in docs/RULES.md", () => {
  const rules = fs.readFileSync(path.join(ROOT, "docs/RULES.md"), "utf8");
  const sections = new Set([...rules.matchAll(/^## (\d+)\./gm)].map((m) => m[1]));
  const cited = new Set<string>();
  for (const f of [...sources(path.join(ROOT, "src")), ...sources(path.join(ROOT, "test"))]) {
    for (const m of fs.readFileSync(f, "utf8").matchAll(/RULES §(\d+)/g)) cited.add(m[1]);
  }
  expect(cited.size).toBeGreaterThan(3);
  expect([...cited].filter((s) => !sections.has(s))).toEqual([]);
});
