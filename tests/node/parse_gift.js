// Parse a GIFT file with gift-pegjs (an independent GIFT parser) and print the questions as JSON.
// Usage: node parse_gift.js FILE.gift   (exit 2 when the file does not parse, with the parser's message)
"use strict";
const fs = require("fs");
const path = require("path");

let parse;
try {
  ({ parse } = require(path.join(__dirname, "node_modules", "gift-pegjs")));
} catch (err) {
  process.stderr.write("gift-pegjs is not installed (run: npm install --prefix tests/node)\n");
  process.exit(3);
}

const file = process.argv[2];
if (!file) {
  process.stderr.write("usage: node parse_gift.js FILE.gift\n");
  process.exit(64);
}
try {
  const questions = parse(fs.readFileSync(file, "utf8"));
  process.stdout.write(JSON.stringify(questions, null, 1) + "\n");
} catch (err) {
  const where = err.location ? ` at line ${err.location.start.line}, column ${err.location.start.column}` : "";
  process.stderr.write(`${file}: ${err.message}${where}\n`);
  process.exit(2);
}
