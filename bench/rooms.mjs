// Benchmark: a workshop room under load (issue 21). The stock relay runs on
// loopback; a facilitator's page in headless Chromium opens a room on a small map,
// the projector; then 30 simulated participants — Node clients of the same
// y-websocket protocol (yjs, y-protocols), each with its presence — join the room
// and each add 10 stakeholders and 10 links, one edit every 100–600 ms, as people
// typing on phones would. It prints:
//   - the time from an edit to its arrival at every other participant (p50, p95,
//     worst), over every (edit, receiver) pair;
//   - the relay's memory before and after (resident, and its peak);
//   - the projector page's longest tasks while the room edits (the 100 ms bar),
//     and how long after the last edit the projector shows the whole map.
// All 30 clients share one Node process (and the machine's 2 cores with the relay
// and Chromium), so their arrival times include that process's queue: the
// numbers are an upper bound of what 30 phones would see on a LAN.
// Not a test: the numbers depend on the machine.
//
//   scripts/bench.sh rooms      (builds the release app first)
// BENCH_CPU_SLOWDOWN=4 runs the projector's page 4× slower while the room edits
// (a projector's laptop slower than this machine). BENCH_PROFILE=1 also prints where the projector spent each of its tasks over
// 50 ms (a CPU profile's samples in it; wasm functions have names only in a build
// that keeps them: SIMPUL_KEEP_NAMES=1 trunk build --release).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { serve, launch, openApp, newMapWith, desktop, freePort, startRelay } from '../tests/e2e/harness.mjs';

const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 30);
const EACH = Number(process.env.BENCH_EDITS ?? 10);
const SEED = 'dinas-kesehatan';

/** Resident and peak memory of a process, in MB (Linux). */
function memory(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const mb = (key) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: mb('VmRSS'), peak: mb('VmHWM') };
}

/** When each edit was sent (by id), and every arrival's delay in ms. */
const sentAt = new Map();
const delays = [];

/** One simulated participant: a Yjs document synced with the relay, its presence
 *  in the room, and a record of when others' stakeholders and links arrive. */
function participant(url, n) {
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState({ user: { name: `Participant ${n + 1}`, color: '#2a9d8f' }, selected: null });
  const socket = new WebSocket(url);
  socket.binaryType = 'arraybuffer';
  const send = (encoder) => { if (socket.readyState === WebSocket.OPEN) socket.send(encoding.toUint8Array(encoder)); };
  const synced = new Promise((resolve) => {
    socket.on('message', (data) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      const kind = decoding.readVarUint(decoder);
      if (kind === 1) {
        awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), 'relay');
        return;
      }
      if (kind !== 0) return;
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, 0);
      const step = syncProtocol.readSyncMessage(decoder, reply, doc, 'relay');
      if (encoding.length(reply) > 1) send(reply);
      if (step === syncProtocol.messageYjsSyncStep2) resolve();
    });
  });
  socket.on('open', () => {
    const hello = encoding.createEncoder();
    encoding.writeVarUint(hello, 0);
    syncProtocol.writeSyncStep1(hello, doc);
    send(hello);
    const presence = encoding.createEncoder();
    encoding.writeVarUint(presence, 1);
    encoding.writeVarUint8Array(presence, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
    send(presence);
  });
  doc.on('update', (update, origin) => {
    if (origin === 'relay') return;
    const message = encoding.createEncoder();
    encoding.writeVarUint(message, 0);
    syncProtocol.writeUpdate(message, update);
    send(message);
  });
  const mine = (key) => key.startsWith(`p${n}-`) || key.startsWith(`l-p${n}-`);
  for (const root of ['stakeholders', 'links']) {
    doc.getMap(root).observe((event) => {
      if (event.transaction.origin !== 'relay') return;
      const now = performance.now();
      for (const [key, change] of event.changes.keys) {
        if (change.action === 'add' && !mine(key) && sentAt.has(key)) delays.push(now - sentAt.get(key));
      }
    });
  }
  return { doc, socket, synced, awareness };
}

/** Participant `n`'s edits: stakeholder k, then a link from it to k − 1 (the
 *  map's first stakeholder for k = 0), each as its own transaction. */
async function edit(client, n) {
  const stakeholders = client.doc.getMap('stakeholders');
  const links = client.doc.getMap('links');
  const pause = () => new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 500));
  for (let k = 0; k < EACH; k++) {
    await pause();
    const id = `p${n}-${k}`;
    sentAt.set(id, performance.now());
    client.doc.transact(() => {
      const s = new Y.Map();
      stakeholders.set(id, s);
      for (const [key, value] of Object.entries({
        name: `Stakeholder ${k + 1} of participant ${n + 1}`, kind: 'community', sectors: [], power: 1 + (k % 5),
        interest: 3, stance: 0, resources: [], notes: '', at: 1000 + n * 100 + k,
      })) s.set(key, value);
    });
    await pause();
    const linkId = `l-p${n}-${k}`;
    sentAt.set(linkId, performance.now());
    client.doc.transact(() => {
      const l = new Y.Map();
      links.set(linkId, l);
      for (const [key, value] of Object.entries({
        from: id, to: k === 0 ? SEED : `p${n}-${k - 1}`, kind: 'partnership', directed: false, strength: 1, notes: '',
        at: 1000 + n * 100 + k,
      })) l.set(key, value);
    });
  }
}

/** Where the projector spent each long task (`[duration, start]` in ms after the
 *  edits began): the samples of `profile` inside it, by function (self time) and
 *  by our functions that were on the stack. The profile's clock is found by the
 *  marker function run when the edits began. */
function printLongTasks(profile, longTasks) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  let t = profile.startTime;
  const times = profile.timeDeltas.map((d) => (t += d));
  const nameOf = (id) => byId.get(id).callFrame.functionName || '(anonymous)';
  const start = times[profile.samples.findIndex((id) => nameOf(id) === '__editsBegin')];
  if (start === undefined) return;
  for (const [duration, at] of longTasks) {
    const self = new Map();
    const ours = new Map();
    profile.samples.forEach((id, k) => {
      const when = (times[k] - start) / 1000;
      if (when < at || when > at + duration) return;
      self.set(nameOf(id), (self.get(nameOf(id)) ?? 0) + 1);
      // Each of our functions counts once per sample, however deep it recurses.
      const seen = new Set();
      for (let node = id; node !== undefined; node = parent.get(node)) {
        if (/simpul/.test(nameOf(node))) seen.add(nameOf(node));
      }
      for (const name of seen) ours.set(name, (ours.get(name) ?? 0) + 1);
    });
    const top = (counts, n) => [...counts].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, c]) => `${c} ${name.slice(0, 100)}`);
    console.log(`Long task of ${duration} ms, ${at} ms after the edits began (samples):`);
    console.log(`  self: ${top(self, 8).join(' | ')}`);
    for (const line of top(ours, 8)) console.log(`  in ours: ${line}`);
  }
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];
const ms = (v) => `${Math.round(v)} ms`;

const relayDir = fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-bench-relay-'));
const relayPort = await freePort();
const relay = await startRelay(relayPort, relayDir);
const server = await serve();
const browser = await launch();
try {
  const relayBefore = memory(relay.pid);
  const context = await browser.newContext({ ...desktop });
  const { page } = await openApp(browser, server.url, { context, query: `?lang=en&relay=ws://127.0.0.1:${relayPort}` });
  await newMapWith(page, 'Workshop', ['Dinas Kesehatan']);
  await page.getByRole('button', { name: 'Open a room' }).click();
  const dialog = page.getByRole('dialog', { name: 'Workshop room' });
  await dialog.getByText(/^Connected/).waitFor();
  const room = new URL(await dialog.locator('[data-room-link]').inputValue()).hash.replace('#room=', '');
  await dialog.getByRole('button', { name: 'Close' }).click();

  const clients = Array.from({ length: PARTICIPANTS }, (_, n) => participant(`ws://127.0.0.1:${relayPort}/${room}`, n));
  await Promise.all(clients.map((c) => c.synced));
  await page.locator('[data-room-participants]').filter({ hasText: new RegExp(`^${PARTICIPANTS + 1}$`) }).waitFor({ timeout: 60_000 });

  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__long.push([Math.round(e.duration), Math.round(e.startTime - window.__editsBegan)]))).observe({ type: 'longtask' });
  });
  // A projector's laptop slower than this machine: BENCH_CPU_SLOWDOWN=4 runs the
  // projector's page four times slower while the room edits.
  const slowdown = Number(process.env.BENCH_CPU_SLOWDOWN ?? 1);
  if (slowdown > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  const cdp = process.env.BENCH_PROFILE ? await context.newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  // When the edits begin, on the page's clock and (by a marker function) the profile's.
  await page.evaluate(() => {
    window.__editsBegan = performance.now();
    (function __editsBegin() { const until = performance.now() + 5; while (performance.now() < until); })();
  });
  const started = performance.now();
  await Promise.all(clients.map((c, n) => edit(c, n)));
  const lastEdit = performance.now();
  const total = PARTICIPANTS * EACH;
  // The projector has the whole map once its table counts every stakeholder.
  await page.waitForFunction((want) => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('simpul.room.'));
    const kept = key && JSON.parse(localStorage.getItem(key));
    const stored = kept?.key && localStorage.getItem(`simpul.map.${kept.key}`);
    const map = stored && JSON.parse(stored).map;
    return map && map.stakeholders.length === want.s && map.links.length === want.l;
  }, { s: total + 1, l: total }, { timeout: 120_000, polling: 100 });
  const projectorDone = performance.now();
  const profile = cdp ? (await cdp.send('Profiler.stop')).profile : null;
  await page.waitForTimeout(1000);
  const longTasks = (await page.evaluate(() => window.__long)).sort((a, b) => b[0] - a[0]);
  if (profile) printLongTasks(profile, longTasks);
  const relayAfter = memory(relay.pid);

  const expected = total * 2 * (PARTICIPANTS - 1);
  const sorted = [...delays].sort((a, b) => a - b);
  console.log(`Room load: ${PARTICIPANTS} participants, each adding ${EACH} stakeholders and ${EACH} links (${total * 2} edits in ${((lastEdit - started) / 1000).toFixed(1)} s)`);
  console.log('');
  console.log('| measure | value |');
  console.log('|---|---:|');
  console.log(`| arrivals measured | ${delays.length} of ${expected} |`);
  console.log(`| edit → every other participant, p50 | ${ms(percentile(sorted, 0.5))} |`);
  console.log(`| edit → every other participant, p95 | ${ms(percentile(sorted, 0.95))} |`);
  console.log(`| edit → every other participant, worst | ${ms(sorted[sorted.length - 1])} |`);
  console.log(`| relay memory before / after (resident) | ${relayBefore.rss.toFixed(0)} MB / ${relayAfter.rss.toFixed(0)} MB |`);
  console.log(`| relay memory, peak | ${relayAfter.peak.toFixed(0)} MB |`);
  console.log(`| projector's longest task while the room edits | ${longTasks.length ? ms(longTasks[0][0]) : 'none over 50 ms'} |`);
  console.log(`| projector's tasks over 50 ms | ${longTasks.length}${longTasks.length ? ` (${longTasks.slice(0, 5).map(([d, at]) => `${d} ms at ${(at / 1000).toFixed(1)} s`).join(', ')} …)` : ''} |`);
  console.log(`| projector has the whole map, after the last edit | ${ms(projectorDone - lastEdit)} |`);
  // Each participant's presence keeps a timer: destroyed, so that the benchmark ends.
  for (const c of clients) {
    c.socket.close();
    c.awareness.destroy();
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
  await new Promise((resolve) => { relay.on('exit', resolve); relay.kill(); });
  fs.rmSync(relayDir, { recursive: true, force: true });
}
