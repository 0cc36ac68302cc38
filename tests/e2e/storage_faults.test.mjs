// Storage faults in real Chromium: the user is told what happened, and no map that
// existed before is lost or silently overwritten.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp, storageSnapshot, newMapWith, importMap } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const entryKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('simpul.map.')));

test('a damaged saved map is set aside, reported, and the other maps survive', async () => {
  const { page } = await openApp(browser, server.url);
  await newMapWith(page, 'Survivor', ['Dinas Pendidikan']);
  await newMapWith(page, 'Doomed', ['Sekolah Alam']);
  const keys = await entryKeys(page);
  assert.equal(keys.length, 2);
  // Truncate the most recent entry, as a crash mid-write might.
  const doomedKey = await page.evaluate((keys) => {
    const key = keys.find((k) => localStorage.getItem(k).includes('Doomed'));
    const text = localStorage.getItem(key);
    localStorage.setItem(key, text.slice(0, text.length / 2));
    return key;
  }, keys);
  const damagedText = await page.evaluate((k) => localStorage.getItem(k), doomedKey);

  await page.reload();
  await page.getByRole('alert').getByText('The saved copy of “Doomed” could not be read. It was set aside unchanged').waitFor();
  const nav = page.getByRole('navigation');
  await nav.getByText('Set-aside copies').waitFor();
  assert.equal(await page.getByLabel('Title', { exact: true }).inputValue(), 'Survivor');
  const setAside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('simpul.set-aside.')));
  assert.equal(setAside.length, 1);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), setAside[0]), damagedText);
  // The damaged copy can be downloaded for recovery.
  const [download] = await Promise.all([page.waitForEvent('download'), nav.getByRole('button', { name: 'Download', exact: true }).click()]);
  assert.ok(download.suggestedFilename().startsWith('simpul.set-aside.'));
  await page.context().close();
});

test('a full storage quota drops old versions first, then is reported; the last save survives, and saving resumes when there is room', async () => {
  const { page } = await openApp(browser, server.url);
  await newMapWith(page, 'Penuh', ['Warga RT 05', 'Ketua RW']);
  const history = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('simpul.history.')));
  assert.equal((await history()).length, 1, 'the map as it was before the session\u2019s first edit is kept');
  // Fill the quota from the page, as other data on the same site would.
  // Fills every last character, in ever smaller pieces; returns the large ones.
  const fill = () => page.evaluate(() => {
    let n = 0, large = 0;
    for (const size of [64 * 1024, 4096, 256, 16, 1]) {
      try { for (;;) { localStorage.setItem(`f${n++}`, 'x'.repeat(size)); if (size > 4096) large++; } } catch { /* full */ }
    }
    return large;
  });
  const filled = await fill();
  assert.ok(filled > 10);
  // The next save needs room: the old version gives it, the map stays whole.
  await page.getByLabel('Add a stakeholder').fill('PKK');
  await page.getByLabel('Add a stakeholder').press('Enter');
  await page.waitForFunction(() => !Object.keys(localStorage).some((k) => k.startsWith('simpul.history.')));
  const saved = await page.evaluate(() => localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith('simpul.map.'))));
  assert.ok(saved.includes('"PKK"'), 'the save went through');
  assert.equal(await page.getByRole('alert').getByText(/is full/).count(), 0);
  await fill();
  const before = await storageSnapshot(page);
  // Nothing left to drop: a save that does not fit is refused and reported.
  await page.getByLabel('Add a stakeholder').fill('Karang Taruna');
  await page.getByLabel('Add a stakeholder').press('Enter');
  await page.getByRole('alert').getByText(/storage for Simpul is full, so your latest change is not saved yet/).waitFor();
  // What was saved before is intact; the change stays on screen.
  const after = await storageSnapshot(page);
  for (const [key, value] of Object.entries(before)) assert.equal(after[key], value, key);
  await page.getByRole('rowheader', { name: 'Karang Taruna' }).waitFor();

  await page.evaluate(() => Object.keys(localStorage).filter((k) => /^f\d+$/.test(k)).forEach((k) => localStorage.removeItem(k)));
  await page.getByLabel('Add a stakeholder').fill('Posyandu');
  await page.getByLabel('Add a stakeholder').press('Enter');
  await page.getByRole('alert').getByText(/is full/).waitFor({ state: 'detached' });
  await page.reload();
  for (const name of ['Karang Taruna', 'PKK', 'Posyandu']) await page.getByRole('rowheader', { name }).waitFor();
  await page.context().close();
});

test('a map moves to the trash with room for little more than its copy; a delete with no room says so, keeps the map, and can delete it for good instead', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await newMapWith(page, 'Kecil', ['RT 05']);
  // About 200 KB of map, quotes in every note: escaped into a string, its copy
  // in the trash would be a good deal longer than the map.
  const stakeholders = Array.from({ length: 300 }, (_, i) => ({ id: `s${i}`, name: `Warga ${i}`, kind: 'community', notes: 'Catatan "penting" dari rapat. '.repeat(20) }));
  await importMap(page, { format: 'simpul-map', version: 1, title: 'Besar', stakeholders, links: [] });
  const entryKey = await page.evaluate(() => new Promise((resolve) => {
    const find = () => Object.keys(localStorage).find((k) => k.startsWith('simpul.map.') && localStorage.getItem(k).includes('"title":"Besar"'));
    const wait = () => (find() ? resolve(find()) : setTimeout(wait, 50));
    wait();
  }));
  // Once its layout rests and its positions are saved.
  await page.locator('canvas.network[data-layout="settled"]').waitFor({ timeout: 60000 });
  await page.waitForTimeout(1500);
  // Storage filled to the brim, then room made for the map's length and 2,000
  // characters more, as other data on the same site might leave it.
  const room = await page.evaluate((entryKey) => {
    let n = 0;
    for (const size of [64 * 1024, 4096, 256, 16, 1]) {
      try { for (;;) localStorage.setItem(`f${n++}`, 'x'.repeat(size)); } catch { /* full */ }
    }
    const wanted = localStorage.getItem(entryKey).length + 2000;
    let freed = 0;
    for (let i = 0; freed < wanted; i++) {
      const value = localStorage.getItem(`f${i}`);
      if (value === null) continue;
      freed += value.length + `f${i}`.length;
      localStorage.removeItem(`f${i}`);
    }
    localStorage.setItem('f-rest', 'x'.repeat(freed - wanted));
    return wanted;
  }, entryKey);
  assert.ok(room > 200000, `${room}`);
  const nav = page.getByRole('navigation');
  await nav.getByRole('button', { name: 'Delete Besar', exact: true }).click();
  await nav.locator('details.trash summary').getByText('Trash (1)').waitFor();
  assert.deepEqual((await page.getByRole('alert').allTextContents()).filter((t) => t.trim()), []);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), entryKey), null);

  // With no room at all, and no earlier versions left to make room, a delete is
  // refused and says why; the map stays as it was.
  await page.evaluate(() => {
    Object.keys(localStorage).filter((k) => k.startsWith('simpul.history.')).forEach((k) => localStorage.removeItem(k));
    let n = 0;
    for (const size of [4096, 256, 16, 1]) {
      try { for (;;) localStorage.setItem(`g${n++}`, 'x'.repeat(size)); } catch { /* full */ }
    }
  });
  const before = await storageSnapshot(page);
  await nav.getByRole('button', { name: 'Delete Kecil', exact: true }).click();
  await page.getByRole('alert').getByText('There is no room left in this browser\'s storage to move “Kecil” to the trash, so it is still among your maps, unchanged.').waitFor();
  const after = await storageSnapshot(page);
  assert.deepEqual(after, before);
  await nav.getByRole('button', { name: /^Kecil/ }).waitFor();
  // The user may delete it for good instead; only that map goes.
  await page.getByRole('alert').getByRole('button', { name: 'Delete it for good' }).click();
  await page.getByRole('status').getByText('“Kecil” is deleted for good.').waitFor();
  assert.equal(await nav.getByRole('button', { name: /^Kecil/ }).count(), 0);
  const gone = await storageSnapshot(page);
  assert.deepEqual(Object.keys(gone).filter((k) => !(k in before)), []);
  const removed = Object.keys(before).filter((k) => !(k in gone));
  assert.equal(removed.length, 1, `${removed}`);
  assert.ok(before[removed[0]].includes('"title":"Kecil"'));
  await nav.locator('details.trash summary').getByText('Trash (1)').waitFor();
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a second tab cannot silently overwrite the first tab\u2019s newer save', async () => {
  const { page: first, context } = await openApp(browser, server.url);
  await newMapWith(first, 'Shared map', ['Bappeda']);
  const { page: second } = await openApp(browser, server.url, { context });
  await second.getByRole('rowheader', { name: 'Bappeda' }).waitFor();

  // Tab one saves a newer revision...
  await first.getByLabel('Add a stakeholder').fill('From tab one');
  await first.getByLabel('Add a stakeholder').press('Enter');
  await first.getByRole('rowheader', { name: 'From tab one' }).waitFor();
  // ...and tab two is told at once, before it even edits.
  await second.getByRole('alert').getByText('“Shared map” was changed in another tab or window.').waitFor();
  // If tab two edits anyway, its change is not written over tab one's.
  await second.getByLabel('Add a stakeholder').fill('From tab two');
  await second.getByLabel('Add a stakeholder').press('Enter');
  await second.getByRole('rowheader', { name: 'From tab two' }).waitFor();
  const stored = await second.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('simpul.map.')).map((k) => localStorage.getItem(k)));
  assert.equal(stored.length, 1);
  assert.match(stored[0], /From tab one/);
  assert.doesNotMatch(stored[0], /From tab two/);

  // Keeping tab two's version as a copy loses neither.
  await second.getByRole('button', { name: 'Keep mine as a copy' }).click();
  await second.getByRole('navigation').getByText('Shared map (copy)').waitFor();
  const all = await second.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('simpul.map.')).map((k) => localStorage.getItem(k)));
  assert.equal(all.length, 2);
  assert.ok(all.some((t) => t.includes('From tab one') && !t.includes('From tab two')));
  assert.ok(all.some((t) => t.includes('From tab two')));
  await context.close();
});

test('blocked storage is reported and the app still works in memory', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  const { page, errors } = await openApp(browser, server.url, { context });
  await page.getByRole('alert').getByText(/Simpul cannot use this browser's storage/).waitFor();
  await page.getByRole('button', { name: 'New map' }).first().click();
  await page.getByLabel('Add a stakeholder').fill('Still works');
  await page.getByLabel('Add a stakeholder').press('Enter');
  await page.getByRole('rowheader', { name: 'Still works' }).waitFor();
  assert.deepEqual(errors.filter((e) => !/SecurityError|insecure/.test(e)), []);
  await context.close();
});

test('maps saved by a newer Simpul are read but never overwritten', async () => {
  const { page } = await openApp(browser, server.url);
  await newMapWith(page, 'From the future', ['Dinas PU']);
  await page.evaluate(() => {
    const index = JSON.parse(localStorage.getItem('simpul.index'));
    index.schema = 2;
    localStorage.setItem('simpul.index', JSON.stringify(index));
  });
  await page.reload();
  await page.getByRole('alert').getByText(/saved by a newer version of Simpul/).waitFor();
  const before = await storageSnapshot(page);
  await page.getByLabel('Add a stakeholder').fill('Not saved');
  await page.getByLabel('Add a stakeholder').press('Enter');
  await page.getByRole('rowheader', { name: 'Not saved' }).waitFor();
  assert.deepEqual(await storageSnapshot(page), before);
  await page.context().close();
});

test('a map saved by an older Simpul opens, and is saved in the current form without loss', async () => {
  const { page, errors } = await openApp(browser, server.url);
  // Storage version 0: no time of saving, and no index yet.
  await page.evaluate(() => {
    const map = {
      format: 'simpul-map', version: 1, title: 'Dari 2025',
      stakeholders: [{ id: 'bappeda', name: 'Bappeda', kind: 'government' }, { id: 'pkk', name: 'PKK', kind: 'community' }],
      links: [{ id: 'l1', from: 'bappeda', to: 'pkk', kind: 'partnership' }],
    };
    localStorage.setItem('simpul.map.old', JSON.stringify({ schema: 0, revision: 4, map }));
  });
  await page.reload();
  await page.locator('.map-list').getByText('Dari 2025').click();
  await page.getByRole('rowheader', { name: 'PKK', exact: true }).waitFor();
  await page.getByLabel('Add a stakeholder').fill('Karang Taruna');
  await page.getByLabel('Add a stakeholder').press('Enter');
  await page.waitForFunction(() => localStorage.getItem('simpul.map.old').includes('Karang Taruna'));
  const entry = await page.evaluate(() => JSON.parse(localStorage.getItem('simpul.map.old')));
  assert.equal(entry.schema, 1);
  assert.ok(entry.revision > 4, `revision ${entry.revision}`);
  assert.deepEqual(entry.map.stakeholders.map((s) => s.name), ['Bappeda', 'PKK', 'Karang Taruna']);
  assert.equal(entry.map.links.length, 1);
  // The version from before is kept, as it was written.
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('simpul.history.old.')).map((k) => JSON.parse(localStorage.getItem(k))));
  assert.ok(kept.some((v) => v.schema === 0 && v.revision === 4), JSON.stringify(kept));
  assert.deepEqual(errors, []);
  await page.context().close();
});
