// Trunk post-build hook, first of the chain: splits the page (the `simpul-web`
// binary) into its first download and chunks fetched when first used.
//
// Trunk's Rust pipeline runs cargo, wasm-bindgen and wasm-opt with nothing in
// between, and splitting needs a step after the link and before wasm-bindgen. So
// Trunk builds the page unoptimised (index.html) and this replaces its output:
//
// 1. cargo has linked `simpul-web` keeping its relocations (build.rs);
// 2. `wasm-split-cli` cuts out each part marked with `part!` (src/ui/on_demand.rs)
//    and what only it uses, into `split_<chunk>.wasm`, and writes the loader
//    `__wasm_split.js` the main module calls to fetch one;
// 3. wasm-bindgen makes the JavaScript glue (keeping the function table and memory
//    exports the chunks link against), and in a release build wasm-opt shrinks the
//    main module and each chunk;
// 4. the files go into `page-<hash of their contents>/` of the staged build in
//    place of Trunk's, and index.html starts the page from there.
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';
/** SIMPUL_KEEP_NAMES=1 keeps the functions' names, for a CPU profile that says where the time goes (bench/rooms.mjs with BENCH_PROFILE=1); a bigger download. */
const keepNames = process.env.SIMPUL_KEEP_NAMES === '1';
const staging = path.resolve(process.env.TRUNK_STAGING_DIR ?? path.join(root, 'dist'));
const target = path.join(root, 'target');
const work = path.join(target, 'page-split');
const NAME = 'simpul-web';
/**
 * The panels shown beside the first map (the findings, the inspector, the tables,
 * the maps library) are one part of a few dozen chunks: fetched one by one they
 * would be as many round trips on a slow line. They go as one file, and the
 * loader takes each chunk out of it.
 */
const BUNDLED_PART = 'panels';

const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });
const linked = path.join(target, 'wasm32-unknown-unknown', release ? 'release' : 'debug', `${NAME}.wasm`);

fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });
run('wasm-split-cli', [linked, work, '--out-name', NAME]);
const bound = path.join(work, 'bindgen');
run('wasm-bindgen', [
  '--target', 'web', '--no-typescript', '--keep-lld-exports', '--out-dir', bound, '--out-name', NAME,
  path.join(work, `${NAME}.wasm`),
]);

const out = path.join(work, 'page');
fs.mkdirSync(out);
const shrink = (from, to) => (release ? run('wasm-opt', ['-Oz', ...(keepNames ? ['-g'] : []), from, '-o', to]) : fs.copyFileSync(from, to));
shrink(path.join(bound, `${NAME}_bg.wasm`), path.join(out, `${NAME}_bg.wasm`));
fs.copyFileSync(path.join(bound, `${NAME}.js`), path.join(out, `${NAME}.js`));
if (fs.existsSync(path.join(bound, 'snippets'))) {
  fs.cpSync(path.join(bound, 'snippets'), path.join(out, 'snippets'), { recursive: true });
}
const chunks = fs.readdirSync(work).filter((name) => name.endsWith('.wasm') && name !== `${NAME}.wasm`);
for (const chunk of chunks) shrink(path.join(work, chunk), path.join(out, chunk));
if (chunks.length > 0) {
  const loader = fs.readFileSync(path.join(work, '__wasm_split.js'), 'utf8');
  const parts = partsIn(loader);
  fs.writeFileSync(path.join(out, 'parts.json'), `${JSON.stringify(parts, null, 1)}\n`);
  fs.writeFileSync(path.join(out, '__wasm_split.js'), bundled(loader, parts, out));
}

// A folder named by what it holds: a new build is never mixed with a cached old one.
const hash = crypto.createHash('sha256');
for (const name of fs.readdirSync(out, { recursive: true }).sort()) {
  const file = path.join(out, name);
  if (fs.statSync(file).isFile()) hash.update(name).update('\0').update(fs.readFileSync(file));
}
const folder = `page-${hash.digest('hex').slice(0, 16)}`;
for (const old of fs.readdirSync(staging).filter((name) => /^page-[0-9a-f]{16}$/.test(name))) {
  fs.rmSync(path.join(staging, old), { recursive: true, force: true });
}
fs.cpSync(out, path.join(staging, folder), { recursive: true });

// Trunk's own build of the page goes: its files, and the loader and preloads
// index.html has for them (a release build's index.html is minified: attributes
// may have lost their quotes).
for (const name of fs.readdirSync(staging)) {
  if (name.startsWith(`${NAME}-`) || name === 'snippets') fs.rmSync(path.join(staging, name), { recursive: true, force: true });
}
const indexFile = path.join(staging, 'index.html');
const trunks = fs.readFileSync(indexFile, 'utf8');
const index = trunks
  .replace(/<script type="?module"?>[^<]*<\/script>/g, '')
  .replace(/<link\b[^>]*href="?\/?(?:simpul-web-[0-9a-f]+|snippets\/)[^>]*>/g, '');
if (/simpul-web-[0-9a-f]+|snippets\//.test(index)) {
  console.error(`page.mjs: index.html still names Trunk's build of the page`);
  process.exit(1);
}

// The page starts from a module script (allowed by its hash in csp.mjs); the glue
// and the main module are asked for at once, beside the style sheet.
const start =
  `<link rel="modulepreload" href="./${folder}/${NAME}.js">` +
  `<link rel="preload" href="./${folder}/${NAME}_bg.wasm" as="fetch" type="application/wasm" crossorigin>` +
  `<script type="module">import init from './${folder}/${NAME}.js';\n` +
  `await init({ module_or_path: './${folder}/${NAME}_bg.wasm' });</script>`;
if (!/<\/head>/i.test(index)) {
  console.error(`page.mjs: no </head> in ${indexFile} to start the page from`);
  process.exit(1);
}
fs.writeFileSync(indexFile, index.replace(/<\/head>/i, `${start}</head>`));
console.log(`page.mjs: ${folder}/ with ${chunks.length} chunk(s) fetched when first used`);

/**
 * Each part's files, from the loader wasm-split wrote: the part's own chunk
 * (`split_<part>.wasm`) first, then the chunks of code it shares with other parts.
 */
function partsIn(loader) {
  const loads = [...loader.matchAll(/(?:export )?const (\w+) = (?:wrapAsyncCb\()?makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([\w.]+)"[\s\S]*?\n, \[([^\]]*)\]/g)];
  const fileOf = new Map(loads.map(([, name, file]) => [name, file]));
  const parts = {};
  for (const [, name, file, deps] of loads) {
    const part = name.match(/^__wasm_split_load_(\w+)$/)?.[1];
    if (!part) continue;
    const shared = deps.split(',').map((d) => d.trim()).filter(Boolean).map((d) => fileOf.get(d));
    if (shared.some((f) => f === undefined)) throw new Error(`page.mjs: a chunk of part ${part} is not in __wasm_split.js`);
    parts[part] = [file, ...shared];
  }
  if (Object.keys(parts).length === 0) throw new Error('page.mjs: no part found in __wasm_split.js');
  return parts;
}

function bundled(loader, parts, folder) {
  const files = parts[BUNDLED_PART];
  if (!files) return loader;
  const offsets = {};
  const bytes = [];
  let at = 0;
  for (const file of files) {
    const data = fs.readFileSync(path.join(folder, file));
    offsets[file] = [at, at + data.length];
    bytes.push(data);
    at += data.length;
  }
  fs.writeFileSync(path.join(folder, `${BUNDLED_PART}.bundle`), Buffer.concat(bytes));
  // The loader takes every one of these from the bundle: the files alone would
  // only be fetched again by the service worker.
  for (const file of files) fs.rmSync(path.join(folder, file));
  const fetches = /fetch\(new URL\("\.\/([\w.]+)", import\.meta\.url\)\)/g;
  const count = [...loader.matchAll(fetches)].length;
  if (count === 0) throw new Error('page.mjs: no chunk fetch in __wasm_split.js to take from the bundle');
  return `${loader.replace(fetches, (_, file) => `fetchChunk(${JSON.stringify(file)})`)}
// Added by scripts/page.mjs: chunks of the ${BUNDLED_PART} come out of one file.
const BUNDLE = ${JSON.stringify(offsets)};
let bundle;
function fetchChunk(file) {
  const range = BUNDLE[file];
  if (range === undefined) return fetch(new URL(\`./\${file}\`, import.meta.url));
  if (bundle === undefined) {
    bundle = fetch(new URL('./${BUNDLED_PART}.bundle', import.meta.url))
      .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(\`${BUNDLED_PART}.bundle: \${r.status}\`))));
    // A failed fetch is tried again the next time a chunk is asked for.
    bundle.catch(() => { bundle = undefined; });
  }
  return bundle.then((all) => new Response(all.slice(range[0], range[1]), { headers: { 'content-type': 'application/wasm' } }));
}
`;
}
