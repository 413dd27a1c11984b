// Webpack config for the Excel add-in (task pane + ribbon commands). JavaScript on purpose: a .ts config
// needs a loader that wants Node 22.
//
//   npm run build                      production bundle in dist/ (next to the CLI that tsc writes there)
//   ADDIN_BASE_URL=https://host/path/ npm run build
//                                      dist/manifest.xml points at that base instead of https://localhost:3000/
//   OFFICE_JS_CDN=1 npm run build      pages load office.js from Microsoft's CDN instead of dist/office-js/
//   OFFICE_JS_CDN=21vianet npm run build   … from the CDN of Office 365 operated by 21Vianet (China)
//   CATALOG_SHARE=\\server\share npm run build
//                                      also writes dist/TrustNetworkShareCatalog.reg, trusting that share
//   npm run office-js:import -- <dir>  then npm run build: dist/office-js/ is that current CDN copy
//                                      (vendor/office-js/) instead of the npm package's 2022 runtime;
//                                      OFFICE_JS_DIR=<dir> npm run build does the same without importing
//   npm run dev-server                 https://localhost:3000/ with the office-addin-dev-certs certificates
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { DEV_BASE_URL, buildManifest, checkBaseUrl } = require("./scripts/manifest-url.js");
const { OFFICE_JS_LOCAL, catalogReg, officeJsUrl, regFileBytes } = require("./scripts/deploy-files.js");
const OFFICE_JS_PACKAGE = path.resolve(__dirname, "node_modules/@microsoft/office-js/dist");
const OFFICE_JS_VENDOR = path.resolve(__dirname, "vendor/office-js");

/**
 * Where dist/office-js/ comes from: OFFICE_JS_DIR, else a copy imported with `npm run office-js:import`
 * (vendor/office-js/), else the npm package, whose 2022 runtime lacks notes (ExcelApi 1.18) and
 * mergeUndoGroup (1.20).
 */
function officeJsSource(env = process.env) {
  if (env.OFFICE_JS_DIR) {
    const dir = path.resolve(env.OFFICE_JS_DIR);
    if (!fs.existsSync(path.join(dir, "office.js"))) throw new Error(`webpack.config.js: OFFICE_JS_DIR ${dir} has no office.js`);
    return { dir, kind: "folder" };
  }
  if (fs.existsSync(path.join(OFFICE_JS_VENDOR, "office.js"))) return { dir: OFFICE_JS_VENDOR, kind: "imported" };
  return { dir: OFFICE_JS_PACKAGE, kind: "npm" };
}
const CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");

/** The three files of `node scripts/dev-certs.mjs` (office-addin-dev-certs), or undefined when absent. */
function devCertificates() {
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  const paths = Object.values(files).map((f) => path.join(CERT_DIR, f));
  if (!paths.every((p) => fs.existsSync(p))) return undefined;
  return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(CERT_DIR, f))]));
}

/** Files under dist/ that webpack writes (everything else there, e.g. dist/cli from tsc, is kept). */
function isWebpackOutput(relativePath) {
  const parts = relativePath.split(/[\\/]/);
  return parts.length === 1 || parts[0] === "assets" || parts[0] === "office-js";
}

module.exports = (env, argv) => {
  const dev = argv.mode !== "production";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  let officeJsAt;
  try {
    officeJsAt = officeJsUrl(process.env.OFFICE_JS_CDN);
  } catch (err) {
    throw new Error(`webpack.config.js: ${err.message}`);
  }
  const useCdn = officeJsAt !== OFFICE_JS_LOCAL;

  let baseUrl = DEV_BASE_URL;
  if (process.env.ADDIN_BASE_URL !== undefined) {
    try {
      baseUrl = checkBaseUrl(process.env.ADDIN_BASE_URL);
    } catch (err) {
      throw new Error(`webpack.config.js: ${err.message}`);
    }
  } else if (!dev) {
    console.log(`webpack.config.js: ADDIN_BASE_URL is not set, dist/manifest.xml keeps ${DEV_BASE_URL}`);
  }

  const templateParameters = { officeJsUrl: officeJsAt };
  const officeJs = officeJsSource();
  if (!useCdn && !serving && !dev && officeJs.kind === "npm") {
    console.log(
      "webpack.config.js: dist/office-js/ is the npm package's 2022 office.js (no notes, no single undo step); " +
        "run `npm run office-js:import -- <folder>` with files from `node scripts/office-js.js download` for a current one",
    );
  }

  const copyPatterns = [
    { from: "assets/*.png", to: "assets/[name][ext]" },
    // Plain ES5, copied as they are: they must run in the old webviews too.
    { from: "src/legacy/guard.js", to: "legacy-guard.js", info: { minimized: true } },
    { from: "src/dialog/dialog.js", to: "dialog.js", info: { minimized: true } },
    {
      from: "manifest.xml",
      to: "manifest.xml",
      transform: { transformer: (content) => buildManifest(content.toString("utf8"), baseUrl), cache: false },
    },
  ];
  if (process.env.CATALOG_SHARE) {
    const reg = regFileBytes(catalogReg(process.env.CATALOG_SHARE));
    copyPatterns.push({ from: "manifest.xml", to: "TrustNetworkShareCatalog.reg", transform: { transformer: () => reg, cache: false }, info: { minimized: true } });
  }
  // The dev server serves office.js straight from node_modules (devServer.static below) rather than
  // holding 86 MB of copies in memory.
  if (!serving) {
    copyPatterns.push({
      from: officeJs.dir,
      to: "office-js",
      info: { minimized: true }, // already minified: keep Terser away from 700 files
    });
  }

  const certs = serving ? devCertificates() : undefined;
  if (serving && !certs) {
    console.warn(
      `webpack.config.js: no certificates in ${CERT_DIR} (run node scripts/dev-certs.mjs); ` +
        "the dev server uses a throwaway self-signed certificate",
    );
  }

  return {
    mode: dev ? "development" : "production",
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // Office caches add-in files hard: content hashes make a new release load new code.
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: { keep: (p) => !isWebpackOutput(p) },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: "tsconfig.json",
              transpileOnly: true,
              // tsconfig.json emits CommonJS for jest and the CLI; ES modules let webpack tree-shake Fluent UI.
              compilerOptions: { module: "esnext" },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        templateParameters,
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        templateParameters,
      }),
      new HtmlWebpackPlugin({
        filename: "dialog.html",
        template: "./src/dialog/dialog.html",
        chunks: [],
        templateParameters,
      }),
      new CopyWebpackPlugin({ patterns: copyPatterns }),
    ],
    performance: {
      // office.js's own files are big and not ours to shrink.
      assetFilter: (file) => /\.js$/.test(file) && !file.startsWith("office-js/"),
      maxAssetSize: 600 * 1024,
      maxEntrypointSize: 600 * 1024,
    },
    devServer: {
      port: 3000,
      server: certs ? { type: "https", options: certs } : { type: "https" },
      headers: { "Access-Control-Allow-Origin": "*" },
      static: [{ directory: officeJsSource().dir, publicPath: "/office-js", watch: false }],
    },
  };
};

module.exports.officeJsSource = officeJsSource;
