// Prints the download of the release build in dist/ (gzip level 9): the first
// download, which PRODUCT.md bounds at 300 KB (aiming at 200 KB), and apart from
// it the parts fetched later: the panels beside the first map (fetched once the
// page runs), each part of the page fetched when first used (scripts/page.mjs
// lists them in parts.json), the background worker, started once the first map is
// shown, the room worker, and the service worker. The test command prints it on
// every run. Where the bytes are: size_profile.mjs.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const BUDGET_KB = 300;
const GOAL_KB = 200;
const dist = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../dist');
const kb = (bytes) => (bytes / 1024).toFixed(1);
const row = (label, raw, gzip) => `${label.padEnd(60)} ${kb(raw).padStart(8)} KB  ${kb(gzip).padStart(7)} KB gzip`;
const measure = (name) => {
  const bytes = fs.readFileSync(path.join(dist, name));
  return { name, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
};

const page = fs.readdirSync(dist).find((name) => /^page-[0-9a-f]{16}$/.test(name));
if (!page) {
  console.error('size.mjs: no page-<hash>/ folder in dist/: build with `trunk build --release` first.');
  process.exit(1);
}
const parts = JSON.parse(fs.readFileSync(path.join(dist, page, 'parts.json'), 'utf8'));
const groups = [
  { label: 'first download (page wasm + js + css)', files: [] },
  { label: 'next: the panels beside the first map (panels.bundle)', files: [] },
  ...Object.keys(parts).filter((p) => p !== 'panels').sort().map((part) => ({ part, label: `when first used: ${part}`, files: [] })),
  { label: 'later: background worker (analysis, imports, exports)', files: [] },
  { label: 'later: room worker (Yjs, QR code), only when a room is used', files: [] },
  { label: 'later: service worker (offline)', files: [] },
];
const byPart = new Map(groups.filter((g) => g.part).map((g) => [g.part, g]));
const [first, panels] = groups;
const [worker, room, offline] = groups.slice(-3);

for (const name of fs.readdirSync(dist, { recursive: true }).sort()) {
  if (!/\.(wasm|js|css|bundle)$/.test(name)) continue;
  const base = path.basename(name);
  if (base.startsWith('simpul-worker')) worker.files.push(measure(name));
  else if (base.startsWith('simpul-room')) room.files.push(measure(name));
  else if (base === 'sw.js') offline.files.push(measure(name));
  else if (base === 'panels.bundle') panels.files.push(measure(name));
  else if (!name.startsWith(page) || !base.endsWith('.wasm') || base === 'simpul-web_bg.wasm') first.files.push(measure(name));
}
// A chunk of code shared by several parts is counted with each of them.
for (const [part, files] of Object.entries(parts)) {
  const group = byPart.get(part);
  if (!group) continue;
  for (const file of files) {
    if (fs.existsSync(path.join(dist, page, file))) group.files.push(measure(path.join(page, file)));
  }
}

const sum = (files, key) => files.reduce((total, f) => total + f[key], 0);
for (const { label, files, part } of groups) {
  // Parts are one line each: a dozen chunks apiece would bury the rest.
  if (!part) for (const f of files) console.log(row(`  ${f.name}`, f.raw, f.gzip));
  console.log(row(label, sum(files, 'raw'), sum(files, 'gzip')));
}
const firstKb = sum(first.files, 'gzip') / 1024;
const verdict = firstKb <= GOAL_KB ? 'within the goal' : firstKb <= BUDGET_KB ? 'within the budget' : 'OVER the budget';
console.log(
  `first download ${firstKb.toFixed(1)} KB gzip: ${verdict} (budget ${BUDGET_KB} KB, goal ${GOAL_KB} KB; ` +
    `${(firstKb - BUDGET_KB).toFixed(1)} KB from the budget, ${(firstKb - GOAL_KB).toFixed(1)} KB from the goal)`,
);
