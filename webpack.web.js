// Webpack config for the offline web checker (src/web): a static page in dist/web/ that checks
// workbooks entirely in the browser, with relative URLs only, so it can be served from any folder of
// the intranet server that serves the add-in (or opened from disk, where it runs without workers).
//
//   npm run build:web            dist/web/ (npm run build makes it too)
"use strict";

const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { browserCodec, excelJsChunk, excelJsNoParse, ExcelJsIsMinified, typescriptRule } = require("./webpack.shared.js");

const OUT_DIR = path.resolve(__dirname, "dist/web");
const VERSION = require("./package.json").version;

module.exports = (env, argv) => {
  const dev = argv.mode !== "production";
  // The worker's URL carries the build, so a new release is not served from an old cache.
  const build = `${VERSION}-${Date.now().toString(36)}`;
  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "eval-cheap-module-source-map" : false,
    entry: {
      web: "./src/web/index.tsx",
      "check-worker": { import: "./src/web/services/check.worker.ts", filename: "check-worker.js", chunkLoading: "import-scripts" },
    },
    output: {
      path: OUT_DIR,
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      // Relative to the page (and, in the worker, to the worker's own URL): any folder will do.
      publicPath: "auto",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    // The worker's warm-up form (src/web/services/warmUp.ts) goes into its script, as a data URL.
    module: { noParse: excelJsNoParse, rules: [typescriptRule, { test: /\.xlsx$/, type: "asset/inline" }] },
    optimization: { splitChunks: { cacheGroups: excelJsChunk } },
    plugins: [
      browserCodec,
      new ExcelJsIsMinified(),
      new webpack.DefinePlugin({ __JIXIAO_VERSION__: JSON.stringify(VERSION), __JIXIAO_WORKER__: JSON.stringify(`check-worker.js?v=${build}`) }),
      new HtmlWebpackPlugin({ filename: "index.html", template: "./src/web/index.html", chunks: ["web"] }),
    ],
    performance: { hints: false },
  };
};
