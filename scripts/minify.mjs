// Trunk post-build hook, release builds only: minifies the page's JavaScript that
// Trunk's own minifier leaves as it is (wasm-bindgen's glue and the snippets are ES
// modules it cannot parse), with terser, and updates the integrity hashes
// index.html carries for them. Runs before csp.mjs and offline.mjs. The workers'
// glue (background and room) is a classic script whose top-level names are its
// interface: it is left as it is (it is not in the first download).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { minify } from 'terser';

if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);
const staging = process.env.TRUNK_STAGING_DIR ?? 'dist';
const sri = (bytes) => `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`;
const indexFile = path.join(staging, 'index.html');
let index = fs.readFileSync(indexFile, 'utf8');
const scripts = fs.readdirSync(staging, { recursive: true })
  .filter((name) => name.endsWith('.js') && path.basename(name) !== 'sw.js' && !/^simpul-(worker|room)/.test(path.basename(name)));
for (const name of scripts) {
  const file = path.join(staging, name);
  const before = fs.readFileSync(file);
  const result = await minify(before.toString('utf8'), { module: true, compress: true, mangle: true });
  if (typeof result.code !== 'string') {
    console.error(`minify.mjs: terser gave nothing for ${name}`);
    process.exit(1);
  }
  fs.writeFileSync(file, result.code);
  index = index.split(sri(before)).join(sri(Buffer.from(result.code)));
}
fs.writeFileSync(indexFile, index);
