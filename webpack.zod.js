// The command's zod (src/core/zod.ts): the functions the project uses, tree-shaken from zod's ES
// modules into one CommonJS file, written over the re-export tsc made of it (`npm run build:cli`).
// zod/mini's CommonJS entry loads all of zod (its JSON Schema code, its forty-odd locales): 65–90 ms
// of each thread's start, the command's and each worker's; this file loads in about 5.
//
//   npx webpack --config webpack.zod.js     → dist/core/zod.js
"use strict";

const path = require("path");
const { zodEsModules } = require("./webpack.shared");

module.exports = (env = {}) => ({
  mode: "production",
  target: "node20",
  devtool: false,
  entry: "./src/core/zod.ts",
  output: {
    path: path.resolve(__dirname, env.out || "dist/core"),
    filename: "zod.js",
    library: { type: "commonjs2" },
    clean: false,
  },
  resolve: { extensions: [".ts", ".js"], alias: zodEsModules.alias },
  module: { rules: [zodEsModules.rule] },
  optimization: { minimize: true },
  performance: { hints: false },
  stats: "errors-warnings",
});
