// Shared set-up for the end-to-end tests: a static server for the release build in
// dist/, and Debian's Chromium driven by playwright-core (no browser download).
import http from 'node:http';
import net from 'node:net';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const dist = process.env.SIMPUL_DIST ?? path.join(root, 'dist');
export const fixtures = path.join(root, 'tests/e2e/fixtures');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
};

/**
 * Serves dist/ on a free loopback port. `rewrite(pathname, body)` may change a file
 * as it is served (the offline test uses it to publish a "new version"); `requests`
 * lists every path asked for. With `gzip`, files go compressed to a browser that
 * accepts it, as a web server would send them (the cold-load benchmark); `from`
 * serves another build than dist/.
 */
export async function serve({ rewrite = (_, body) => body, gzip = false, from = dist } = {}) {
  const requests = [];
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    requests.push(url.pathname);
    let file = path.join(from, decodeURIComponent(url.pathname));
    if (!file.startsWith(from)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await fs.stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const body = rewrite(url.pathname, await fs.readFile(file));
      const headers = { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' };
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        res.writeHead(200, { ...headers, 'content-encoding': 'gzip' });
        res.end(zlib.gzipSync(body, { level: 9 }));
      } else {
        res.writeHead(200, headers);
        res.end(body);
      }
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, requests, close: () => new Promise((r) => server.close(r)) };
}

/** Launches headless Chromium with the flags this machine needs. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** A desktop window wide enough that the maps library starts open beside the
 * picture (below 1920 px it starts as an icon rail; tests/e2e/workspace.test.mjs
 * covers the smaller windows). */
export const desktop = { viewport: { width: 1920, height: 1080 } };

/** Opens the app in English in a fresh context and fails on any page error. */
export async function openApp(browser, baseUrl, { context, query = '?lang=en' } = {}) {
  const ctx = context ?? (await browser.newContext({ acceptDownloads: true, ...desktop }));
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(baseUrl + query);
  await page.getByRole('heading', { name: 'Simpul' }).waitFor();
  return { page, context: ctx, errors };
}

/** Imports `value` (a map, as an object) through *Import map file*, and waits for it to open. */
export async function importMap(page, value) {
  await page.getByLabel('Import map file').setInputFiles({
    name: 'map.simpul.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value)),
  });
  await page.getByRole('status').getByText(/as a new map/).waitFor();
}

/** Clicks *Export map* and returns the downloaded map, parsed. */
export async function exportedMap(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export map' }).click(),
  ]);
  return JSON.parse(await fs.readFile(await download.path(), 'utf8'));
}

/** Starts a new map titled `title` (left untitled if `null`) holding `names`. */
export async function newMapWith(page, title, names) {
  await page.getByRole('button', { name: 'New map' }).first().click();
  if (title !== null) {
    const titleInput = page.getByLabel('Title', { exact: true });
    await titleInput.fill(title);
    await titleInput.press('Tab');
  }
  for (const name of names) {
    await page.getByLabel('Add a stakeholder').fill(name);
    await page.getByLabel('Add a stakeholder').press('Enter');
    await page.getByRole('rowheader', { name, exact: true }).waitFor();
  }
}

/** Every localStorage entry, to prove that a refused action changed nothing. */
export function storageSnapshot(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));
}

/** Shows one of the drawer's tables (`Stakeholders`, `Links`, `Sectors`, or their Indonesian names). */
export async function showTable(page, name) {
  await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
}

/** Opens the toolbar's File menu, where the exports, the share link and print live. */
export async function openFileMenu(page) {
  const menu = page.locator('details.menu');
  if (!(await menu.evaluate((d) => d.open))) await menu.locator(':scope > summary').click();
  await menu.locator(':scope > .menu-panel').waitFor();
}

/** Opens the File menu's *More exports*. */
export async function openExports(page) {
  await openFileMenu(page);
  const more = page.locator('details.more-exports');
  if (!(await more.evaluate((d) => d.open))) await more.locator('summary').click();
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** What axe-core finds wrong on `page` as it is now, one line per violation. The
 *  page's context must bypass the Content-Security-Policy (axe is injected). */
export async function axeViolations(page) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  if (process.env.AXE_DETAIL) console.log(JSON.stringify(result.violations.map((v) => v.nodes.map((n) => n.any.map((a) => a.data))), null, 0));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** A loopback port nothing listens on now. */
export async function freePort() {
  const probe = net.createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Starts the rooms' relay as `npm run relay` does, on `port`, keeping rooms in
 *  `dir`; resolves once it listens. Its shell script execs node, so the child's
 *  pid is the relay's. */
export async function startRelay(port, dir) {
  const child = spawn('sh', ['scripts/relay.sh'], {
    cwd: root,
    env: { ...process.env, RELAY_PORT: String(port), RELAY_DIR: dir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => { if (String(d).includes('running at')) resolve(); });
    child.on('exit', (code) => reject(new Error(`the relay stopped (${code})`)));
  });
  return child;
}
