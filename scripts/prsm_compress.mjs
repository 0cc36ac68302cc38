// PRSM 3 saves its maps compressed with lz-string's compressToUTF16, in a UTF-8
// file with a byte order mark. This writes, with the reference lz-string:
// - tests/fixtures/foreign/madani.prsm, the PRSM map madani.json compressed so;
// - tests/fixtures/foreign/lz_string_reference.jsonl, texts and their compressed
//   forms, for tests/foreign_files.rs to decompress.
// Run after scripts/foreign_files.py (see there).
import fs from 'node:fs';
import path from 'node:path';
import lz from 'lz-string';

const out = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../tests/fixtures/foreign');
const map = fs.readFileSync(path.join(out, 'madani.json'), 'utf8');
fs.writeFileSync(path.join(out, 'madani.prsm'), '\ufeff' + lz.compressToUTF16(map));
const texts = [
  '',
  'a',
  'a'.repeat(40),
  'hello, hello, hello world',
  '{"mapTitle":"Peta ✓ — Jakarta","nodes":[]}',
  'Ünïcödé 😀 and ascii',
  'ab'.repeat(400),
  map,
];
const lines = texts.map((text) => JSON.stringify([text, lz.compressToUTF16(text)]));
fs.writeFileSync(path.join(out, 'lz_string_reference.jsonl'), lines.join('\n') + '\n');
console.log(`wrote madani.prsm and ${texts.length} reference texts to ${out}`);
