// Runs the end-to-end tests: every tests/e2e/*.test.mjs, one file at a time (they
// share one server and one browser build). The files are named one by one because
// Node releases read a folder given to `node --test` differently (20 runs what is
// in it, 22 and later look for a glob). `npm run e2e -- tests/e2e/maps.test.mjs`
// runs only the files named.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const folder = path.join(root, 'tests/e2e');
const named = process.argv.slice(2);
const files = named.length
  ? named
  : fs.readdirSync(folder).filter((name) => name.endsWith('.test.mjs')).sort().map((name) => path.join('tests/e2e', name));
if (files.length === 0) {
  console.error('No end-to-end test files found in tests/e2e.');
  process.exit(1);
}
const run = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...files], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
