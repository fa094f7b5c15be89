#!/usr/bin/env node
// Lighthouse over a built site, in Debian's Chromium, served by serve.mjs (netlify.toml's
// headers) on 127.0.0.1:PORT.
//
//   cargo run --release -- build --base-url http://127.0.0.1:4517/ --output /tmp/marsad-lh
//   node tests/browser/lighthouse.mjs /tmp/marsad-lh [--port 4517] [--runs 3]
//
// The site must be built for the URL it is served at: its canonical and hreflang links are
// absolute, and Lighthouse's canonical audit fails when they point to another origin (the
// production site). The script refuses a folder built for another URL.
//
// Audits home and one article (the first, by path) in French and in Arabic, with
// Lighthouse's default mobile settings (emulated phone, simulated slow 4G and CPU), in the
// categories performance, accessibility, best practices and SEO. Each page is audited
// `--runs` times and the median score per category is kept, since performance varies from
// run to run. Prints a table of the medians; writes every run's report (JSON and HTML) to
// tests/browser/artefacts/ (or MARSAD_ARTEFACTS). Exits 1 unless accessibility and SEO are
// 100 and performance and best practices at least 95 for every page, after listing the
// audits that cost points in each failing category.

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startServer } from './serve.mjs';
import { ARTEFACTS, CHROMIUM, CHROMIUM_ARGS, LANGS, htmlFiles, pageKinds } from './site.mjs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const MINIMUM = { performance: 95, accessibility: 100, 'best-practices': 95, seo: 100 };

function parseArgs(argv) {
  const args = { folder: null, port: 4517, runs: 3 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--port') args.port = Number(argv[++i]);
    else if (argv[i] === '--runs') args.runs = Number(argv[++i]);
    else args.folder = resolve(argv[i]);
  }
  if (!args.folder || !Number.isInteger(args.port) || !(args.runs >= 1)) {
    console.error('usage: node tests/browser/lighthouse.mjs <built site> [--port N] [--runs N]');
    process.exit(2);
  }
  return args;
}

/** Fails early when the folder was built for another URL than the one it will be served at. */
async function assertBuiltFor(folder, origin) {
  const html = await readFile(join(folder, 'fr', 'index.html'), 'utf8');
  const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1] ?? '(none)';
  if (!canonical.startsWith(`${origin}/`)) {
    console.error(
      `${folder} is built for ${canonical}, not ${origin}/: build it with ` +
        `\`cargo run --release -- build --base-url ${origin}/ --output ${folder}\``,
    );
    process.exit(2);
  }
}

/** The pages to audit: home and the first article, per language. */
async function targets(folder) {
  const paths = (await htmlFiles(folder)).map((p) => p.path);
  return LANGS.flatMap((lang) => {
    const kinds = pageKinds(paths, lang);
    return [
      { name: `home-${lang}`, path: kinds.get('home') },
      { name: `article-${lang}`, path: kinds.get('articles item') },
    ];
  });
}

function median(numbers) {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The audits of `category` that cost points in `lhr`, one line each, with what they name. */
function lostPoints(lhr, category) {
  const lines = [];
  for (const ref of lhr.categories[category].auditRefs) {
    const audit = lhr.audits[ref.id];
    if (audit.score === null || audit.score >= 1) continue;
    if (['notApplicable', 'informative', 'manual'].includes(audit.scoreDisplayMode)) continue;
    // Performance diagnostics weigh nothing but explain the metrics; list them after those.
    if (category === 'performance' && ref.weight === 0 && audit.score >= 0.9) continue;
    const value = audit.displayValue ? ` — ${audit.displayValue}` : '';
    lines.push(`${ref.id} (score ${audit.score}, weight ${ref.weight}): ${audit.title}${value}`);
    // Tables and lists have an array of items; trees and charts do not, and are left out.
    const items = Array.isArray(audit.details?.items) ? audit.details.items : [];
    for (const item of items.slice(0, 6)) {
      const what =
        item.node?.selector ?? item.url ?? item.sourceLocation?.url ?? item.node?.snippet;
      const why = item.node?.explanation?.split('\n')[0] ?? item.description;
      if (what) lines.push(`    ${what}${why ? `: ${why}` : ''}`);
    }
  }
  return lines;
}

function launchChromium() {
  return chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: [...CHROMIUM_ARGS.filter((f) => f !== '--headless'), '--headless=new'],
  });
}

function isConnectionRefused(error) {
  return error?.code === 'ECONNREFUSED' || /ECONNREFUSED/.test(String(error?.message ?? error));
}

async function main() {
  const { folder, port, runs } = parseArgs(process.argv.slice(2));
  const origin = `http://127.0.0.1:${port}`;
  await assertBuiltFor(folder, origin);
  await mkdir(ARTEFACTS, { recursive: true });

  const server = await startServer({ root: folder, port });
  // One Chromium for every run: Lighthouse resets storage and cache before each navigation.
  let chrome = await launchChromium();
  // Chromium's DevTools port has refused Lighthouse's connection now and then on a loaded CI
  // machine, before any page was audited: start Chromium again then, up to three times. A
  // run whose trace failed (NO_NAVSTART) is run again.
  const audit = async (url) => {
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await lighthouse(url, {
          port: chrome.port,
          output: ['json', 'html'],
          logLevel: 'error',
          onlyCategories: CATEGORIES,
        });
        // A failed trace (NO_NAVSTART and the like) says "run Lighthouse again": do, up to
        // three times; a page that keeps failing is reported by the caller.
        const failure = result.lhr.runtimeError;
        if (failure && attempt < 3) {
          console.error(`${url}: ${failure.code}: ${failure.message}; auditing again`);
          continue;
        }
        return result;
      } catch (error) {
        if (attempt >= 3 || !isConnectionRefused(error)) throw error;
        console.error(`${url}: Chromium refused the connection (${error.message}); starting it again`);
        await chrome.kill();
        chrome = await launchChromium();
      }
    }
  };

  const results = [];
  try {
    for (const { name, path } of await targets(folder)) {
      const url = origin + path;
      const lhrs = [];
      for (let run = 1; run <= runs; run++) {
        const result = await audit(url);
        if (result.lhr.runtimeError) throw new Error(`${url}: ${result.lhr.runtimeError.message}`);
        await writeFile(join(ARTEFACTS, `lighthouse-${name}-${run}.json`), result.report[0]);
        await writeFile(join(ARTEFACTS, `lighthouse-${name}-${run}.html`), result.report[1]);
        lhrs.push(result.lhr);
      }
      const scores = Object.fromEntries(
        CATEGORIES.map((c) => [c, median(lhrs.map((l) => Math.round(l.categories[c].score * 100)))]),
      );
      // The run whose performance is the median explains the scores shown.
      const typical = lhrs.find(
        (l) => Math.round(l.categories.performance.score * 100) === scores.performance,
      );
      results.push({ name, url, scores, typical, all: lhrs });
    }
  } finally {
    await chrome.kill();
    await server.close();
  }

  const version = results[0]?.typical.lighthouseVersion;
  console.log(`\nLighthouse ${version}, median of ${runs} run(s), mobile settings\n`);
  console.log(['page'.padEnd(12), ...CATEGORIES.map((c) => c.padStart(15))].join(''));
  for (const { name, scores } of results) {
    console.log([name.padEnd(12), ...CATEGORIES.map((c) => String(scores[c]).padStart(15))].join(''));
  }
  console.log(`\nreports: ${ARTEFACTS}/lighthouse-<page>-<run>.{json,html}`);

  let failed = false;
  for (const { name, url, scores, typical } of results) {
    for (const category of CATEGORIES) {
      if (scores[category] >= MINIMUM[category]) continue;
      failed = true;
      console.log(`\n✗ ${name} (${url}): ${category} ${scores[category]} < ${MINIMUM[category]}`);
      for (const line of lostPoints(typical, category)) console.log(`  ${line}`);
    }
  }
  if (failed) {
    console.log(
      '\nLighthouse: below the minimum (accessibility and SEO 100, performance and best practices 95)',
    );
    process.exit(1);
  }
  console.log('\nLighthouse: every page at or above the minimum');
}

await main();
