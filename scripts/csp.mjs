// Trunk post-build hook: adds a strict Content-Security-Policy to index.html.
// Trunk's loader is an inline module script, so it is allowed by its SHA-256 hash
// rather than by 'unsafe-inline'. Runs on the staged build (TRUNK_STAGING_DIR).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const file = path.join(process.env.TRUNK_STAGING_DIR ?? 'dist', 'index.html');
const html = fs.readFileSync(file, 'utf8');
// A release build's page is minified: its attributes may have lost their quotes.
const inline = [...html.matchAll(/<script type="?module"?>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (inline.length === 0) {
  console.error(`csp.mjs: no inline loader script in ${file}`);
  process.exit(1);
}
const hashes = inline.map((s) => `'sha256-${crypto.createHash('sha256').update(s, 'utf8').digest('base64')}'`);
const policy = [
  "default-src 'none'",
  `script-src 'self' ${hashes.join(' ')} 'wasm-unsafe-eval'`,
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
// First in <head>, so that it governs everything after it.
const updated = html.replace(/<meta charset="?utf-8"?>/i, (charset) => `${charset}\n  ${meta}`);
if (updated === html) {
  console.error('csp.mjs: no <meta charset="utf-8"> to place the policy after');
  process.exit(1);
}
fs.writeFileSync(file, updated);
