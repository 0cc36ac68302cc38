// Where the bytes of the release build are: builds both binaries as Trunk and
// scripts/page.mjs do (cargo --release, with index.html's features; for the page, its first download as
// wasm-split-cli leaves it; wasm-bindgen, wasm-opt -Oz) but keeps the function names
// (wasm-opt -g), asks twiggy for every function's size, and sums them by crate
// and by module of ours. Prints two Markdown tables; with --write it puts them
// into docs/performance.md between the "size-profile" markers.
//
// Generic code is counted where it is defined (a Leptos view closure made for one
// of our components counts as tachys or reactive_graph), so the crate table says
// what each library costs us, not who asked for it.
//
// Needs twiggy (`cargo install twiggy`); run from any folder.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, 'target/size-profile');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 30 }).toString();
const kb = (bytes) => (bytes / 1024).toFixed(1);

fs.mkdirSync(out, { recursive: true });
// Each with the features index.html builds it with: the page without the default ones.
const build = ['build', '--locked', '--release', '--target', 'wasm32-unknown-unknown'];
run('cargo', [...build, '--bin', 'simpul-web', '--no-default-features']);
run('cargo', [...build, '--bin', 'simpul-worker']);

/** The crate of a demangled name: `<a::B as c::D>::f` is `a`'s, `&mut x::y` is `x`'s. */
function crateOf(name) {
  const bare = name.replace(/^[<&*\s]+/, '').replace(/^(mut|dyn|const) /, '');
  const crate = bare.split(/::|<| |\[|\{|>|\(/)[0];
  if (/^[A-Z]$/.test(crate)) return '(generic impls, <T as …>)';
  if (crate === 'code' || crate === 'elem' || !crate) return '(unnamed)';
  if (bare.startsWith('simpul_web::ui::')) return 'simpul';
  if (crate === 'simpul_web' || crate === 'simpul_worker') return `${crate}::main (inlined)`;
  return crate;
}

/** Our module of a name in `simpul::` (or the page's `simpul_web::ui::`), two
 * levels deep: `ui::state`, `format::decode`. */
function moduleOf(name) {
  const bare = name.replace(/^[<&*\s]+/, '').replace(/^simpul_web::ui::/, 'simpul::ui::');
  const parts = bare.split('::');
  return parts.slice(1, 3).map((p) => p.split(/[<\s]/)[0]).filter((p) => /^[a-z_][a-z0-9_]*$/.test(p)).join('::') || '(crate root)';
}

function profile(bin) {
  let built = path.join(root, 'target/wasm32-unknown-unknown/release', `${bin}.wasm`);
  if (bin === 'simpul-web') {
    // The first download: what is left once the parts are split out.
    const split = path.join(out, 'split');
    fs.rmSync(split, { recursive: true, force: true });
    run('wasm-split-cli', [built, split, '--out-name', bin]);
    built = path.join(split, `${bin}.wasm`);
  }
  run('wasm-bindgen', ['--target', bin === 'simpul-web' ? 'web' : 'no-modules', '--keep-debug', '--keep-lld-exports', '--out-dir', out, built]);
  const bound = path.join(out, `${bin}_bg.wasm`);
  const optimised = path.join(out, `${bin}.opt.wasm`);
  run('wasm-opt', ['-Oz', '-g', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue', bound, '-o', optimised]);
  const stripped = path.join(out, `${bin}.stripped.wasm`);
  run('wasm-opt', ['--strip-debug', '--strip-producers', '--all-features', optimised, '-o', stripped]);
  const csv = run('twiggy', ['top', '-n', '1000000', '--format', 'csv', optimised]);
  const byCrate = new Map();
  const byModule = new Map();
  let counted = 0;
  for (const line of csv.split('\n').slice(1)) {
    const match = line.match(/^(".*"|[^,]*),(\d+),/);
    if (!match) continue;
    const name = match[1].replace(/^"|"$/g, '').replace(/""/g, '"');
    const bytes = Number(match[2]);
    if (/custom section|subsection|^export |^import |section headers$|^type\[|^table\[/.test(name)) continue;
    const key = name.startsWith('data segment') ? '(data: strings, tables)' : crateOf(name);
    byCrate.set(key, (byCrate.get(key) ?? 0) + bytes);
    if (key === 'simpul') byModule.set(moduleOf(name), (byModule.get(moduleOf(name)) ?? 0) + bytes);
    counted += bytes;
  }
  const bytes = fs.readFileSync(stripped);
  return { bin, byCrate, byModule, counted, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
}

function table(title, entries, total, rows) {
  const sorted = [...entries].sort((a, b) => b[1] - a[1]);
  const shown = sorted.slice(0, rows);
  const rest = sorted.slice(rows).reduce((sum, [, b]) => sum + b, 0);
  const lines = [`| ${title} | KB | share |`, '|---|---:|---:|'];
  for (const [name, b] of shown) lines.push(`| ${name.startsWith('(') ? name : `\`${name}\``} | ${kb(b)} | ${((100 * b) / total).toFixed(1)} % |`);
  if (rest) lines.push(`| ${sorted.length - rows} more | ${kb(rest)} | ${((100 * rest) / total).toFixed(1)} % |`);
  return lines.join('\n');
}

const parts = ['simpul-web', 'simpul-worker'].map(profile);
const report = parts
  .map((p) => {
    const label = p.bin === 'simpul-web' ? 'The page (first download)' : 'The background worker (fetched after the first paint)';
    const ours = [...p.byModule.values()].reduce((a, b) => a + b, 0);
    return [
      `#### ${label}: \`${p.bin}\`, ${kb(p.raw)} KB, ${kb(p.gzip)} KB gzip`,
      '',
      'Code and data by crate (before gzip):',
      '',
      table('crate', p.byCrate, p.counted, 14),
      '',
      `Our own code (\`simpul\`, ${kb(ours)} KB) by module:`,
      '',
      table('module', p.byModule, ours, 16),
    ].join('\n');
  })
  .join('\n\n');

console.log(report);
if (process.argv.includes('--write')) {
  const doc = path.join(root, 'docs/performance.md');
  const text = fs.readFileSync(doc, 'utf8');
  const start = '<!-- size-profile: start (scripts/size_profile.mjs --write) -->';
  const end = '<!-- size-profile: end -->';
  const [before, afterStart] = text.split(start);
  if (afterStart === undefined || !afterStart.includes(end)) throw new Error(`docs/performance.md needs the markers ${start} and ${end}`);
  fs.writeFileSync(doc, `${before}${start}\n${report}\n${end}${afterStart.split(end)[1]}`);
  console.error('docs/performance.md updated');
}
