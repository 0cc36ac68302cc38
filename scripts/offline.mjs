// Trunk post-build hook: writes sw.js, the service worker that keeps the app
// working offline, listing every file of this build under a version made from
// their contents. Runs after csp.mjs, so the index.html it lists is the final one.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const staging = process.env.TRUNK_STAGING_DIR ?? 'dist';
const template = path.join(path.dirname(fileURLToPath(import.meta.url)), 'service-worker.js');
const files = fs.readdirSync(staging, { recursive: true })
  .filter((name) => fs.statSync(path.join(staging, name)).isFile() && name !== 'sw.js')
  .map((name) => name.split(path.sep).join('/'))
  .sort();
const hash = crypto.createHash('sha256');
for (const name of files) hash.update(name).update('\0').update(fs.readFileSync(path.join(staging, name)));
const version = hash.digest('hex').slice(0, 16);
const worker = fs.readFileSync(template, 'utf8')
  .replace('__VERSION__', version)
  .replace('__FILES__', JSON.stringify(files.map((name) => `./${name}`)));
fs.writeFileSync(path.join(staging, 'sw.js'), worker);
