// Benchmark: Simpul's analysis compiled to wasm against graphology-metrics, in one
// Node process, on the same generated maps. Prints times and ratios; checks that
// the results agree. Not a test: it asserts agreement, never speed.
//
//   scripts/bench.sh            (builds the wasm module, then runs this)
import { performance } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Graph from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import closenessCentrality from 'graphology-metrics/centrality/closeness.js';
import { generate } from './maps.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { BenchMap } = require(path.join(root, 'target/bench-wasm/analysis_wasm.js'));

function graphologyGraph(map) {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const s of map.stakeholders) graph.addNode(s.id);
  for (const l of map.links) graph.mergeEdge(l.from, l.to);
  return graph;
}

/** Medians of `runs` timings of each of `works`, run in turns (one of each, then
 *  again), in milliseconds, after one warm-up run of each. */
function inTurns(works, runs) {
  works.forEach((work) => work());
  const times = works.map(() => []);
  for (let i = 0; i < runs; i++) {
    works.forEach((work, k) => {
      const start = performance.now();
      work();
      times[k].push(performance.now() - start);
    });
  }
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]);
}

function agree(label, ours, theirs, ids, tolerance) {
  let worst = 0;
  ids.forEach((id, i) => { worst = Math.max(worst, Math.abs(ours[i] - theirs[id])); });
  if (!(worst <= tolerance)) throw new Error(`${label}: results differ by ${worst}`);
  return worst;
}

if (process.env.BENCH_WRITE_MAP) {
  const n = Number(process.env.BENCH_WRITE_MAP);
  process.stdout.write(JSON.stringify(generate(n, 20261122 + n)));
  process.exit(0);
}

const sizes = (process.env.BENCH_SIZES ?? '50,500,5000').split(',').map(Number);
const rows = [];
for (const n of sizes) {
  const map = generate(n, 20261122 + n);
  const ids = map.stakeholders.map((s) => s.id);
  const ours = new BenchMap(JSON.stringify(map));
  const graph = graphologyGraph(map);
  const runs = n <= 50 ? 200 : n <= 500 ? 30 : 3;

  // Agreement first: betweenness and closeness against graphology-metrics.
  const metrics = ours.metrics();
  const pick = (k) => ids.map((_, i) => metrics[4 * i + k]);
  const theirBetweenness = betweennessCentrality(graph);
  const theirCloseness = closenessCentrality(graph, { wassermanFaust: true });
  const betweennessError = agree('betweenness', pick(1), theirBetweenness, ids, 1e-9);
  const closenessError = agree('closeness', pick(2), theirCloseness, ids, 1e-9);

  // In turns, so that the communities' share is of one moment of the machine.
  const [full, communities] = inTurns([() => ours.analyze(), () => ours.communities()], runs);
  // The same analysis natively (scripts/bench.sh builds it), on the same map.
  const nativeBin = path.join(root, 'target/release/examples/analysis_native');
  let native = null;
  if (fs.existsSync(nativeBin)) {
    const run = spawnSync(nativeBin, [String(runs)], { input: JSON.stringify(map), maxBuffer: 1 << 26 });
    if (run.status === 0) native = JSON.parse(run.stdout.toString());
  }
  // Taken in turns, so that a slow moment of this noisy machine falls on both.
  const [oursBetweenness, theirsBetweenness] = inTurns([() => ours.betweenness(), () => betweennessCentrality(graph)], runs);
  rows.push({
    stakeholders: n,
    'linked pairs': graph.size,
    'full analysis, wasm (ms)': full.toFixed(2),
    'full analysis, native (ms)': native ? native.full_ms.toFixed(2) : '–',
    'communities, wasm (ms)': `${communities.toFixed(2)} (${Math.round((100 * communities) / full)} %)`,
    'betweenness, wasm (ms)': oursBetweenness.toFixed(2),
    'betweenness, graphology (ms)': theirsBetweenness.toFixed(2),
    'speed-up': `${(theirsBetweenness / oursBetweenness).toFixed(1)}×`,
    'max |Δ| betweenness': betweennessError.toExponential(1),
    'max |Δ| closeness': closenessError.toExponential(1),
    findings: ours.analyze(),
  });
  ours.free();
}
console.table(rows);
console.log('Goals (issue 18): full analysis of 500 in at most 5 ms in wasm; betweenness at least 15× faster than graphology-metrics at 500 and 5,000; full analysis of 5,000 in at most 0.8 s; communities within 10 % of the analysis time.');
