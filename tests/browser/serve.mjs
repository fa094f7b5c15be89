#!/usr/bin/env node
// A small static server for a built site that answers as Netlify would with our
// netlify.toml: its [[headers]] and [[redirects]] are read with @netlify/config (Netlify's own
// parser) and applied by Netlify's rules, so the browser tests see the Content-Security-Policy,
// the cache headers, the language redirects and the 404 pages that production sends.
//
//   node tests/browser/serve.mjs [public] [--port N]      prints the URL, serves until killed
//
// or, from a test: `const server = await startServer({ root }); … await server.close();`
//
// Listens on 127.0.0.1 only, on a free port unless one is given. Netlify's rules as
// implemented here:
//   - headers: every [[headers]] block whose `for` matches the request path applies (the
//     pattern becomes a regular expression as @netlify/headers-parser makes it: `*` matches
//     anything, `:name` one segment, case-insensitive, optional trailing slash); a header set
//     by several matching blocks is sent once with the values joined by ", ", which makes a
//     rule overlap visible in the tests;
//   - redirects: first match wins; a rule without `force` applies only when no file answers
//     the path (shadowing); `conditions.Language` is compared with the `nf_lang` cookie, else
//     the first language of Accept-Language (two letters, as `netlify dev` does); 3xx rules
//     redirect (with `:splat` and placeholders substituted), 200/404 rules serve `to` with
//     that status;
//   - a folder answers with its index.html (`/fr/regions` is first redirected to
//     `/fr/regions/`); a path nothing answers gets the root 404.html with status 404.

import http from 'node:http';
import { createReadStream, promises as fs } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNetlifyConfig } from './netlify-config.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const REPO = resolve(here, '..', '..');

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
};

/** The regular expression Netlify matches a [[headers]] `for` with (@netlify/headers-parser). */
export function headerPattern(forPath) {
  const parts = forPath
    .split('/')
    .map((part) => part.trimEnd())
    .filter(Boolean)
    .map((part) => {
      if (part.startsWith(':')) return '([^/]+)';
      if (part === '*') return '?(.*)';
      if (part.includes('*')) return part.split('*').map(escapeRegExp).join('(.*)');
      return escapeRegExp(part);
    });
  return new RegExp(`^/${parts.join('/')}/?$`, 'iu');
}

/** The headers Netlify sends for `path`: every matching block, repeated names joined. */
export function headersFor(rules, path) {
  const out = new Map();
  for (const rule of rules) {
    if (!rule.regexp.test(path)) continue;
    for (const [name, value] of Object.entries(rule.values)) {
      const key = name.toLowerCase();
      const previous = out.get(key);
      out.set(key, { name, value: previous ? `${previous.value}, ${value}` : String(value) });
    }
  }
  return Object.fromEntries([...out.values()].map(({ name, value }) => [name, value]));
}

/** Compiles a redirect `from` (`/ar/*`, `/news/:year/*`) into a matcher. */
function redirectMatcher(from) {
  const names = [];
  const pattern = from
    .split('/')
    .map((part) => {
      if (part === '*') {
        names.push('splat');
        return '(.*)';
      }
      if (part.startsWith(':')) {
        names.push(part.slice(1));
        return '([^/]+)';
      }
      return escapeRegExp(part);
    })
    .join('/');
  const regexp = new RegExp(`^${pattern}/?$`);
  return (path) => {
    const match = regexp.exec(path);
    if (!match) return null;
    return Object.fromEntries(names.map((name, i) => [name, match[i + 1] ?? '']));
  };
}

/** The language Netlify's `Language` condition sees: `nf_lang` cookie, else Accept-Language. */
export function requestLanguage(headers) {
  const cookie = /(?:^|;\s*)nf_lang=([^;]+)/.exec(headers.cookie ?? '');
  if (cookie) return decodeURIComponent(cookie[1]).toLowerCase();
  const accept = headers['accept-language'];
  if (!accept) return 'en';
  return accept.split(',')[0].trim().slice(0, 2).toLowerCase();
}

function conditionsHold(conditions, request) {
  for (const [name, values] of Object.entries(conditions ?? {})) {
    if (name.toLowerCase() !== 'language') return false; // Country, Role, Cookie: never here
    const wanted = [values].flat().map((v) => String(v).toLowerCase());
    if (!wanted.includes(requestLanguage(request.headers))) return false;
  }
  return true;
}

function escapeRegExp(text) {
  return text.replace(/[|\\{}()[\]^$+*?.-]/g, '\\$&');
}

/** Reads netlify.toml's headers and redirects through @netlify/config. */
export async function loadRules(configPath = join(REPO, 'netlify.toml')) {
  const { config, logs } = await loadNetlifyConfig('production', configPath);
  if (logs.length) throw new Error(`netlify.toml: ${logs.join('\n')}`);
  return {
    headers: (config.headers ?? []).map((h) => ({ ...h, regexp: headerPattern(h.for) })),
    redirects: (config.redirects ?? []).map((r) => ({ ...r, match: redirectMatcher(r.from) })),
  };
}

/**
 * Starts the server. Returns `{ url, port, close() }`. `root` is the built site; `rules`
 * defaults to what netlify.toml says.
 */
export async function startServer({ root = join(REPO, 'public'), port = 0, rules } = {}) {
  const site = await fs.realpath(resolve(root));
  const { headers: headerRules, redirects } = rules ?? (await loadRules());

  // The file that answers a site path, or null. Refuses anything outside `site`.
  async function fileFor(path) {
    const segments = path.split('/').filter(Boolean);
    if (segments.some((s) => s === '..' || s === '.' || s.includes('\\') || s.includes('\0'))) {
      return null;
    }
    let file = join(site, ...segments);
    try {
      let stat = await fs.stat(file);
      if (stat.isDirectory()) {
        if (!path.endsWith('/')) return { redirect: `${path}/` };
        file = join(file, 'index.html');
        stat = await fs.stat(file);
      }
      if (!stat.isFile()) return null;
      const real = await fs.realpath(file);
      if (real !== site && !real.startsWith(site + sep)) return null;
      return { file: real, size: stat.size };
    } catch {
      return null;
    }
  }

  function send(request, response, status, path, found, extra = {}) {
    const type = CONTENT_TYPES[extname(found.file).toLowerCase()] ?? 'application/octet-stream';
    response.writeHead(status, {
      ...headersFor(headerRules, path),
      'Content-Type': type,
      'Content-Length': found.size,
      ...extra,
    });
    if (request.method === 'HEAD') return response.end();
    createReadStream(found.file).pipe(response);
  }

  function redirect(response, status, path, location) {
    response.writeHead(status, { ...headersFor(headerRules, path), Location: location });
    response.end();
  }

  async function handle(request, response) {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' });
      return response.end();
    }
    const url = new URL(request.url, 'http://127.0.0.1');
    let path;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400);
      return response.end();
    }
    const found = await fileFor(path);

    for (const rule of redirects) {
      const params = rule.match(path);
      if (!params || !conditionsHold(rule.conditions, request)) continue;
      if ((found?.file || found?.redirect) && !rule.force) continue; // shadowing: a file or folder answers first
      const status = rule.status ?? 301;
      const to = rule.to.replace(/:([A-Za-z_]+)/g, (whole, name) => params[name] ?? whole);
      if (status >= 300 && status < 400) return redirect(response, status, path, to + url.search);
      const target = await fileFor(to);
      if (target?.file) return send(request, response, status, path, target);
    }

    if (found?.redirect) return redirect(response, 301, path, found.redirect + url.search);
    if (found?.file) return send(request, response, 200, path, found);
    const notFound = await fileFor('/404.html');
    if (notFound?.file) return send(request, response, 404, path, notFound);
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('not found\n');
  }

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error) => {
      response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(String(error?.stack ?? error));
    });
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const actual = server.address().port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const portAt = args.indexOf('--port');
  const port = portAt >= 0 ? Number(args.splice(portAt, 2)[1]) : 0;
  const root = args[0] ? resolve(args[0]) : join(REPO, 'public');
  const server = await startServer({ root, port });
  console.log(`serving ${root} at ${server.url}/`);
}
