// Benchmark: the network view's force layout compiled to wasm, on generated maps of
// 500, 1,000 and 5,000 stakeholders (with their sector hubs). Prints the median
// time of one step and the time and number of steps to settle. Not a test.
//
//   scripts/bench.sh            (builds the wasm module, then runs this)
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './maps.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { BenchLayout } = require(path.join(root, 'target/bench-wasm/analysis_wasm.js'));

const sizes = (process.env.BENCH_SIZES ?? '500,1000,5000').split(',').map(Number);
const rows = [];
for (const n of sizes) {
  const json = JSON.stringify(generate(n, 20261122 + n));
  // Step time: median over the first 60 steps of a fresh layout (the busiest ones).
  const layout = new BenchLayout(json, 7n);
  const steps = [];
  for (let i = 0; i < 60; i++) {
    const start = performance.now();
    layout.step();
    steps.push(performance.now() - start);
  }
  layout.free();
  steps.sort((a, b) => a - b);
  // Settling: from scratch until the layout reports it has settled.
  const settling = new BenchLayout(json, 7n);
  const start = performance.now();
  let count = 0;
  while (!settling.is_settled() && count < 2000) {
    settling.step();
    count++;
  }
  const settle = performance.now() - start;
  if (!Number.isFinite(settling.checksum())) throw new Error('layout produced a non-finite position');
  settling.free();
  rows.push({
    stakeholders: n,
    'one step, median (ms)': steps[Math.floor(steps.length / 2)].toFixed(2),
    'one step, worst (ms)': steps[steps.length - 1].toFixed(2),
    'steps to settle': count,
    'time to settle, steps only (ms)': settle.toFixed(0),
  });
}
console.table(rows);
console.log('Goal: one layout step for 1,000 stakeholders under 8 ms. In the app the layout steps once per frame (more while a frame has time left), so it settles in about steps ÷ 60 seconds.');
