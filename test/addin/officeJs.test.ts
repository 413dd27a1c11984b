// The offline build's office.js: downloaded once from the CDN on a connected machine (here: a
// server on 127.0.0.1 standing in for it), imported with one command, and served by the build in
// place of the npm package's 2022 runtime.
import fs from "fs";
import http from "http";
import os from "os";
import path from "path";
import type { AddressInfo } from "net";

const ROOT = path.resolve(__dirname, "../..");
const PACKAGE = path.join(ROOT, "node_modules/@microsoft/office-js/dist");

interface Script {
  download(dir: string, opts: { base: string; log?: (s: string) => void }): Promise<{ count: number; missing: string[]; version: string | null }>;
  importFolder(dir: string, opts: { target: string; log?: (s: string) => void }): { version: string | null; files: number };
  checkFolder(dir: string): { ok: boolean; problems: string[]; version: string | null };
  libraryVersion(text: string): string | null;
  wantedFiles(files: string[], officeJs?: string): string[];
  REQUIRED: string[];
}

let script: Script;
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-officejs-"));
const quiet = () => undefined;

beforeAll(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  script = require(path.join(ROOT, "scripts/office-js.js")) as Script;
});

/** A CDN of a "current" library: the package's files, office.js claiming a newer build. */
function fakeCdn(): Promise<{ base: string; close: () => Promise<void>; requests: string[] }> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent((req.url ?? "/").replace(/^\/lib\/1\/hosted\//, ""));
    requests.push(rel);
    const file = path.join(PACKAGE, rel);
    if (!rel || rel.includes("..") || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    let body = fs.readFileSync(file);
    if (rel === "office.js") body = Buffer.from(body.toString("utf8").replace(/16\.0\.15407/g, "16.0.19999"));
    res.writeHead(200, { "content-type": "application/javascript" }).end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ base: `http://127.0.0.1:${port}/lib/1/hosted/`, requests, close: () => new Promise((r) => server.close(() => r())) });
    }),
  );
}

test("the npm package's office.js is the 2022 runtime (16.0.15407)", () => {
  expect(script.libraryVersion(fs.readFileSync(path.join(PACKAGE, "office.js"), "utf8"))).toBe("16.0.15407");
});

test("download fetches office.js and the release files Excel loads, skipping debug builds", async () => {
  const cdn = await fakeCdn();
  const dir = tmp();
  try {
    const out = await script.download(dir, { base: cdn.base, log: quiet });
    expect(out.version).toBe("16.0.19999");
    for (const f of script.REQUIRED) expect(fs.existsSync(path.join(dir, f))).toBe(true);
    expect(fs.existsSync(path.join(dir, "zh-cn/office_strings.js"))).toBe(true);
    expect(cdn.requests.some((r) => r.endsWith(".debug.js"))).toBe(false);
    expect(script.checkFolder(dir)).toMatchObject({ ok: true, version: "16.0.19999" });
  } finally {
    await cdn.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

test("import refuses a folder without what Excel needs, and copies a good one", () => {
  const bad = tmp();
  const target = path.join(tmp(), "office-js");
  try {
    fs.writeFileSync(path.join(bad, "office.js"), "x");
    expect(() => script.importFolder(bad, { target, log: quiet })).toThrow(/excel-win32-16\.01\.js/);
    expect(fs.existsSync(target)).toBe(false);
    const good = tmp();
    for (const f of script.REQUIRED) fs.copyFileSync(path.join(PACKAGE, f), path.join(good, f));
    const info = script.importFolder(good, { target, log: quiet });
    expect(info.version).toBe("16.0.15407");
    expect(fs.readFileSync(path.join(target, "office.js"))).toEqual(fs.readFileSync(path.join(PACKAGE, "office.js")));
    expect(JSON.parse(fs.readFileSync(path.join(target, "jixiao-office-js.json"), "utf8")).version).toBe("16.0.15407");
    fs.rmSync(good, { recursive: true, force: true });
  } finally {
    fs.rmSync(bad, { recursive: true, force: true });
    fs.rmSync(path.dirname(target), { recursive: true, force: true });
  }
});

test("the build serves OFFICE_JS_DIR, else an imported copy, else the npm package", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { officeJsSource } = require(path.join(ROOT, "webpack.config.js")) as { officeJsSource: (env: Record<string, string | undefined>) => { dir: string; kind: string } };
  const dir = tmp();
  try {
    fs.writeFileSync(path.join(dir, "office.js"), "// office.js");
    expect(officeJsSource({ OFFICE_JS_DIR: dir })).toEqual({ dir, kind: "folder" });
    const vendored = fs.existsSync(path.join(ROOT, "vendor/office-js/office.js"));
    expect(officeJsSource({}).kind).toBe(vendored ? "imported" : "npm");
    expect(() => officeJsSource({ OFFICE_JS_DIR: path.join(dir, "nothing") })).toThrow(/no office\.js/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
