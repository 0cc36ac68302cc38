// Prints the download size of the release build in dist/ (wasm + js + css, gzip),
// the figure the README reports and PRODUCT.md bounds at 300 KB. The background
// worker (simpul-worker*) is fetched only when someone imports a spreadsheet or
// opens a big map, so it is counted apart.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../dist');
const totals = { page: [0, 0], worker: [0, 0] };
const kb = (bytes) => (bytes / 1024).toFixed(1);
for (const name of fs.readdirSync(dist, { recursive: true }).sort()) {
  if (!/\.(wasm|js|css)$/.test(name)) continue;
  const bytes = fs.readFileSync(path.join(dist, name));
  const zipped = zlib.gzipSync(bytes, { level: 9 }).length;
  const total = totals[path.basename(name).startsWith('simpul-worker') ? 'worker' : 'page'];
  total[0] += bytes.length;
  total[1] += zipped;
  console.log(`${name.padEnd(48)} ${kb(bytes.length).padStart(8)} KB  ${kb(zipped).padStart(7)} KB gzip`);
}
const line = (label, [raw, gzip]) => console.log(`${label.padEnd(48)} ${kb(raw).padStart(8)} KB  ${kb(gzip).padStart(7)} KB gzip`);
line('download (wasm + js + css)', totals.page);
line('background worker (spreadsheets, big maps)', totals.worker);
