// Workshop rooms (issue 21) with the real relay (the stock y-websocket server from
// npm, LevelDB on), started by the test: a facilitator opens a room, participants
// join by its link on phones, everyone's edits reach everyone, and the room
// survives a relay restart, a participant offline, two renames at once, a reload
// and a hostile client. A Node Yjs client shares the room too, which proves the
// Rust client and the JavaScript one speak the same update format.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { serve, launch, openApp, newMapWith, importMap, exportedMap, desktop, axeViolations, freePort, startRelay } from './harness.mjs';

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, acceptDownloads: true };

let server, browser, relay, relayPort, relayDir;

async function stopRelay() {
  const child = relay;
  relay = undefined;
  await new Promise((resolve) => { child.on('exit', resolve); child.kill(); });
}

before(async () => {
  relayPort = await freePort();
  relayDir = fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-relay-'));
  relay = await startRelay(relayPort, relayDir);
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (relay) await stopRelay();
  fs.rmSync(relayDir, { recursive: true, force: true });
});

/** The facilitator's page with a map of `names`, its room opened: the join link.
 *  `context` options may add to the desktop window's (axe needs `bypassCSP`). */
async function facilitatorWithRoom(names, context = {}) {
  const ctx = await browser.newContext({ acceptDownloads: true, ...desktop, ...context });
  const app = await openApp(browser, server.url, { context: ctx, query: `?lang=en&relay=ws://127.0.0.1:${relayPort}` });
  // A list of names makes a new map of them; a map value is imported.
  if (Array.isArray(names)) await newMapWith(app.page, 'Workshop', names);
  else await importMap(app.page, names);
  await app.page.getByRole('button', { name: 'Open a room' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Workshop room' });
  await dialog.waitFor();
  const link = await dialog.locator('[data-room-link]').inputValue();
  await dialog.getByText(/^Connected/).waitFor();
  return { ...app, link, dialog };
}

/** A participant on a phone who opens the join link and joins as `name`;
 *  `beforeJoining(page)` runs while the join form is open. */
async function participant(link, name, { context: options = {}, beforeJoining = async () => {}, lang = 'en' } = {}) {
  const [field, button] = lang === 'id' ? ['Nama Anda', 'Gabung'] : ['Your name', 'Join'];
  const context = await browser.newContext({ ...phone, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(link);
  await beforeJoining(page);
  await page.getByLabel(field).fill(name);
  await page.getByRole('button', { name: button }).click();
  return { page, context, errors };
}

/** On a phone, shows the sheet's tab `name` (Add, Tables, …); a desktop shows them all. */
async function sheetTab(page, name) {
  const tab = page.getByRole('navigation', { name: 'Panels' }).getByRole('button', { name });
  if (await tab.isVisible()) await tab.click();
}

/** A room on a map of `names` (its dialog closed) and a participant on a phone
 *  called `name` who has the map. */
async function roomWithGuest(names, name) {
  const host = await facilitatorWithRoom(names);
  await host.dialog.getByRole('button', { name: 'Close' }).click();
  const guest = await participant(host.link, name);
  await waitForNames(guest.page, names);
  return { host, guest };
}

/** Adds a stakeholder by quick entry, as a participant would. */
async function add(page, name) {
  await sheetTab(page, 'Add');
  await page.getByLabel('Add a stakeholder').fill(name);
  await page.getByLabel('Add a stakeholder').press('Enter');
}

/** Waits until `page`'s stakeholders are exactly `names` (in any order). */
async function waitForNames(page, names) {
  const want = [...names].sort();
  let last;
  for (let i = 0; i < 150; i++) {
    last = await page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('simpul.room.'));
      const room = key && JSON.parse(localStorage.getItem(key));
      const stored = room?.key && localStorage.getItem(`simpul.map.${room.key}`);
      return stored ? JSON.parse(stored).map.stakeholders.map((s) => s.name).sort() : null;
    });
    if (JSON.stringify(last) === JSON.stringify(want)) return;
    await page.waitForTimeout(200);
  }
  assert.deepEqual(last, want);
}

/** The room's map as a plain Yjs client of the relay sees it. */
function nodeClient(room) {
  const doc = new Y.Doc();
  const socket = new WebSocket(`ws://127.0.0.1:${relayPort}/${room}`);
  socket.binaryType = 'arraybuffer';
  const synced = new Promise((resolve) => {
    socket.on('message', (data) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== 0) return;
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, 0);
      const kind = syncProtocol.readSyncMessage(decoder, reply, doc, 'relay');
      if (encoding.length(reply) > 1) socket.send(encoding.toUint8Array(reply));
      if (kind === syncProtocol.messageYjsSyncStep2) resolve();
    });
  });
  socket.on('open', () => {
    const hello = encoding.createEncoder();
    encoding.writeVarUint(hello, 0);
    syncProtocol.writeSyncStep1(hello, doc);
    socket.send(encoding.toUint8Array(hello));
  });
  doc.on('update', (update, origin) => {
    if (origin === 'relay') return;
    const message = encoding.createEncoder();
    encoding.writeVarUint(message, 0);
    syncProtocol.writeUpdate(message, update);
    socket.send(encoding.toUint8Array(message));
  });
  return { doc, socket, synced };
}

const roomOf = (link) => new URL(link).hash.replace('#room=', '');

test('a facilitator opens a room, three phones join by its link, and everyone sees every addition live', async () => {
  const host = await facilitatorWithRoom(['Dinas Kesehatan']);
  // The join link and its QR code, large enough to scan from the back of a room.
  assert.match(host.link, new RegExp(`\\?relay=ws%3A%2F%2F127\\.0\\.0\\.1%3A${relayPort}#room=[0-9a-f]{32}$`));
  const qr = await host.dialog.getByRole('img', { name: 'QR code of the join link' }).boundingBox();
  assert.ok(qr.width >= 250, `the QR code is ${qr.width} px wide`);
  assert.ok(await host.dialog.locator('svg').count() === 1);
  await host.dialog.getByText('Anyone with this link can edit the map', { exact: false }).waitFor();
  // On a laptop's screen the whole dialog fits, its buttons included.
  await host.page.setViewportSize({ width: 1366, height: 768 });
  for (const name of ['Leave the room', 'Close']) {
    const box = await host.dialog.getByRole('button', { name, exact: true }).boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= 768, `${name} is at ${box.y}–${box.y + box.height} of 768 px`);
  }
  assert.ok((await host.dialog.getByRole('img', { name: 'QR code of the join link' }).boundingBox()).width >= 250);
  // In a room the toolbar still fits a 1280 px projector.
  await host.page.setViewportSize({ width: 1280, height: 720 });
  assert.equal(await host.page.evaluate(() => document.documentElement.scrollWidth), 1280, 'nothing scrolls sideways at 1280 px');
  await host.page.setViewportSize({ width: 1920, height: 1080 });
  await host.dialog.getByRole('button', { name: 'Close' }).click();

  const names = ['Ana', 'Budi', 'Citra'];
  const phones = [];
  for (const name of names) phones.push(await participant(host.link, name));
  await host.page.locator('[data-room-participants]').filter({ hasText: /^4$/ }).waitFor();
  // A phone in the room shows the count, and nothing scrolls sideways.
  for (const p of phones) {
    await p.page.locator('[data-room-participants]').filter({ hasText: /^4$/ }).waitFor();
    assert.equal(await p.page.evaluate(() => document.documentElement.scrollWidth), 390, 'nothing scrolls sideways on a phone');
  }
  // Each phone adds a stakeholder linked to the first, all at about the same time.
  await Promise.all(phones.map((p, i) => add(p.page, `Added by ${names[i]} > Dinas Kesehatan`)));
  const everyone = ['Dinas Kesehatan', ...names.map((n) => `Added by ${n}`)];
  await waitForNames(host.page, everyone);
  for (const p of phones) await waitForNames(p.page, everyone);
  // The projector's table shows them, and a phone exports the same map.
  for (const n of everyone) await host.page.getByRole('rowheader', { name: n, exact: true }).waitFor();
  const fromPhone = await exportedMap(phones[0].page);
  const fromHost = await exportedMap(host.page);
  assert.deepEqual(fromPhone.stakeholders.map((s) => s.id).sort(), fromHost.stakeholders.map((s) => s.id).sort());
  // Three links drawn at once on three phones: none replaced another.
  for (let i = 0; i < 50 && (await exportedMap(host.page)).links.length < 3; i++) await host.page.waitForTimeout(200);
  assert.equal((await exportedMap(host.page)).links.length, 3);
  assert.deepEqual(fromPhone.links.map((l) => l.id).sort(), (await exportedMap(host.page)).links.map((l) => l.id).sort());
  // Who is in the room, by name.
  await host.page.locator('.room-chip').click();
  for (const n of names) await host.dialog.getByText(n, { exact: true }).waitFor();

  // A Node Yjs client of the relay reads the same map, and what it writes arrives.
  const node = nodeClient(roomOf(host.link));
  await node.synced;
  const stakeholders = node.doc.getMap('stakeholders');
  assert.deepEqual([...stakeholders.values()].map((s) => s.get('name')).sort(), [...everyone].sort());
  node.doc.transact(() => {
    const s = new Y.Map();
    stakeholders.set('from-node', s);
    s.set('name', 'Written by yjs');
    s.set('kind', 'community');
    s.set('sectors', []);
    s.set('power', 2);
    s.set('interest', 4);
    s.set('stance', 0);
    s.set('resources', []);
    s.set('notes', '');
  });
  await waitForNames(host.page, [...everyone, 'Written by yjs']);
  node.socket.close();

  for (const p of [host, ...phones]) assert.deepEqual(p.errors, []);
  for (const p of phones) await p.context.close();
  await host.context.close();
});

/** The row of the open vote's option `label` on `page`. */
const option = (page, label) => page.locator('.vote-option').filter({ has: page.locator('.vote-label', { hasText: new RegExp(`^${label}$`) }) });

/** Waits until the projector's tally of `label` reads `dots`. */
async function waitForTally(page, label, dots) {
  await option(page, label).locator('[data-vote-tally]').filter({ hasText: new RegExp(`^${dots}$`) }).waitFor();
}

/** Places dots on the options `labels`, one click each, as a participant would. */
async function vote(page, labels) {
  for (const label of labels) {
    const button = page.getByRole('button', { name: `Add a dot to ${label}`, exact: true });
    const before = await option(page, label).locator('.vote-mine').textContent();
    await button.click();
    await option(page, label).locator('.vote-mine').filter({ hasNotText: new RegExp(`^${before}$`) }).waitFor();
  }
}

test('the facilitator holds a dot vote, three phones place their dots, and the projector shows the tallies live and keeps the result', async () => {
  const names = ['Dinas Kesehatan', 'Bappeda', 'Warga Desa'];
  const host = await facilitatorWithRoom(names);
  await host.dialog.getByText('Hold a dot vote').click();
  assert.equal(await host.dialog.getByLabel('Dots each').inputValue(), '3');
  await host.dialog.getByRole('button', { name: 'Vote on the stakeholders' }).click();
  await host.dialog.waitFor({ state: 'detached' });
  const panel = host.page.getByRole('region', { name: 'Dot vote' });
  await panel.getByText('Which stakeholders matter most to the partnership?').waitFor();
  await panel.getByText('You have 3 of 3 dots left').waitFor();

  const phones = [];
  for (const name of ['Ana', 'Budi', 'Citra']) phones.push(await participant(host.link, name));
  // On each phone the vote comes to the front by itself, with finger-sized buttons.
  for (const p of phones) {
    const add = p.page.getByRole('button', { name: 'Add a dot to Bappeda', exact: true });
    await add.waitFor();
    const box = await add.boundingBox();
    assert.ok(box.width >= 44 && box.height >= 44, `the button is ${box.width}×${box.height}`);
    assert.ok(box.y + box.height <= 844, 'the button is on the screen');
    assert.equal(await p.page.evaluate(() => document.documentElement.scrollWidth), 390, 'nothing scrolls sideways');
  }
  // All three vote at the same moment.
  await Promise.all([
    vote(phones[0].page, ['Bappeda', 'Bappeda', 'Warga Desa']),
    vote(phones[1].page, ['Bappeda', 'Bappeda', 'Bappeda']),
    vote(phones[2].page, ['Warga Desa']),
  ]);
  await waitForTally(host.page, 'Bappeda', 5);
  await waitForTally(host.page, 'Warga Desa', 2);
  await waitForTally(host.page, 'Dinas Kesehatan', 0);
  await host.page.getByText('7 dots from 3 people').waitFor();
  // Budi has no dots left: his + buttons are off; taking one back frees one.
  const budi = phones[1].page;
  await budi.getByText('You have 0 of 3 dots left').waitFor();
  assert.equal(await budi.getByRole('button', { name: 'Add a dot to Warga Desa', exact: true }).isDisabled(), true);
  await budi.getByRole('button', { name: 'Take a dot back from Bappeda', exact: true }).click();
  await budi.getByText('You have 1 of 3 dots left').waitFor();
  await waitForTally(host.page, 'Bappeda', 4);
  await waitForTally(phones[2].page, 'Bappeda', 4);
  await host.page.getByText('6 dots from 3 people').waitFor();

  // In workshop mode the projector reaches the live tallies from any step.
  await host.page.locator('body').click({ position: { x: 5, y: 5 } });
  await host.page.keyboard.press('w');
  await host.page.getByRole('button', { name: 'The vote so far (6 dots)' }).click();
  assert.deepEqual(await host.page.locator('.workshop-chosen li').allTextContents(), ['Bappeda 4 dots', 'Warga Desa 2 dots']);
  await host.page.keyboard.press('Escape');
  await host.page.locator('.workshop-bar').waitFor({ state: 'detached' });

  // The facilitator closes the vote: it leaves every screen, and the result is
  // in the map, which a phone exports too.
  await panel.getByRole('button', { name: 'Close the vote' }).click();
  for (const p of [host, ...phones]) await p.page.getByRole('region', { name: 'Dot vote' }).waitFor({ state: 'detached' });
  const saved = await exportedMap(phones[0].page);
  assert.equal(saved.votes.length, 1);
  assert.equal(saved.votes[0].open, false);
  assert.equal(saved.votes[0].on, 'stakeholders');
  assert.equal(Object.values(saved.votes[0].dots).flat().length, 6);

  // Workshop mode ends on what the room chose, most dots first.
  await host.page.locator('body').click({ position: { x: 5, y: 5 } });
  await host.page.keyboard.press('w');
  await host.page.locator('.workshop-bar').waitFor();
  for (let i = 0; i < 30 && !(await host.page.locator('.workshop-chosen').count()); i++) await host.page.keyboard.press('ArrowRight');
  const chosen = await host.page.locator('.workshop-chosen li').allTextContents();
  assert.deepEqual(chosen, ['Bappeda 4 dots', 'Warga Desa 2 dots']);
  await host.page.keyboard.press('Escape');

  for (const p of [host, ...phones]) assert.deepEqual(p.errors, []);
  for (const p of phones) await p.context.close();
  await host.context.close();
});

/** A map of `count` stakeholders (the first called Bappeda) in a chain of links:
 *  over 1,000 elements it is painted in slices, as big maps are. */
function chainMap(count) {
  const stakeholders = Array.from({ length: count }, (_, i) => ({ id: `s${i}`, name: i ? `Organisation ${i}` : 'Bappeda', kind: 'ngo' }));
  const links = stakeholders.slice(1).map((s, i) => ({ id: `l${i}`, from: `s${i}`, to: s.id, kind: 'partnership' }));
  return { format: 'simpul-map', version: 1, title: 'Chain', stakeholders, links };
}

for (const [size, map] of [['a small map', ['Bappeda', 'Karang Taruna']], ['a map painted in slices', chainMap(600)]]) {
  test(`what each participant selects is ringed on the projector in their colour, with their name (${size})`, async () => {
    const recordNames = () => {
      window.drawn = [];
      const proto = CanvasRenderingContext2D.prototype;
      const fillText = proto.fillText;
      proto.fillText = function (text, ...rest) {
        window.drawn.push({ text: String(text), colour: String(this.fillStyle) });
        return fillText.call(this, text, ...rest);
      };
    };
    const host = await facilitatorWithRoom(map);
    await host.page.addInitScript(recordNames);
    await host.page.evaluate(recordNames);
    await host.dialog.getByRole('button', { name: 'Close' }).click();
    const guest = await participant(host.link, 'Hana');
    const rowOf = (name) => guest.page.getByRole('table', { name: 'Stakeholders' }).getByRole('rowheader', { name, exact: true });
    await sheetTab(guest.page, 'Tables');
    await rowOf('Bappeda').waitFor({ timeout: 60_000 });
    await rowOf('Bappeda').getByRole('button').click();
    // Hana's colour, as the room's dialog shows it.
    await host.page.locator('.room-chip').click();
    // Hana does not wear the facilitator's colour, so their rings are told apart
    // (read once both dots are styled).
    const css = await host.page.waitForFunction(() => {
      const of = (text) => {
        const li = [...document.querySelectorAll('.room-people li')].find((li) => li.textContent.includes(text));
        return li ? getComputedStyle(li.querySelector('.room-dot')).backgroundColor : '';
      };
      const [hana, me] = [of('Hana'), of('(you)')];
      return hana && me && hana !== me && hana;
    });
    const colour = await host.page.evaluate((css) => {
      const c = document.createElement('canvas').getContext('2d');
      c.fillStyle = css;
      return c.fillStyle;
    }, await css.jsonValue());
    await host.dialog.getByRole('button', { name: 'Close' }).click();
    await host.page.waitForFunction((colour) => window.drawn.some((d) => d.text === 'Hana' && d.colour === colour), colour, { timeout: 60_000 });
    // When Hana leaves, her ring goes.
    await guest.context.close();
    await host.page.locator('[data-room-participants]').filter({ hasText: /^1$/ }).waitFor();
    // A fresh painting, names and all (a resize asks for one; a big map's takes
    // a few frames).
    await host.page.evaluate(() => { window.drawn = []; window.dispatchEvent(new Event('resize')); });
    await host.page.waitForFunction(() => window.drawn.some((d) => d.text), null, { timeout: 60_000 });
    await host.page.waitForTimeout(2000);
    assert.equal(await host.page.evaluate(() => window.drawn.some((d) => d.text === 'Hana')), false, 'no ring once Hana left');
    assert.deepEqual(host.errors, []);
    await host.context.close();
  });
}

test('the relay stopped for 20 s and started again: everyone reconnects, and what was typed meanwhile arrives', async () => {
  const { host, guest } = await roomWithGuest(['Bappeda'], 'Dewi');
  await stopRelay();
  await host.page.locator('.room-chip.offline').waitFor();
  await add(host.page, 'Typed while the relay was down');
  await add(guest.page, 'Also typed while down');
  await host.page.waitForTimeout(20_000);
  relay = await startRelay(relayPort, relayDir);
  const all = ['Bappeda', 'Typed while the relay was down', 'Also typed while down'];
  await waitForNames(guest.page, all);
  await waitForNames(host.page, all);
  await host.page.locator('.room-chip:not(.offline)').waitFor();
  await guest.context.close();
  await host.context.close();
});

test('a participant offline keeps editing, and both sides converge when it is back', async () => {
  const { host, guest } = await roomWithGuest(['Puskesmas'], 'Eka');
  await guest.context.setOffline(true);
  await add(guest.page, 'Added offline');
  await add(host.page, 'Added while Eka was away');
  await guest.page.waitForTimeout(1000);
  await guest.context.setOffline(false);
  const all = ['Puskesmas', 'Added offline', 'Added while Eka was away'];
  await waitForNames(host.page, all);
  await waitForNames(guest.page, all);
  await guest.context.close();
  await host.context.close();
});

test('two participants rename one stakeholder at the same moment: every client ends with the same map', async () => {
  const host = await facilitatorWithRoom(['Karang Taruna']);
  await host.dialog.getByRole('button', { name: 'Close' }).click();
  const a = await participant(host.link, 'Fajar');
  const b = await participant(host.link, 'Gita');
  await waitForNames(a.page, ['Karang Taruna']);
  await waitForNames(b.page, ['Karang Taruna']);
  // Each chooses the stakeholder and types a new name in the inspector; both
  // press Enter in the same instant.
  const rename = async (page, to) => {
    await sheetTab(page, 'Tables');
    await page.getByRole('table', { name: 'Stakeholders' }).getByRole('rowheader', { name: 'Karang Taruna' }).getByRole('button').click();
    const field = page.getByRole('region', { name: 'Edit stakeholder' }).getByLabel('Name', { exact: true });
    await field.fill(to);
    return field;
  };
  const [fieldA, fieldB] = [await rename(a.page, 'Renamed by Fajar'), await rename(b.page, 'Renamed by Gita')];
  await Promise.all([fieldA.press('Enter'), fieldB.press('Enter')]);
  let maps;
  for (let i = 0; i < 50; i++) {
    await host.page.waitForTimeout(200);
    maps = await Promise.all([host, a, b].map((p) => exportedMap(p.page)));
    const names = maps.map((m) => m.stakeholders[0].name);
    if (names.every((n) => n === names[0] && n !== 'Karang Taruna')) break;
  }
  const strip = (m) => JSON.stringify({ ...m, stakeholders: m.stakeholders.map(({ x, y, ...s }) => s) });
  assert.equal(strip(maps[1]), strip(maps[0]));
  assert.equal(strip(maps[2]), strip(maps[0]));
  assert.ok(['Renamed by Fajar', 'Renamed by Gita'].includes(maps[0].stakeholders[0].name));
  for (const p of [a, b, host]) await p.context.close();
});

test('a participant who reloads is back in the room, with the map as it is, without being asked again', async () => {
  const { host, guest } = await roomWithGuest(['Dinas Pendidikan'], 'Hana');
  await guest.page.reload();
  await guest.page.getByRole('heading', { name: 'Simpul' }).waitFor();
  assert.equal(await guest.page.getByLabel('Your name').count(), 0);
  await add(host.page, 'Added after the reload');
  await waitForNames(guest.page, ['Dinas Pendidikan', 'Added after the reload']);
  await guest.page.locator('[data-room-participants]').filter({ hasText: /^2$/ }).waitFor();
  await guest.context.close();
  await host.context.close();
});

test('a client that sends garbage and an invalid update: the others keep a valid map and are told', async () => {
  const host = await facilitatorWithRoom(['Dinas Lingkungan Hidup']);
  await host.dialog.getByRole('button', { name: 'Close' }).click();
  const before = await exportedMap(host.page);
  const id = before.stakeholders[0].id;
  const hostile = nodeClient(roomOf(host.link));
  await hostile.synced;
  // Bytes that are not the protocol.
  hostile.socket.send(new Uint8Array([0, 2, 250, 250, 250, 1, 9]));
  hostile.socket.send(new Uint8Array([0, 0, 255, 255, 255, 255, 255, 255]));
  // An update that breaks the rules: power 9, a link to nobody, a kind that is none.
  hostile.doc.transact(() => {
    hostile.doc.getMap('stakeholders').get(id).set('power', 9);
    const link = new Y.Map();
    hostile.doc.getMap('links').set('dangling', link);
    link.set('from', id);
    link.set('to', 'nobody');
    const odd = new Y.Map();
    hostile.doc.getMap('stakeholders').set('odd', odd);
    odd.set('name', 'Odd');
    odd.set('kind', 'alien');
  });
  await host.page.getByRole('alert').getByText(/A change from the room was not applied/).first().waitFor();
  const after = await exportedMap(host.page);
  assert.equal(after.stakeholders.length, 1);
  assert.equal(after.stakeholders[0].power, before.stakeholders[0].power);
  assert.equal(after.links.length, 0);
  // The room still works afterwards.
  await add(host.page, 'Still working');
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.ok([...hostile.doc.getMap('stakeholders').values()].some((s) => s.get('name') === 'Still working'));
  hostile.socket.close();
  await host.context.close();
});

test('the room dialog and the join form have no axe violations, in both languages', async () => {
  const host = await facilitatorWithRoom(['Bappeda'], { bypassCSP: true });
  assert.deepEqual(await axeViolations(host.page), []);
  await host.dialog.getByRole('button', { name: 'Close' }).click();
  const link = host.link.replace('?', '?lang=id&');
  const guest = await participant(link, 'Intan', {
    lang: 'id',
    context: { bypassCSP: true },
    beforeJoining: async (page) => {
      await page.getByLabel('Nama Anda').waitFor();
      assert.deepEqual(await axeViolations(page), []);
    },
  });
  await guest.page.locator('[data-room-participants]').filter({ hasText: /^2$/ }).waitFor();
  await guest.page.locator('.room-chip').click();
  await guest.page.getByRole('dialog', { name: 'Ruang lokakarya' }).getByText('Intan').waitFor();
  assert.deepEqual(await axeViolations(guest.page), []);
  await guest.context.close();
  await host.context.close();
});
