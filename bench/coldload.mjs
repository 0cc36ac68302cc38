// Benchmark: a first visit on a slow connection. A colleague's share link (the
// Jakarta waste example, inside the link) is opened in a fresh Chromium profile,
// with the network throttled to 1.6 Mbps down, 750 kbps up and 150 ms round trip,
// and the CPU slowed 4×; the server sends files gzipped, as a web server would.
// It prints, per build, the median of BENCH_RUNS runs (default 5) of
//   - the app shown (the toolbar's heading),
//   - the first map shown (the network canvas has painted the map),
//   - its first findings (the Findings region no longer busy, with findings),
// each from the start of the navigation, and the bytes that crossed the network
// until then (the service worker's fetches after the start are left out).
//
//   node bench/coldload.mjs                      the build in dist/
//   COLDLOAD_BUILDS=before=/tmp/old/dist,after=dist node bench/coldload.mjs
//
// Not a test: the numbers depend on the machine.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { serve, launch } from '../tests/e2e/harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builds = (process.env.COLDLOAD_BUILDS ?? `now=${path.join(root, 'dist')}`)
  .split(',')
  .map((entry) => entry.split('='))
  .map(([label, dist]) => ({ label, dist: path.resolve(root, dist) }));
const runs = Number(process.env.BENCH_RUNS ?? 5);
const example = fs.readFileSync(path.join(root, 'public/examples/jakarta-waste.en.simpul.json'));
const fragment = `#m=${zlib.deflateRawSync(example).toString('base64url')}`;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

async function once(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6e6 / 8),
    uploadThroughput: (750e3 / 8),
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  const started = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.getByRole('heading', { name: 'Simpul' }).waitFor({ timeout: 120000 });
  const shown = Date.now() - started;
  await page.locator('canvas.network[data-layout]').waitFor({ timeout: 120000 });
  const map = Date.now() - started;
  const bytesAtMap = bytes;
  await page.locator('section.findings[aria-busy="false"] li.finding').first().waitFor({ timeout: 120000 });
  const findings = Date.now() - started;
  await context.close();
  return { shown, map, findings, bytesAtMap };
}

const browser = await launch();
console.log(`Cold load of a share link: 1.6 Mbps down, 150 ms round trip, CPU 4× slower; median of ${runs} runs`);
console.log('build'.padEnd(10), 'app shown'.padStart(10), 'first map'.padStart(10), 'findings'.padStart(10), 'bytes to the map'.padStart(18), '  runs (first map)');
// The builds take turns run by run, so that a busy moment of the machine falls on
// each of them alike.
const servers = [];
for (const { dist } of builds) servers.push(await serve({ gzip: true, from: dist }));
const results = builds.map(() => []);
for (let i = 0; i < runs; i += 1) {
  for (const [b, server] of servers.entries()) results[b].push(await once(browser, `${server.url}?lang=en${fragment}`));
}
for (const server of servers) await server.close();
for (const [b, { label }] of builds.entries()) {
  const pick = (key) => median(results[b].map((r) => r[key]));
  console.log(
    label.padEnd(10),
    seconds(pick('shown')).padStart(10),
    seconds(pick('map')).padStart(10),
    seconds(pick('findings')).padStart(10),
    `${(pick('bytesAtMap') / 1024).toFixed(1)} KB`.padStart(18),
    ' ',
    results[b].map((r) => seconds(r.map)).join(', '),
  );
}
await browser.close();
