#!/usr/bin/env node
// Runs the Nu Html Checker (the W3C validator, from the vnu-jar package) over every HTML
// file of a built site and fails on any error, printing them (warnings are not shown).
//
//   node tests/browser/vnu.mjs [public]
//
// Needs Java (Debian's default-jre-headless). vnu itself is in node_modules/vnu-jar.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = resolve(here, '..', '..');
const site = resolve(process.argv[2] ?? join(repo, 'public'));
const jar = join(here, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

if (!existsSync(jar)) {
  console.error(`${jar} is missing: run \`npm ci --prefix tests/browser\``);
  process.exit(2);
}
if (!existsSync(join(site, 'index.html'))) {
  console.error(`no built site at ${site}: run \`cargo run --release -- build\``);
  process.exit(2);
}

const run = spawnSync(
  'java',
  ['-jar', jar, '--errors-only', '--skip-non-html', '--format', 'json', site],
  { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
);
if (run.error) {
  console.error(`could not run java: ${run.error.message}`);
  process.exit(2);
}

let messages;
try {
  messages = JSON.parse(run.stderr || '{"messages":[]}').messages;
} catch {
  // Not JSON: vnu itself failed (a Java error). Show what it said.
  console.error(run.stderr || run.stdout);
  process.exit(2);
}

const errors = messages.filter((m) => m.type === 'error' || m.subType === 'fatal');
for (const m of errors) {
  const file = m.url ? relative(site, fileURLToPath(m.url)) : '?';
  const where = m.lastLine ? `:${m.lastLine}:${m.firstColumn ?? m.lastColumn ?? 0}` : '';
  console.log(`${file}${where}: ${m.message}`);
  if (m.extract) console.log(`    ${m.extract.replace(/\s+/g, ' ').trim()}`);
}
if (errors.length || run.status !== 0) {
  console.log(`\nthe Nu Html Checker found ${errors.length} error(s) in ${site}`);
  process.exit(1);
}
console.log(`the Nu Html Checker found no error in ${site}`);
