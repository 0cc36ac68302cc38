// Prints the download of the release build in dist/ (wasm + js + css, gzip level 9):
// the first download, which PRODUCT.md bounds at 300 KB (aiming at 200 KB), and
// apart from it the parts fetched later: the background worker, started once the
// first map is shown, and the service worker, registered once the app runs.
// The test command prints it on every run. Where the bytes are: size_profile.mjs.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const BUDGET_KB = 300;
const GOAL_KB = 200;
const dist = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../dist');
const parts = {
  first: { label: 'first download (page wasm + js + css)', files: [] },
  worker: { label: 'later: background worker (analysis, imports, exports)', files: [] },
  room: { label: 'later: room worker (Yjs, QR code), only when a room is used', files: [] },
  offline: { label: 'later: service worker (offline)', files: [] },
};
const kb = (bytes) => (bytes / 1024).toFixed(1);
const row = (label, raw, gzip) => `${label.padEnd(56)} ${kb(raw).padStart(8)} KB  ${kb(gzip).padStart(7)} KB gzip`;

for (const name of fs.readdirSync(dist, { recursive: true }).sort()) {
  if (!/\.(wasm|js|css)$/.test(name)) continue;
  const bytes = fs.readFileSync(path.join(dist, name));
  const base = path.basename(name);
  const part = base.startsWith('simpul-worker') ? 'worker' : base.startsWith('simpul-room') ? 'room' : base === 'sw.js' ? 'offline' : 'first';
  parts[part].files.push({ name, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length });
}
const sum = (files, key) => files.reduce((total, f) => total + f[key], 0);
for (const { label, files } of Object.values(parts)) {
  for (const f of files) console.log(row(`  ${f.name}`, f.raw, f.gzip));
  console.log(row(label, sum(files, 'raw'), sum(files, 'gzip')));
}
const first = sum(parts.first.files, 'gzip') / 1024;
const verdict = first <= GOAL_KB ? 'within the goal' : first <= BUDGET_KB ? 'within the budget' : 'OVER the budget';
console.log(
  `first download ${first.toFixed(1)} KB gzip: ${verdict} (budget ${BUDGET_KB} KB, goal ${GOAL_KB} KB; ` +
    `${(first - BUDGET_KB).toFixed(1)} KB from the budget, ${(first - GOAL_KB).toFixed(1)} KB from the goal)`,
);
