// The built commands page (FunctionFile of manifest.xml) as Excel for Windows and Mac runs it:
// office.js is on the page but Office has not started; a ribbon command reaches the page only once
// it has called Office.onReady() or assigned Office.initialize (the emulator's "desktop" platform).
// The page is built here with webpack from the production config, then its scripts are run in the
// order commands.html loads them.
import fs from "fs";
import os from "os";
import path from "path";
import webpack from "webpack";
import { JSDOM } from "jsdom";
import { fromExcelJs, installEmulator, type InstalledOffice } from "../../src/emulator";
import { sampleWorkbook } from "../excel/setup";

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, "../..");
const OUT = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-commands-"));
const SHEET = "绩效自评表";

/** The FunctionName of every ExecuteFunction button of manifest.xml. */
function manifestFunctions(): string[] {
  const doc = new JSDOM(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"), { contentType: "application/xml" }).window.document;
  return [...doc.getElementsByTagName("FunctionName")].map((n) => n.textContent!.trim()).sort();
}

/** Build commands.html and its bundle with the add-in's own webpack config. */
async function buildCommandsPage(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const make = require(path.join(ROOT, "webpack.config.js")) as (env: unknown, argv: { mode: string }) => webpack.Configuration;
  const config = make({ WEBPACK_SERVE: true }, { mode: "production" });
  config.entry = { commands: "./src/commands/commands.ts" };
  config.output = { ...config.output, path: OUT, clean: false };
  config.devtool = false;
  config.context = ROOT;
  config.plugins = (config.plugins ?? []).filter((p) => {
    const name = p?.constructor?.name;
    if (name === "HtmlWebpackPlugin") return (p as unknown as { userOptions: { filename: string } }).userOptions.filename === "commands.html";
    return name !== "CopyWebpackPlugin";
  });
  await new Promise<void>((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err) reject(err);
      else if (stats?.hasErrors()) reject(new Error(stats.toString("errors-only")));
      else resolve();
    }),
  );
}

/** The page's scripts, in order, as files: office.js is left out (the emulator is Office). */
function pageScripts(): string[] {
  const html = fs.readFileSync(path.join(OUT, "commands.html"), "utf8");
  const srcs = [...html.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)"?/g)].map((m) => m[1]);
  expect(srcs[0]).toMatch(/office\.js$/);
  return srcs.slice(1).map((src) => (src === "legacy-guard.js" ? path.join(ROOT, "src/legacy/guard.js") : path.join(OUT, src)));
}

/** A page of the add-in's origin, with the emulated Office and Excel as its globals. */
function page(kind: "commands" | "taskpane"): JSDOM {
  const dom = new JSDOM(`<!doctype html><html data-page="${kind}"><body><div id="root"></div></body></html>`, {
    url: `https://localhost:3000/${kind}.html`,
    runScripts: "outside-only",
  });
  const g = globalThis as Record<string, unknown>;
  Object.assign(dom.window, { Office: g.Office, Excel: g.Excel });
  return dom;
}

function runScripts(dom: JSDOM, files: string[]): void {
  for (const f of files) dom.window.eval(fs.readFileSync(f, "utf8"));
}

/** As IE 11: the modern syntax the guard probes does not compile. */
function asOldWebview(dom: JSDOM): void {
  (dom.window as unknown as Record<string, unknown>).Function = function () {
    throw new SyntaxError("Expected identifier");
  };
}

async function openAndClose(office: InstalledOffice, name: string): Promise<string> {
  const before = office.dialogs.length;
  const d = office.dispatch(name);
  expect(d.delivered).toBe(true);
  for (let i = 0; i < 500 && office.dialogs.length === before; i++) await new Promise((r) => setTimeout(r, 10));
  const dialog = office.dialogs[before];
  expect(dialog).toBeDefined();
  dialog.messageParent("close");
  await d.completed;
  expect(dialog.closed).toBe(true);
  return decodeURIComponent(dialog.url.slice(dialog.url.indexOf("#") + 1));
}

beforeAll(async () => {
  await buildCommandsPage();
});

afterAll(() => fs.rmSync(OUT, { recursive: true, force: true }));


test("the built page starts Office.js and registers every FunctionName of manifest.xml; each command completes", async () => {
  const host = fromExcelJs(await sampleWorkbook("selfeval-defects/blank-scores.xlsx"));
  const office = installEmulator(host, { platform: "desktop" });
  try {
    expect(office.started).toBe(false);
    runScripts(page("commands"), pageScripts());
    // Office.js started by the page itself, before any click.
    expect(office.started).toBe(true);
    const names = manifestFunctions();
    expect(names).toEqual(["checkSheet", "fillSheet"]);
    expect([...office.actions.keys()].sort()).toEqual(names);

    const check = JSON.parse(await openAndClose(office, "checkSheet"));
    expect(check.title.zh).toBe("检查完成");
    expect(host.sheet(SHEET).cfs.length).toBeGreaterThan(0);
    const fill = JSON.parse(await openAndClose(office, "fillSheet"));
    expect(fill.title.zh).toBe("填写完成");
    expect(JSON.stringify(fill.lines)).toContain("已填写 7 个空白单元格");
    expect(host.cell(SHEET, "G13").value).toBe(10);
  } finally {
    office.uninstall();
  }
});

test("a page that never starts Office.js gets no command on the desktop (the control: this test can fail)", async () => {
  const host = fromExcelJs(await sampleWorkbook("selfeval-defects/blank-scores.xlsx"));
  const office = installEmulator(host, { platform: "desktop" });
  try {
    // What the page did before: associate without Office.onReady.
    (globalThis as unknown as { Office: typeof Office }).Office.actions.associate("checkSheet", () => undefined);
    expect(office.dispatch("checkSheet").delivered).toBe(false);
    const web = installEmulator(host, { platform: "web" });
    (globalThis as unknown as { Office: typeof Office }).Office.actions.associate("checkSheet", () => undefined);
    expect(web.dispatch("checkSheet").delivered).toBe(true);
    web.uninstall();
  } finally {
    office.uninstall();
  }
});

test("in an old webview (no ES2020) the page still starts Office and each button says why it cannot run", async () => {
  const host = fromExcelJs(await sampleWorkbook("selfeval-defects/blank-scores.xlsx"));
  const office = installEmulator(host, { platform: "desktop" });
  try {
    // IE 11 cannot compile the modern syntax the guard probes, and never parses the bundle.
    const dom = page("commands");
    asOldWebview(dom);
    runScripts(dom, [path.join(ROOT, "src/legacy/guard.js")]);
    expect((dom.window as unknown as { __jixiaoModern: boolean }).__jixiaoModern).toBe(false);
    await new Promise((r) => setTimeout(r, 5));
    expect(office.started).toBe(true);
    for (const name of manifestFunctions()) {
      const s = JSON.parse(await openAndClose(office, name));
      expect(s.lines[0].zh).toContain("无法运行绩效自评助手");
      expect(s.lines[0].en).toContain("Internet Explorer 11");
    }
    expect(host.sheet(SHEET).cfs).toEqual([]);
  } finally {
    office.uninstall();
  }
});

test("the pane's page in an old webview shows the message instead of a blank pane; a modern one is left alone", async () => {
  const old = page("taskpane");
  asOldWebview(old);
  runScripts(old, [path.join(ROOT, "src/legacy/guard.js")]);
  await new Promise((r) => setTimeout(r, 20));
  const alert = old.window.document.querySelector("#root [role=alert]");
  expect(alert?.textContent).toContain("无法运行绩效自评助手");
  expect(alert?.textContent).toContain("jixiao check");
  const modern = page("taskpane");
  runScripts(modern, [path.join(ROOT, "src/legacy/guard.js")]);
  expect(modern.window.document.querySelector("#root")?.innerHTML).toBe("");
  expect((modern.window as unknown as { __jixiaoModern: boolean }).__jixiaoModern).toBe(true);
});
