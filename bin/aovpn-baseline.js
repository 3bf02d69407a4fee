#!/usr/bin/env node
// Entry point of the installed command. Run `npm run build` first in a clone.
import { runCli } from '../dist/cli/main.js';

const exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
});
process.exitCode = exitCode;
