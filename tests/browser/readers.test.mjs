// The readers' experience in a real browser (issue 6): Debian's Chromium driven by
// playwright-core, over tests/browser/serve.mjs (netlify.toml's headers, CSP included).
//
//   cargo run --release -- build && node --test tests/browser/readers.test.mjs
//
// Checks:
//   - axe-core finds no serious or critical violation on one page of every kind in both
//     languages, the root chooser and the 404 pages, in the light and the dark colour scheme;
//   - every built page under /ar/ is lang="ar" dir="rtl" and computes direction: rtl; every
//     page under /fr/ is lang="fr" and computes ltr;
//   - no page kind scrolls sideways at 360 px (home and an article at 320 px too); a failure
//     names the elements that stick out;
//   - links lead where they say: the language switcher and back, the pagination of the
//     article list (aria-current follows, arrows mirrored in Arabic only), the regions map's
//     twelve links, the agreements timeline's links; the pictures carry no script;
//   - programmes with numeric targets draw a chart;
//   - the Arabic web font (Noto Naskh Arabic) is loaded on an Arabic article (TODO while the
//     font is not in the build);
//   - screenshots of home, an article, a region and the agreements list, in both languages,
//     at 360 and 1280 px, and of home in the dark scheme, go to tests/browser/artefacts/ (or
//     MARSAD_ARTEFACTS) for a human to look at.
//
// The pictures (regions map, agreements timeline, target charts) follow the contract of
// issue 6: inline SVG in <figure class="region-map|mou-timeline|target-chart">, one <a> per
// region or dated agreement, no JavaScript.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { parse as parseToml } from 'smol-toml';
import { startServer } from './serve.mjs';
import {
  ARTEFACTS,
  CHROMIUM,
  CHROMIUM_ARGS,
  LANGS,
  PUBLIC,
  REPO,
  REQUIRED_KINDS,
  htmlFiles,
  pageKinds,
} from './site.mjs';

const require = createRequire(import.meta.url);
const OTHER = { fr: 'ar', ar: 'fr' };
const REGION_COUNT = 12; // Morocco's regions since 2015

// The Arabic web font ships with the theme (issue 6). Until a woff2 is in the build, its test
// is TODO rather than failing; it becomes a real assertion as soon as the file is there.
const FONT_FAMILY = 'Noto Naskh Arabic';
const FONT_SHIPPED =
  existsSync(join(PUBLIC, 'assets')) &&
  readdirSync(join(PUBLIC, 'assets'), { recursive: true }).some((f) =>
    String(f).endsWith('.woff2'),
  );

// ---------------------------------------------------------------------------------------

let server;
let browser;
let paths = [];
let axeSource;

before(async () => {
  const exists = await stat(join(PUBLIC, 'index.html')).catch(() => null);
  assert.ok(exists, `no built site at ${PUBLIC}: run \`cargo run --release -- build\` first`);
  paths = (await htmlFiles(PUBLIC)).map((p) => p.path);
  axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  server = await startServer({ root: PUBLIC });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh tab in a context of its own: `width`×800, light or dark scheme. */
async function newTab({ width = 1280, height = 800, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme });
  return context.newPage();
}

/** Closes a tab of newTab, and its context. */
function closeTab(page) {
  return page.context().close();
}

/** Opens `path` in `page`, asserts its status, waits for its web fonts. */
async function open(page, path, status = 200) {
  const response = await page.goto(server.url + path, { waitUntil: 'load' });
  assert.equal(response.status(), status, `${path}: status`);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return response;
}

/** The path of one page of `kind` in `lang`, or a failed assertion. */
function kindPath(lang, kind) {
  const path = pageKinds(paths, lang).get(kind);
  assert.ok(path, `no ${kind} page under /${lang}/ in ${PUBLIC}`);
  return path;
}

/** The site path a link's href points to (hrefs may be relative or absolute). */
function pathOf(href) {
  return new URL(href, server.url + '/').pathname;
}

// ---------------------------------------------------------------------------------------
// 1. Accessibility, by axe-core.

// Every page kind of each language, the root chooser and the three 404 pages.
function axePages() {
  const list = [{ name: 'root chooser', path: '/index.html' }, { name: 'root 404', path: '/404.html' }];
  for (const lang of LANGS) {
    for (const kind of REQUIRED_KINDS) list.push({ name: `${lang}: ${kind}`, lang, kind });
    list.push({ name: `${lang}: 404`, path: `/${lang}/404.html` });
  }
  return list;
}

/** axe's serious and critical violations on the open page, one readable line per node. */
async function axeViolations(page) {
  // The CSP forbids inline scripts; evaluate goes through the DevTools protocol instead.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  const { violations } = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'] }),
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (node) =>
          `${v.id} (${v.impact}): ${v.help} — ${node.target.join(' ')}\n` +
          `      ${(node.failureSummary ?? '').split('\n').slice(1, 3).join(' ').trim()}\n` +
          `      ${v.helpUrl}`,
      ),
    );
}

for (const colorScheme of ['light', 'dark']) {
  describe(`axe-core: no serious or critical violation, ${colorScheme} scheme`, () => {
    for (const { name, path, lang, kind } of axePages()) {
      test(name, async () => {
        const target = path ?? kindPath(lang, kind);
        const page = await newTab({ colorScheme });
        try {
          await open(page, target);
          const found = await axeViolations(page);
          assert.deepEqual(found, [], `${target} (${colorScheme}):\n  ${found.join('\n  ')}`);
        } finally {
          await closeTab(page);
        }
      });
    }
  });
}

// ---------------------------------------------------------------------------------------
// 2. Direction of every built page.

describe('direction and language of every built page', () => {
  const expected = {
    ar: { lang: 'ar', dir: 'rtl', direction: 'rtl' },
    fr: { lang: 'fr', dir: 'ltr', direction: 'ltr' },
  };
  for (const lang of LANGS) {
    test(`every page under /${lang}/ is lang="${lang}" and ${expected[lang].direction}`, async () => {
      const mine = paths.filter((p) => p.startsWith(`/${lang}/`));
      assert.ok(mine.length > 50, `only ${mine.length} pages under /${lang}/ in ${PUBLIC}`);
      const page = await newTab();
      const wrong = [];
      try {
        for (const path of mine) {
          await page.goto(server.url + path);
          const seen = await page.evaluate(() => ({
            lang: document.documentElement.getAttribute('lang'),
            dir: document.documentElement.getAttribute('dir'),
            direction: getComputedStyle(document.documentElement).direction,
          }));
          if (JSON.stringify(seen) !== JSON.stringify(expected[lang])) {
            wrong.push(`${path}: ${JSON.stringify(seen)}`);
          }
        }
      } finally {
        await closeTab(page);
      }
      assert.deepEqual(wrong, [], `pages that are not ${JSON.stringify(expected[lang])}`);
    });
  }
});

// ---------------------------------------------------------------------------------------
// 3. No sideways scrolling on a narrow phone.

/**
 * Elements that make the page wider than `width`, deepest first: those whose box sticks out
 * of the viewport (none of their children does), and those whose content spills out of a
 * box that does not clip it (a long word or URL). Elements inside a box that scrolls or
 * clips sideways (a table in its own scroll box) are left out: they do not widen the page.
 */
function overflowingElements(width) {
  const label = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
      let part = e.localName;
      if (e.id) part += `#${e.id}`;
      else if (typeof e.className === 'string' && e.className.trim()) {
        part += `.${e.className.trim().split(/\s+/).join('.')}`;
      }
      parts.unshift(part);
    }
    const rect = el.getBoundingClientRect();
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50);
    const box = `x ${Math.round(rect.left)}…${Math.round(rect.right)}, scrollWidth ${el.scrollWidth}`;
    return `${parts.join(' > ')} [${box}] "${text}"`;
  };
  const clipped = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible') return true;
    }
    return false;
  };
  const sticksOut = (el) => {
    const rect = el.getBoundingClientRect();
    return rect.width > 0 && (rect.right > width + 0.5 || rect.left < -0.5);
  };
  const found = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (clipped(el)) continue;
    if (sticksOut(el) && ![...el.children].some(sticksOut)) found.push(`sticks out: ${label(el)}`);
    else if (
      getComputedStyle(el).overflowX === 'visible' &&
      el.scrollWidth > el.clientWidth + 1 &&
      el.getBoundingClientRect().left + el.scrollWidth > width + 0.5 &&
      ![...el.querySelectorAll('*')].some(sticksOut) // else the child is the one to name
    ) {
      found.push(`content spills: ${label(el)}`);
    }
  }
  return found.slice(0, 12);
}

function narrowCases() {
  const list = [];
  for (const lang of LANGS) {
    for (const kind of REQUIRED_KINDS) list.push({ lang, kind, width: 360 });
    list.push({ lang, path: `/${lang}/404.html`, kind: '404', width: 360 });
    list.push({ lang, kind: 'home', width: 320 }, { lang, kind: 'articles item', width: 320 });
  }
  return list;
}

describe('no horizontal scrolling on narrow screens', () => {
  for (const { lang, kind, path, width } of narrowCases()) {
    test(`${lang}: ${kind} at ${width} px`, async () => {
      const target = path ?? kindPath(lang, kind);
      const page = await newTab({ width });
      try {
        await open(page, target);
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        if (scrollWidth > width) {
          const culprits = await page.evaluate(overflowingElements, width);
          assert.fail(
            `${target} is ${scrollWidth} px wide at ${width} px:\n  ` +
              (culprits.join('\n  ') || '(no single element found)'),
          );
        }
      } finally {
        await closeTab(page);
      }
    });
  }
});

// ---------------------------------------------------------------------------------------
// 4. Links lead where they should.

/** Clicks `link` and returns the navigation's response, once the new page has loaded. */
async function follow(page, link) {
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) => r.request().isNavigationRequest() && r.request().frame() === page.mainFrame(),
    ),
    link.click(),
  ]);
  await page.waitForLoadState('load');
  return response;
}

describe('the language switcher leads to the same page in the other language, and back', () => {
  for (const lang of LANGS) {
    for (const kind of REQUIRED_KINDS) {
      test(`${lang}: ${kind}`, async () => {
        const start = kindPath(lang, kind);
        const other = OTHER[lang];
        const page = await newTab();
        try {
          await open(page, start);
          const link = page.locator('nav.language-switcher a[hreflang][lang]');
          const unavailable = await page.locator('nav.language-switcher .unavailable').count();
          assert.equal(
            await link.count(),
            1,
            `${start}: switcher links (${unavailable} marked unavailable)`,
          );
          assert.equal(await link.getAttribute('hreflang'), other, `${start}: hreflang`);
          assert.equal(await link.getAttribute('lang'), other, `${start}: lang of the link`);

          const response = await follow(page, link);
          assert.equal(response.status(), 200, `${start} → ${page.url()}: status`);
          const arrived = new URL(page.url()).pathname;
          assert.ok(arrived.startsWith(`/${other}/`), `${start} → ${arrived}: not under /${other}/`);
          assert.equal(await page.getAttribute('html', 'lang'), other, `${arrived}: lang`);

          const back = page.locator('nav.language-switcher a[hreflang][lang]');
          assert.equal(await back.count(), 1, `${arrived}: switcher links`);
          assert.equal(await back.getAttribute('hreflang'), lang, `${arrived}: hreflang`);
          assert.equal(pathOf(await back.getAttribute('href')), start, `${arrived}: switcher leads back`);
        } finally {
          await closeTab(page);
        }
      });
    }
  }
});

describe('pagination of the article list', () => {
  // The arrow of the previous/next links points the way the text reads: mirrored in Arabic.
  const MIRROR = 'matrix(-1, 0, 0, 1, 0, 0)';

  async function state(page) {
    return page.evaluate(() => ({
      current: [...document.querySelectorAll('.pagination [aria-current="page"]')].map((a) =>
        new URL(a.href).pathname,
      ),
      prev: document.querySelector('.pagination a[rel="prev"]')?.getAttribute('href') ?? null,
      next: document.querySelector('.pagination a[rel="next"]')?.getAttribute('href') ?? null,
      arrows: [...document.querySelectorAll('.pagination a[rel] .arrow[aria-hidden="true"]')].map(
        (s) => getComputedStyle(s).transform,
      ),
      articles: [...document.querySelectorAll('main a[href*="/articles/"]')]
        .map((a) => new URL(a.href).pathname)
        .filter((p) => !p.includes('/page/') && !/\/articles\/$/.test(p)),
    }));
  }

  function assertArrows(lang, arrows, where) {
    assert.ok(arrows.length >= 1, `${where}: no .arrow in the previous/next links`);
    for (const transform of arrows) {
      if (lang === 'ar') assert.equal(transform, MIRROR, `${where}: arrow not mirrored`);
      else {
        assert.ok(
          transform === 'none' || transform === 'matrix(1, 0, 0, 1, 0, 0)',
          `${where}: arrow transformed (${transform})`,
        );
      }
    }
  }

  for (const lang of LANGS) {
    test(`${lang}: next to page 2 and previous back, aria-current follows`, async () => {
      const first = `/${lang}/articles/`;
      const second = `/${lang}/articles/page/2/`;
      const page = await newTab();
      try {
        await open(page, first);
        const one = await state(page);
        assert.deepEqual(one.current, [first], `${first}: aria-current`);
        assert.equal(one.prev, null, `${first}: a previous link on the first page`);
        assert.ok(one.next, `${first}: no next link`);
        assertArrows(lang, one.arrows, first);

        let response = await follow(page, page.locator('.pagination a[rel="next"]'));
        assert.equal(response.status(), 200);
        assert.equal(new URL(page.url()).pathname, second);
        const two = await state(page);
        assert.deepEqual(two.current, [second], `${second}: aria-current`);
        assert.ok(two.prev, `${second}: no previous link`);
        assertArrows(lang, two.arrows, second);
        const shared = two.articles.filter((a) => one.articles.includes(a));
        assert.ok(two.articles.length > 0, `${second}: no article`);
        assert.deepEqual(shared, [], 'articles listed on both pages');

        response = await follow(page, page.locator('.pagination a[rel="prev"]'));
        assert.equal(response.status(), 200);
        assert.equal(new URL(page.url()).pathname, first);
        assert.deepEqual((await state(page)).current, [first], `${first} again: aria-current`);
      } finally {
        await closeTab(page);
      }
    });
  }
});

// The pictures: inline SVG, no script of any kind.
async function assertNoScript(figure, where) {
  const found = await figure.evaluate((root) => {
    const bad = [];
    for (const el of root.querySelectorAll('*')) {
      if (el.localName === 'script') bad.push('<script>');
      if (el.localName === 'foreignObject') bad.push('<foreignObject>');
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) bad.push(`${el.localName} ${attr.name}`);
        if (/^\s*javascript:/i.test(attr.value)) bad.push(`${el.localName} ${attr.name}=${attr.value}`);
      }
    }
    return bad;
  });
  assert.deepEqual(found, [], `${where}: the picture uses JavaScript`);
}

/** The one <figure class="…"> with an inline SVG on the open page, or a clear failure. */
async function picture(page, className, where) {
  const figure = page.locator(`figure.${className}`);
  const count = await figure.count();
  assert.equal(
    count,
    1,
    `${where}: ${count} <figure class="${className}"> (the picture of issue 6 must be there once)`,
  );
  assert.ok(
    (await figure.locator('svg').count()) >= 1,
    `${where}: figure.${className} has no inline <svg>`,
  );
  await assertNoScript(figure, where);
  return figure;
}

/** Site paths of the links of `selector` inside `root` (a Locator). */
async function hrefs(root, selector = 'a[href]') {
  const found = await root
    .locator(selector)
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href')));
  return found.map(pathOf);
}

/** Region page → region name, from the regions index (links outside any picture). */
async function regionsFromIndex(page, lang) {
  await open(page, `/${lang}/regions/`);
  const pattern = new RegExp(`^/${lang}/regions/[^/]+/$`);
  const links = await page.locator('main a[href]').evaluateAll((as) =>
    as.filter((a) => !a.closest('svg')).map((a) => [a.getAttribute('href'), a.textContent.trim()]),
  );
  const regions = new Map();
  for (const [href, name] of links) {
    const path = pathOf(href);
    if (pattern.test(path)) regions.set(path, name);
  }
  return regions;
}

describe('the regions map', () => {
  for (const lang of LANGS) {
    for (const where of [`/${lang}/`, `/${lang}/regions/`]) {
      const title = `${where}: one named link per region, a caption, the same links as text`;
      test(title, async () => {
        const page = await newTab();
        try {
          const regions = await regionsFromIndex(page, lang);
          assert.equal(regions.size, REGION_COUNT, `/${lang}/regions/ links ${regions.size} regions`);
          await open(page, where);
          const figure = await picture(page, 'region-map', where);
          const svg = figure.locator('svg').first();
          const onMap = await hrefs(svg);
          assert.equal(onMap.length, REGION_COUNT, `${where}: ${onMap.length} links on the map`);
          assert.deepEqual(
            [...new Set(onMap)].sort(),
            [...regions.keys()].sort(),
            `${where}: map links ≠ regions index links`,
          );
          for (const [path, name] of regions) {
            // The accessible name, as assistive technology computes it (Playwright's engine).
            const named = svg.getByRole('link', { name }).and(svg.locator(`a[href="${path}"]`));
            assert.equal(
              await named.count(),
              1,
              `${where}: the map link to ${path} is not named “${name}”`,
            );
          }
          const caption = (await figure.locator('figcaption').allTextContents()).join(' ').trim();
          assert.ok(caption, `${where}: the map has no <figcaption>`);
          // The text alternative: every region reachable from a table or list outside the SVG.
          const textLinks = await page.locator('main :is(table, ul, ol) a[href]').evaluateAll((as) =>
            as.filter((a) => !a.closest('svg')).map((a) => a.getAttribute('href')),
          );
          const missing = [...regions.keys()].filter((p) => !textLinks.map(pathOf).includes(p));
          assert.deepEqual(missing, [], `${where}: regions of the map missing from its text alternative`);
        } finally {
          await closeTab(page);
        }
      });
    }

    test(`${lang}: each of the map's links opens its region page`, async () => {
      const page = await newTab();
      try {
        const regions = await regionsFromIndex(page, lang);
        const figure = await picture(page, 'region-map', `/${lang}/regions/`);
        const onMap = [...new Set(await hrefs(figure.locator('svg').first()))];
        assert.equal(onMap.length, REGION_COUNT, `/${lang}/regions/: ${onMap.length} distinct map links`);
        for (const path of onMap) {
          await open(page, path);
          assert.equal(await page.getAttribute('html', 'lang'), lang, `${path}: lang`);
          const h1 = (await page.locator('h1').first().textContent()).trim();
          assert.equal(h1, regions.get(path), `${path}: heading`);
        }
      } finally {
        await closeTab(page);
      }
    });
  }
});

describe('the agreements timeline', () => {
  for (const lang of LANGS) {
    test(`${lang}: one named link per dated agreement, each opening its page`, async () => {
      const where = `/${lang}/mous/`;
      const page = await newTab();
      try {
        await open(page, where);
        const pattern = new RegExp(`^/${lang}/mous/[^/]+/$`);
        // The agreements the list shows (outside the picture), and those dated to the day.
        const cards = await page.locator('main li').evaluateAll((lis) =>
          lis
            .filter((li) => !li.closest('figure'))
            .map((li) => ({
              href: li.querySelector('h2 a, h3 a')?.getAttribute('href'),
              date: li.querySelector('time[datetime]')?.getAttribute('datetime') ?? '',
            }))
            .filter((c) => c.href),
        );
        const listed = new Set(cards.map((c) => pathOf(c.href)).filter((p) => pattern.test(p)));
        const dated = [...listed].filter((p) =>
          cards.some((c) => pathOf(c.href) === p && /^\d{4}-\d{2}-\d{2}$/.test(c.date)),
        );
        assert.ok(dated.length > 0, `${where}: no agreement dated to the day in the list`);

        const figure = await picture(page, 'mou-timeline', where);
        const svg = figure.locator('svg').first();
        const onTimeline = await hrefs(svg);
        assert.equal(
          new Set(onTimeline).size,
          onTimeline.length,
          `${where}: an agreement twice on the timeline`,
        );
        const strangers = onTimeline.filter((p) => !listed.has(p));
        assert.deepEqual(strangers, [], `${where}: timeline links that are not agreements of the list`);
        const left = dated.filter((p) => !onTimeline.includes(p));
        assert.deepEqual(left, [], `${where}: dated agreements missing from the timeline`);
        assert.equal(
          await svg.getByRole('link', { name: /\S/ }).count(),
          onTimeline.length,
          `${where}: timeline links without an accessible name`,
        );

        for (const path of onTimeline) {
          await open(page, path);
          assert.equal(await page.getAttribute('html', 'lang'), lang, `${path}: lang`);
        }
      } finally {
        await closeTab(page);
      }
    });
  }
});

// ---------------------------------------------------------------------------------------
// 5. Target charts, on programmes with numeric targets (read from content/programmes/).

async function programmesWithNumbers() {
  const dir = join(REPO, 'content', 'programmes');
  const slugs = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.toml')).sort()) {
    const sheet = parseToml(await readFile(join(dir, name), 'utf8'));
    if ((sheet.targets ?? []).some((t) => typeof t.value === 'number')) slugs.push(name.slice(0, -5));
  }
  return slugs;
}

describe('target charts', () => {
  for (const lang of LANGS) {
    test(`${lang}: every programme with numeric targets draws a chart`, async () => {
      const slugs = await programmesWithNumbers();
      assert.ok(slugs.length > 0, 'no programme with numeric targets in content/programmes/');
      const page = await newTab();
      try {
        for (const slug of slugs) {
          const where = `/${lang}/programmes/${slug}/`;
          await open(page, where);
          const charts = page.locator('figure.target-chart');
          assert.ok((await charts.count()) >= 1, `${where}: no <figure class="target-chart">`);
          for (const chart of await charts.all()) {
            assert.ok((await chart.locator('svg').count()) >= 1, `${where}: a target chart without <svg>`);
            await assertNoScript(chart, where);
          }
        }
      } finally {
        await closeTab(page);
      }
    });
  }
});

// ---------------------------------------------------------------------------------------
// 6. The Arabic web font.

test(
  `ar: an article renders with the ${FONT_FAMILY} web font`,
  { todo: FONT_SHIPPED ? false : `no .woff2 under ${join(PUBLIC, 'assets')} yet (issue 6)` },
  async () => {
    const path = kindPath('ar', 'articles item');
    const page = await newTab();
    try {
      await open(page, path);
      const faces = await page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].map((f) => ({
          family: f.family.replace(/^["']|["']$/g, ''),
          status: f.status,
        }));
      });
      const ours = faces.filter((f) => f.family === FONT_FAMILY);
      assert.ok(ours.length > 0, `${path}: no @font-face "${FONT_FAMILY}" (${JSON.stringify(faces)})`);
      assert.ok(ours.some((f) => f.status === 'loaded'), `${path}: ${JSON.stringify(ours)}`);
    } finally {
      await closeTab(page);
    }
  },
);

// ---------------------------------------------------------------------------------------
// 7. Screenshots, for a human to look at.

/** Width of a PNG, from its IHDR chunk. */
function pngWidth(bytes) {
  return bytes.readUInt32BE(16);
}

describe(`screenshots in ${ARTEFACTS}`, () => {
  const shots = [];
  for (const lang of LANGS) {
    for (const [name, kind] of [
      ['home', 'home'],
      ['article', 'articles item'],
      ['region', 'regions item'],
      ['mous', 'mous index'],
    ]) {
      for (const width of [360, 1280]) {
        shots.push({ file: `${name}-${lang}-${width}.png`, lang, kind, width });
      }
    }
    const dark = { file: `home-${lang}-1280-dark.png`, kind: 'home', width: 1280 };
    shots.push({ ...dark, lang, colorScheme: 'dark' });
  }

  for (const { file, lang, kind, width, colorScheme } of shots) {
    test(file, async () => {
      await mkdir(ARTEFACTS, { recursive: true });
      const page = await newTab({ width, colorScheme });
      try {
        await open(page, kindPath(lang, kind));
        const png = await page.screenshot({ fullPage: true });
        await writeFile(join(ARTEFACTS, file), png);
        // A full-page shot wider than the viewport would mean the page scrolls sideways.
        assert.equal(pngWidth(png), width, `${file}: picture width`);
      } finally {
        await closeTab(page);
      }
    });
  }
});
