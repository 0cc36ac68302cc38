// Benchmark: the network view's force layout compiled to wasm, on generated maps of
// 500, 1,000 and 5,000 stakeholders (with their sector hubs). Prints the median
// time of one step and the time and number of steps to settle; then the same
// graph laid out by graphology-layout-forceatlas2 and d3-force from the same start,
// with the time per step of each and two figures of the picture's quality, so
// that speed is not bought with a worse picture. Not a test.
//
//   scripts/bench.sh            (builds the wasm module, then runs this)
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { forceSimulation, forceLink, forceManyBody, forceCenter } from 'd3-force';
import { generate } from './maps.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { BenchLayout } = require(path.join(root, 'target/bench-wasm/analysis_wasm.js'));

/** Pairs of points, as a flat array, into `[[x, y], …]`. */
function points(flat) {
  const out = [];
  for (let i = 0; i < flat.length; i += 2) out.push([flat[i], flat[i + 1]]);
  return out;
}

/** Neighbour lists of `count` bodies joined by `springs` (`[a, b]` pairs). */
function neighbours(count, springs) {
  const out = Array.from({ length: count }, () => []);
  for (const [a, b] of springs) {
    if (a === b) continue;
    out[a].push(b);
    out[b].push(a);
  }
  return out;
}

/**
 * Normalised stress (Gansner, Koren & North 2004) of a picture: over pairs of
 * bodies, `Σ (s·‖p_i − p_j‖ − d_ij)² / d_ij²` divided by the number of pairs,
 * where `d_ij` is the number of springs between them and `s` the scale that fits
 * best (so the figure does not depend on a layout's unit). 0 draws every graph
 * distance to scale; lower is better. From every body up to 1,000 bodies, else
 * from 400 spread evenly (the same ones for every layout).
 */
function stress(positions, adjacency) {
  const n = positions.length;
  const sources = n <= 1000 ? [...Array(n).keys()] : Array.from({ length: 400 }, (_, k) => Math.floor((k * n) / 400));
  const distance = new Int32Array(n);
  const queue = new Int32Array(n);
  // Σ D/d and Σ D²/d² over the pairs, then Σ (sD − d)²/d² for the best s.
  let sumRatio = 0;
  let sumSquare = 0;
  let pairs = 0;
  const ratios = [];
  for (const source of sources) {
    distance.fill(-1);
    distance[source] = 0;
    let head = 0;
    let tail = 0;
    queue[tail++] = source;
    while (head < tail) {
      const v = queue[head++];
      for (const w of adjacency[v]) {
        if (distance[w] < 0) {
          distance[w] = distance[v] + 1;
          queue[tail++] = w;
        }
      }
    }
    const [sx, sy] = positions[source];
    for (let t = 0; t < n; t++) {
      if (t === source || distance[t] <= 0) continue;
      const ratio = Math.hypot(positions[t][0] - sx, positions[t][1] - sy) / distance[t];
      ratios.push(ratio);
      sumRatio += ratio;
      sumSquare += ratio * ratio;
      pairs++;
    }
  }
  if (pairs === 0 || sumSquare === 0) return 0;
  const scale = sumRatio / sumSquare;
  let total = 0;
  for (const ratio of ratios) total += (scale * ratio - 1) ** 2;
  return total / pairs;
}

/** Springs drawn as straight lines that cross one another (sharing no body). */
function crossings(positions, springs) {
  const segments = springs
    .filter(([a, b]) => a !== b)
    .map(([a, b]) => {
      const [p, q] = [positions[a], positions[b]];
      return { a, b, p, q, left: Math.min(p[0], q[0]), right: Math.max(p[0], q[0]) };
    })
    .sort((s, t) => s.left - t.left);
  const side = (p, q, r) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  let count = 0;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    for (let j = i + 1; j < segments.length && segments[j].left <= s.right; j++) {
      const t = segments[j];
      if (s.a === t.a || s.a === t.b || s.b === t.a || s.b === t.b) continue;
      if (side(s.p, s.q, t.p) * side(s.p, s.q, t.q) < 0 && side(t.p, t.q, s.p) * side(t.p, t.q, s.q) < 0) count++;
    }
  }
  return count;
}

const sizes = (process.env.BENCH_SIZES ?? '500,1000,5000').split(',').map(Number);
const rows = [];
const against = [];
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
  const springs = points(settling.springs());
  const startPositions = points(settling.positions());
  const start = performance.now();
  let count = 0;
  while (!settling.is_settled() && count < 2000) {
    settling.step();
    count++;
  }
  const settle = performance.now() - start;
  if (!Number.isFinite(settling.checksum())) throw new Error('layout produced a non-finite position');
  const ours = points(settling.positions());
  settling.free();
  rows.push({
    stakeholders: n,
    'one step, median (ms)': steps[Math.floor(steps.length / 2)].toFixed(2),
    'one step, worst (ms)': steps[steps.length - 1].toFixed(2),
    'steps to settle': count,
    'time to settle, steps only (ms)': settle.toFixed(0),
  });

  // The same bodies and springs, from the same start, for as many steps.
  const bodies = startPositions.length;
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  startPositions.forEach(([x, y], i) => graph.addNode(i, { x, y }));
  for (const [a, b] of springs) if (a !== b) graph.mergeEdge(a, b);
  const settings = forceAtlas2.inferSettings(graph);
  const fa2Start = performance.now();
  const fa2 = forceAtlas2(graph, { iterations: count, settings });
  const fa2Time = performance.now() - fa2Start;
  const fa2Positions = startPositions.map((_, i) => [fa2[i].x, fa2[i].y]);

  // d3-force cools over the same number of steps (its alpha reaches alphaMin at the last).
  const nodes = startPositions.map(([x, y], index) => ({ index, x, y }));
  const links = [];
  graph.forEachEdge((_, __, a, b) => links.push({ source: Number(a), target: Number(b) }));
  const simulation = forceSimulation(nodes)
    .force('link', forceLink(links))
    .force('charge', forceManyBody())
    .force('center', forceCenter())
    .alphaDecay(1 - Math.pow(0.001, 1 / count))
    .stop();
  const d3Start = performance.now();
  simulation.tick(count);
  const d3Time = performance.now() - d3Start;
  const d3Positions = nodes.map((node) => [node.x, node.y]);

  const adjacency = neighbours(bodies, springs);
  const perStep = (total) => total / count;
  const oursPerStep = settle / count;
  against.push({
    stakeholders: n,
    'bodies, springs': `${bodies}, ${graph.size}`,
    steps: count,
    'Simpul, ms/step': oursPerStep.toFixed(2),
    'ForceAtlas2, ms/step (×)': `${perStep(fa2Time).toFixed(2)} (${(perStep(fa2Time) / oursPerStep).toFixed(1)}×)`,
    'd3-force, ms/step (×)': `${perStep(d3Time).toFixed(2)} (${(perStep(d3Time) / oursPerStep).toFixed(1)}×)`,
    'stress: Simpul, FA2, d3': [ours, fa2Positions, d3Positions].map((p) => stress(p, adjacency).toFixed(3)).join(', '),
    'crossings: Simpul, FA2, d3': [ours, fa2Positions, d3Positions].map((p) => crossings(p, springs)).join(', '),
  });
}
console.table(rows);
console.log('Goal: one layout step for 1,000 stakeholders under 8 ms. In the app the layout steps once per frame (more while a frame has time left), so it settles in about steps ÷ 60 seconds.');
console.table(against);
console.log(
  'The same bodies and springs from the same start, for the steps Simpul takes to settle: graphology-layout-forceatlas2 with its inferred settings (Barnes–Hut above 2,000 bodies), d3-force with its default forces cooled over those steps. (×): its time per step over Simpul\'s. Stress: normalised stress at the best scale, lower is better (0 draws every graph distance to scale). Crossings: springs that cross, lower is better.',
);
