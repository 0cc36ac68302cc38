// Prints the download size of the release build in dist/ (wasm + js + css, gzip),
// the figure the README reports and PRODUCT.md bounds at 300 KB.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../dist');
let raw = 0;
let gzip = 0;
for (const name of fs.readdirSync(dist, { recursive: true })) {
  if (!/\.(wasm|js|css)$/.test(name)) continue;
  const bytes = fs.readFileSync(path.join(dist, name));
  const zipped = zlib.gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gzip += zipped;
  console.log(`${name.padEnd(44)} ${(bytes.length / 1024).toFixed(1).padStart(8)} KB  ${(zipped / 1024).toFixed(1).padStart(7)} KB gzip`);
}
console.log(`${'download (wasm + js + css)'.padEnd(44)} ${(raw / 1024).toFixed(1).padStart(8)} KB  ${(gzip / 1024).toFixed(1).padStart(7)} KB gzip`);
