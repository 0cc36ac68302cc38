// Recoverable mistakes (issue 7) in real Chromium with real storage and files: the
// trash, earlier versions, and a backup of every map carried to another browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { serve, launch, openApp, storageSnapshot, newMapWith, openFileMenu } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const keysLike = (page, prefix) => page.evaluate((p) => Object.keys(localStorage).filter((k) => k.startsWith(p)), prefix);

test('a deleted map waits in the trash, survives a reload, and comes back whole', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await newMapWith(page, 'Keep me', ['Bappeda']);
  await newMapWith(page, 'Oops', ['Dinas Sosial', 'Karang Taruna']);
  const nav = page.getByRole('navigation');

  await nav.getByRole('button', { name: 'Delete Oops' }).click();
  await page.getByRole('status').getByText('“Oops” is in the trash').waitFor();
  await nav.locator('.map-list').getByText('Oops').waitFor({ state: 'detached' });
  assert.equal((await keysLike(page, 'simpul.trash.')).length, 1);

  await page.reload();
  const trash = page.getByRole('navigation').locator('details.trash');
  await trash.locator('summary').getByText('Trash (1)').click();
  assert.match(await trash.locator('.trash-item').textContent(), /Oops.*2 stakeholders.*deleted/);
  await trash.getByRole('button', { name: 'Restore Oops' }).click();
  await page.getByRole('status').getByText('“Oops” is back among your maps.').waitFor();
  // Restored and opened, exactly as it was.
  assert.equal(await page.getByLabel('Title', { exact: true }).inputValue(), 'Oops');
  await page.getByRole('rowheader', { name: 'Karang Taruna' }).waitFor();
  assert.equal((await keysLike(page, 'simpul.trash.')).length, 0);
  assert.equal(await nav.locator('details.trash').count(), 0, 'an empty trash is not shown');

  // Deleted for good, one map; then the rest by emptying the trash.
  await nav.getByRole('button', { name: 'Delete Oops' }).click();
  await nav.getByRole('button', { name: 'Delete Keep me' }).click();
  await nav.locator('details.trash summary').getByText('Trash (2)').click();
  await nav.getByRole('button', { name: 'Delete for good Oops' }).click();
  await nav.locator('details.trash summary').getByText('Trash (1)').waitFor();
  await nav.getByRole('button', { name: 'Empty the trash' }).click();
  await nav.getByText('Delete every map in the trash for good?').waitFor();
  await nav.getByRole('button', { name: 'Yes, empty it' }).click();
  await nav.locator('details.trash').waitFor({ state: 'detached' });
  assert.deepEqual(await keysLike(page, 'simpul.trash.'), []);
  assert.deepEqual(await keysLike(page, 'simpul.map.'), []);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('earlier versions are kept every ten minutes and open as copies', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await newMapWith(page, 'Lokakarya', ['Bappeda', 'Puskesmas']);
  // The session's first edit kept the map as it was before it: one stakeholder.
  const kept = await keysLike(page, 'simpul.history.');
  assert.equal(kept.length, 1);
  // Ten minutes pass: that version now dates from 11 minutes ago.
  await page.evaluate((key) => {
    const time = Number(key.split('.').pop()) - 11 * 60 * 1000;
    localStorage.setItem(key.replace(/\d+$/, String(time)), localStorage.getItem(key));
    localStorage.removeItem(key);
  }, kept[0]);
  await page.getByLabel('Add a stakeholder').fill('Radio Komunitas');
  await page.getByLabel('Add a stakeholder').press('Enter');
  await page.getByRole('rowheader', { name: 'Radio Komunitas' }).waitFor();
  assert.equal((await keysLike(page, 'simpul.history.')).length, 2);
  // Further edits within ten minutes keep no more.
  await page.getByLabel('Add a stakeholder').fill('PKK');
  await page.getByLabel('Add a stakeholder').press('Enter');
  await page.getByRole('rowheader', { name: 'PKK' }).waitFor();
  assert.equal((await keysLike(page, 'simpul.history.')).length, 2);

  await openFileMenu(page);
  await page.locator('details.versions summary').click();
  const versions = page.locator('.version-list li');
  await versions.first().waitFor();
  assert.equal(await versions.count(), 2);
  assert.match(await versions.nth(0).textContent(), /2 stakeholders/);
  assert.match(await versions.nth(1).textContent(), /1 stakeholder\b/);
  await versions.first().getByRole('button', { name: /^Open as a copy/ }).click();
  await page.getByRole('status').getByText(/Opened “Lokakarya \(version of .+\)” as a new map/).waitFor();
  const names = await page.getByRole('table', { name: 'Stakeholders' }).getByRole('rowheader').allTextContents();
  assert.deepEqual(names.map((n) => n.trim()), ['Bappeda', 'Puskesmas']);
  // The map itself is as it was left.
  await page.locator('.map-list').getByText('Lokakarya', { exact: true }).click();
  await page.getByRole('rowheader', { name: 'Radio Komunitas' }).waitFor();
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a backup of every map restores in another browser, and a broken one changes nothing', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await newMapWith(page, 'Jakarta Bersih', ['Dinas Lingkungan Hidup', 'Bank Sampah']);
  await newMapWith(page, '<b>MADANI</b>', ['=HYPERLINK("x")']);
  // A third map is damaged on disk after the list was read (another tab, a crash).
  await newMapWith(page, 'Broken', ['Dinas PU']);
  await newMapWith(page, 'Kept open', ['PKK']);
  await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('simpul.map.') && localStorage.getItem(k).includes('"Broken"'));
    localStorage.setItem(key, localStorage.getItem(key).slice(0, 40));
  });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download all maps (backup)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^simpul-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const text = await fs.readFile(await download.path(), 'utf8');
  const backup = JSON.parse(text);
  assert.equal(backup.format, 'simpul-backup');
  assert.deepEqual(backup.maps.map((m) => m.title).sort(), ['<b>MADANI</b>', 'Jakarta Bersih', 'Kept open']);
  // The unreadable one is left out, said so, and set aside unchanged.
  await page.getByRole('alert').getByText('The saved copy of “Broken” could not be read.', { exact: false }).waitFor();
  await page.locator('.map-list').getByText('Broken').waitFor({ state: 'detached' });
  await page.context().close();

  // Another browser: a fresh profile with one map of its own.
  const other = await openApp(browser, server.url);
  await newMapWith(other.page, 'Already here', ['Bappeda']);
  const before = await storageSnapshot(other.page);
  const file = (name, body) => ({ name, mimeType: 'application/json', buffer: Buffer.from(body) });

  // A backup with one broken map is refused whole, naming where.
  const broken = JSON.parse(text);
  broken.maps[1].stakeholders[0].power = 9;
  await other.page.getByLabel('Import map file').setInputFiles(file('broken.json', JSON.stringify(broken)));
  await other.page.locator('.import-problems').getByText(/maps\[1\]\.stakeholders\[0\]\.power: 9 is outside 1–5/).waitFor();
  assert.deepEqual(await storageSnapshot(other.page), before, 'nothing changed');

  await other.page.getByLabel('Import map file').setInputFiles(file('backup.json', text));
  await other.page.getByRole('status').getByText('Maps added from the backup: 3/3.').waitFor();
  const titles = await other.page.locator('.map-list .map-title').allTextContents();
  assert.deepEqual(titles.sort(), ['<b>MADANI</b>', 'Already here', 'Jakarta Bersih', 'Kept open']);
  // Names stay text.
  assert.equal(await other.page.locator('.map-list b').count(), 0);
  for (const [key, value] of Object.entries(before)) {
    if (key.startsWith('simpul.map.')) assert.equal((await storageSnapshot(other.page))[key], value, `${key} untouched`);
  }
  assert.deepEqual(errors, []);
  assert.deepEqual(other.errors, []);
  await other.context.close();
});
