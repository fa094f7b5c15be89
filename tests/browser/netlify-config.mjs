#!/usr/bin/env node
// Loads the repository's netlify.toml with Netlify's own parser, @netlify/config (the module
// Netlify's build and CLI use), for each deploy context we configure, and fails on any error
// it throws or any warning it logs (a header or redirect it could not parse, a header given
// twice with different cases, …). Prints the resolved build command, redirects and headers.
//
//   node tests/browser/netlify-config.mjs [path/to/netlify.toml]
//
// `offline: true` keeps it from asking Netlify's API for site settings; `buffer: true` makes
// it return its logs instead of printing them, so we can tell a warning from silence.

import { resolveConfig } from '@netlify/config';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const configPath = resolve(process.argv[2] ?? resolve(root, 'netlify.toml'));

const CONTEXTS = ['production', 'deploy-preview', 'branch-deploy'];

/** Resolves netlify.toml in one deploy context; returns its config and what it logged. */
export async function loadNetlifyConfig(context = 'production', path = configPath) {
  const result = await resolveConfig({
    config: path,
    repositoryRoot: dirname(path),
    cwd: dirname(path),
    context,
    branch: context === 'production' ? 'main' : 'some-branch',
    offline: true,
    buffer: true,
    // The environment of the machine running the check must not change what is checked.
    env: {},
  });
  const logs = [...(result.logs?.stdout ?? []), ...(result.logs?.stderr ?? [])]
    .map((line) => String(line).replace(/\u200B/g, '').trim())
    .filter(Boolean);
  return { config: result.config, logs };
}

async function main() {
  const problems = [];
  let production;
  for (const context of CONTEXTS) {
    let loaded;
    try {
      loaded = await loadNetlifyConfig(context);
    } catch (error) {
      problems.push(`${context}: ${error.message ?? error}`);
      continue;
    }
    for (const line of loaded.logs) {
      problems.push(`${context}: ${line}`);
    }
    console.log(`${context}: build.command = ${loaded.config.build?.command}`);
    if (context === 'production') production = loaded.config;
  }

  if (production) {
    console.log(`publish = ${production.build?.publish}`);
    console.log('\nredirects (first match wins):');
    for (const r of production.redirects ?? []) {
      const conditions = r.conditions && Object.keys(r.conditions).length
        ? ` if ${JSON.stringify(r.conditions)}`
        : '';
      console.log(`  ${r.from} -> ${r.to} ${r.status ?? 301}${r.force ? ' force' : ''}${conditions}`);
    }
    console.log('\nheaders (every matching block applies):');
    for (const h of production.headers ?? []) {
      console.log(`  ${h.for}`);
      for (const [name, value] of Object.entries(h.values ?? {})) {
        console.log(`    ${name}: ${value}`);
      }
    }
    if (!(production.redirects ?? []).length) problems.push('no redirect was resolved');
    if (!(production.headers ?? []).length) problems.push('no header rule was resolved');
  }

  if (problems.length) {
    console.error(`\n${configPath}: @netlify/config reported ${problems.length} problem(s):`);
    for (const p of problems) console.error(`  ${p}`);
    process.exit(1);
  }
  console.log(`\n${configPath}: @netlify/config loaded it without an error or a warning`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
