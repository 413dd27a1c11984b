// The command's worker in one file (`npm run build:cli`, after tsc and webpack.zod.js): the modules
// tsc made of src/cli/checkWorker.ts and what it imports, bundled from dist/ into
// dist/cli/checkWorker.bundle.js. Each worker thread then loads one file, not some 110: about 38 ms
// against 70 here, which is on the path of every cold check (one form from a cold start: medians of
// 318 → 295 ms). The packages stay outside, loaded from node_modules as before, and only when used
// (ExcelJS and SheetJS for what the package reader leaves). Not minified: a stack trace stays readable.
//
//   npx webpack --config webpack.worker.js     → dist/cli/checkWorker.bundle.js
"use strict";

const path = require("path");

module.exports = (env = {}) => ({
  mode: "production",
  target: "node20",
  devtool: false,
  entry: path.resolve(__dirname, env.dist || "dist", "cli/checkWorker.js"),
  output: {
    path: path.resolve(__dirname, env.dist || "dist", "cli"),
    filename: "checkWorker.bundle.js",
    library: { type: "commonjs2" },
    clean: false,
    // Written on every build, even unchanged: the pool runs the bundle only when it is at least as new
    // as the compiled worker, which tsc writes on every build (webpack would otherwise keep the old
    // file, and its old time, and the worker would fall back to the separate modules).
    compareBeforeEmit: false,
  },
  // A package (a bare name: exceljs, @e965/xlsx, ssf) is required at run time as before.
  externals: [({ request }, callback) => (/^[a-z@]/i.test(request) ? callback(null, `commonjs ${request}`) : callback())],
  // __dirname and __filename are the bundle's own at run time, as they were each module's.
  node: { __filename: false, __dirname: false },
  optimization: { minimize: false },
  performance: { hints: false },
  stats: "errors-warnings",
});
