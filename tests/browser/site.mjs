// What the browser test files share: where the built site and Chromium are, how Chromium is
// launched on a machine without network, and how the built pages are found and sorted into
// kinds (so no slug is written in the tests).

import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LANGS = ['fr', 'ar'];

const here = fileURLToPath(new URL('.', import.meta.url));
export const REPO = resolve(here, '..', '..');

/** The built site: `public/` at the repository root, or MARSAD_PUBLIC. */
export const PUBLIC = resolve(process.env.MARSAD_PUBLIC ?? join(REPO, 'public'));

/** Where screenshots and reports go: tests/browser/artefacts/, or MARSAD_ARTEFACTS. */
export const ARTEFACTS = resolve(process.env.MARSAD_ARTEFACTS ?? join(here, 'artefacts'));

/** Debian's Chromium, or CHROMIUM. Nothing ever downloads a browser. */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

// The network is closed on CI: no first-run, update, sync or QUIC traffic; no sandbox (CI
// runs as root in a container); no GPU.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Every HTML file of the built site under `dir`, as `{ file, path }` with site paths
 * (`/fr/regions/`, `/fr/404.html`). */
export async function htmlFiles(dir = PUBLIC, prefix = '/') {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await htmlFiles(path, `${prefix}${entry.name}/`)));
    else if (entry.name.endsWith('.html')) {
      out.push({ file: path, path: entry.name === 'index.html' ? prefix : prefix + entry.name });
    }
  }
  return out;
}

// Sections with an index and one page per item. A page kind is found by its URL shape.
export const SECTIONS = ['articles', 'regions', 'partners', 'mous', 'programmes', 'events'];
export const SINGLE = ['sources', 'search', 'data'];

/** Kind name → site path, for one language, from the built pages' paths. */
export function pageKinds(paths, lang) {
  const kinds = new Map();
  const first = (kind, test) => {
    const found = paths.filter(test).sort()[0];
    if (found) kinds.set(kind, found);
  };
  first('home', (p) => p === `/${lang}/`);
  for (const section of SECTIONS) {
    first(`${section} index`, (p) => p === `/${lang}/${section}/`);
    first(`${section} item`, (p) =>
      new RegExp(`^/${lang}/${section}/(?!page/)[^/]+/$`).test(p),
    );
  }
  for (const single of SINGLE) first(single, (p) => p === `/${lang}/${single}/`);
  // A standalone page (about, methodology): a first-level folder no other kind uses.
  const known = new Set([...SECTIONS, ...SINGLE]);
  first('standalone page', (p) => {
    const m = new RegExp(`^/${lang}/([^/]+)/$`).exec(p);
    return m !== null && !known.has(m[1]);
  });
  if (paths.includes(`/${lang}/about/`)) kinds.set('standalone page', `/${lang}/about/`);
  return kinds;
}

/** Every kind the site must have, per language. */
export const REQUIRED_KINDS = [
  'home',
  ...SECTIONS.flatMap((s) => [`${s} index`, `${s} item`]),
  'sources',
  'standalone page',
  'search',
  'data',
];
