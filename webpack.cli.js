// The command as one file for the release (scripts/release.mjs): cli/jixiao.cjs runs with a plain
// `node`, nothing installed beside it. The same file is the worker of each file's check.
//
//   npx webpack --config webpack.cli.js --mode production     → release-build/cli/jixiao.cjs
"use strict";

const path = require("path");
const webpack = require("webpack");
const { zodEsModules } = require("./webpack.shared");

const VERSION = require("./package.json").version;

module.exports = (env = {}) => ({
  mode: "production",
  target: "node20",
  devtool: false,
  entry: "./src/cli/bundle.ts",
  output: {
    path: path.resolve(__dirname, env.out || "release-build/cli"),
    filename: "jixiao.cjs",
    library: { type: "commonjs2" },
    chunkFormat: "commonjs",
    clean: false,
  },
  // __filename is the bundle's own path at run time (the worker script).
  node: { __filename: false, __dirname: false },
  resolve: {
    extensions: [".ts", ".js"],
    conditionNames: ["node", "require", "default"],
    alias: zodEsModules.alias,
  },
  module: {
    rules: [
      // zod as ES modules: only what src/core/zod.ts names (webpack.shared.js).
      zodEsModules.rule,
      {
        test: /\.ts$/,
        exclude: [/node_modules/, zodEsModules.door],
        use: { loader: "ts-loader", options: { configFile: "tsconfig.cli.json", transpileOnly: true } },
      },
    ],
  },
  optimization: { minimize: true },
  performance: { hints: false },
  plugins: [
    // One file: the lazily imported readers are inlined rather than split into chunks.
    new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
    new webpack.DefinePlugin({ __JIXIAO_VERSION__: JSON.stringify(VERSION) }),
    new webpack.BannerPlugin({ banner: "#!/usr/bin/env node", raw: true }),
  ],
});
