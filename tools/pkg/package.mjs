// Writes pkg/package.json: the npm package a bundler imports (`import { mount } from "news-widget"`).
import { readFileSync, writeFileSync } from "node:fs";

const cargo = readFileSync(new URL("../../Cargo.toml", import.meta.url), "utf8");
const field = (name) => cargo.match(new RegExp(`^${name} = "(.*)"`, "m"))?.[1];
const pkg = {
  name: "news-widget",
  version: field("version"),
  description: field("description"),
  license: field("license"),
  type: "module",
  module: "index.js",
  main: "index.js",
  types: "index.d.ts",
  exports: { ".": { types: "./index.d.ts", default: "./index.js" } },
  // The module's later parts (split_*.wasm) sit beside it: the glue fetches them by
  // `new URL("./split_….wasm", import.meta.url)`, which bundlers copy as assets.
  files: ["index.js", "index.d.ts", "news-widget.d.ts", "news_widget.js", "*.wasm"],
  sideEffects: false,
};
writeFileSync(new URL("../../pkg/package.json", import.meta.url), JSON.stringify(pkg, null, 2) + "\n");
