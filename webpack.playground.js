// Webpack config for the playground: the real task pane (src/taskpane/App.tsx) beside an emulated
// Excel (src/emulator) showing a sample workbook as a grid. No office.js and no network at run time.
//
//   npm run playground           http://localhost:3001 (webpack-dev-server, plain HTTP)
//   npm run build:playground     a static build in dist-playground/ (what test/e2e/run.mjs serves)
"use strict";

const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { browserCodec, excelJsChunk, excelJsNoParse, ExcelJsIsMinified, typescriptRule } = require("./webpack.shared.js");

const SAMPLES_DIR = path.resolve(__dirname, "test/fixtures/samples");
const OUT_DIR = path.resolve(__dirname, "dist-playground");

/** Every .xlsx under test/fixtures/samples, as "folder/file.xlsx" with forward slashes, sorted. */
function sampleFiles(dir = SAMPLES_DIR, prefix = "") {
  if (!fs.existsSync(dir)) return [];
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...sampleFiles(path.join(dir, entry.name), rel));
    else if (/\.xlsx$/i.test(entry.name)) out.push(rel);
  }
  return out.sort();
}

module.exports = (env, argv) => {
  const dev = argv.mode !== "production";
  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "eval-cheap-module-source-map" : false,
    // The add-in's real commands page beside the playground, framed by its ribbon strip.
    entry: { playground: "./playground/src/main.tsx", commands: "./src/commands/commands.ts" },
    output: {
      path: OUT_DIR,
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { noParse: excelJsNoParse, rules: [typescriptRule] },
    optimization: { splitChunks: { cacheGroups: excelJsChunk } },
    plugins: [
      browserCodec,
      new ExcelJsIsMinified(),
      new webpack.DefinePlugin({ __JIXIAO_SAMPLES__: JSON.stringify(sampleFiles()) }),
      new HtmlWebpackPlugin({ filename: "index.html", template: "./playground/index.html", chunks: ["playground"] }),
      // office.js is the emulator of the playground's window there (playground/public/emulated-office.js).
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"], templateParameters: { officeJsUrl: "emulated-office.js" } }),
      new HtmlWebpackPlugin({ filename: "dialog.html", template: "./src/dialog/dialog.html", chunks: [], templateParameters: { officeJsUrl: "emulated-office.js" } }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "**/*.xlsx", context: SAMPLES_DIR, to: "samples/[path][name][ext]" },
          { from: "src/legacy/guard.js", to: "legacy-guard.js", info: { minimized: true } },
          { from: "src/dialog/dialog.js", to: "dialog.js", info: { minimized: true } },
          { from: "playground/public/emulated-office.js", to: "emulated-office.js", info: { minimized: true } },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      port: 3001,
      host: "localhost",
      server: "http",
      open: false,
      client: { overlay: { warnings: false, errors: true } },
      static: false,
    },
  };
};

module.exports.sampleFiles = sampleFiles;
