"use node";
// A CommonJS dependency, as many npm packages still are (web-push is one): bundled into an ES
// module, its require() of a Node built-in needs the global `require` Convex's Node runtime sets.
/* global require, module */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS module on purpose */
const crypto = require("crypto");

module.exports = {
  md5: (text) => crypto.createHash("md5").update(text).digest("hex"),
};
