#!/usr/bin/env node
// Thin launcher: the CLI is written in TypeScript (core/cli) and compiled to dist by `npm run build`,
// which `npm install` runs through the root `prepare` script.
import { main } from "../dist/cli/main.js";

process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
