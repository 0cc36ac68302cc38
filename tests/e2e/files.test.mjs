// Export downloads <title>.simpul.json; importing it back gives an equal map; every
// kind of broken file is refused with a message naming the problem, and nothing
// stored changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { serve, launch, openApp, storageSnapshot, newMapWith } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const sample = {
  format: 'simpul-map',
  version: 1,
  title: 'Kesehatan & Sanitasi Bali',
  description: 'Health and sanitation <b>in</b> Bali',
  sectors: [
    { id: 'health', name: 'Kesehatan', color: '#2a9d8f' },
    { id: 'water', name: 'Air & sanitasi' },
  ],
  stakeholders: [
    { id: 'dinkes', name: 'Dinas Kesehatan Provinsi Bali', kind: 'government', sectors: ['health'],
      power: 5, interest: 4, stance: 1, resources: ['funding', 'regulation'], notes: 'Lead agency', x: 12.5, y: -3.25 },
    { id: 'banjar', name: '<img src=x onerror=alert(1)> Banjar Adat', kind: 'community', sectors: ['water', 'health'],
      power: 2, interest: 5, stance: 2, resources: ['local_knowledge', 'volunteers'], notes: '', pinned: true, x: 0, y: 0 },
    { id: 'unud', name: 'Universitas Udayana', kind: 'academia', sectors: [], power: 3, interest: 3, stance: 0,
      resources: ['expertise'], notes: 'Baseline survey' },
  ],
  links: [
    { id: 'l1', from: 'dinkes', to: 'banjar', kind: 'funding', directed: true, strength: 2, notes: '' },
    { id: 'l2', from: 'unud', to: 'dinkes', kind: 'information', directed: false, strength: 1, notes: 'Data sharing' },
  ],
};

function file(name, text) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(text) };
}

async function importFile(page, payload) {
  await page.getByLabel('Import map file').setInputFiles(payload);
}

async function exportMap(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export map' }).click(),
  ]);
  return { name: download.suggestedFilename(), text: await fs.readFile(await download.path(), 'utf8') };
}

test('import opens a new map, and its export equals the original', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await page.getByRole('button', { name: 'New map' }).first().click();
  await importFile(page, file('bali.simpul.json', JSON.stringify(sample)));
  await page.getByRole('status').getByText('Imported “Kesehatan & Sanitasi Bali” as a new map.').waitFor();
  // Markup in a name is shown as text, never run.
  await page.getByRole('table', { name: 'Stakeholders' }).getByRole('rowheader', { name: '<img src=x onerror=alert(1)> Banjar Adat' }).waitFor();
  assert.equal(await page.locator('img').count(), 0);
  // It is a new map beside the untitled one, not a replacement.
  assert.equal(await page.getByRole('navigation').getByRole('listitem').count(), 2);

  const exported = await exportMap(page);
  assert.equal(exported.name, 'Kesehatan & Sanitasi Bali.simpul.json');
  const expected = structuredClone(sample);
  // Omitted position and the default `pinned: false` are not written back.
  delete expected.stakeholders[2].x;
  // The network view lays out stakeholders that are not pinned and saves where
  // they settle; everything else comes back as it was, pinned positions included.
  const withoutLayout = (map) => ({
    ...map,
    stakeholders: map.stakeholders.map(({ x, y, ...rest }) => (rest.pinned ? { ...rest, x, y } : rest)),
  });
  const exportedMap = JSON.parse(exported.text);
  assert.deepEqual(withoutLayout(exportedMap), withoutLayout(expected));
  assert.deepEqual([exportedMap.stakeholders[1].x, exportedMap.stakeholders[1].y], [0, 0]);

  // Import the export again: a third map, equal to the second.
  await importFile(page, file(exported.name, exported.text));
  await page.getByRole('navigation').getByRole('listitem').nth(2).waitFor();
  const again = await exportMap(page);
  assert.deepEqual(withoutLayout(JSON.parse(again.text)), withoutLayout(exportedMap));
  assert.deepEqual(errors, []);
  await page.context().close();
});

const broken = [
  ['not JSON at all', 'this is a spreadsheet, not JSON', /not valid JSON: there is something unexpected \(line 1, column 2\)/],
  ['truncated JSON', JSON.stringify(sample).slice(0, 200), /it ends too early, as if it was cut off/],
  ['an empty file', '', /The file is empty/],
  // Kumu's { elements, connections } is imported (tests/e2e/kumu.test.mjs); a graph
  // JSON of another tool is not.
  ['another tool\u2019s JSON', JSON.stringify({ nodes: [], edges: [] }), /not a Simpul map file/],
  ['a newer version', JSON.stringify({ ...sample, version: 2 }), /made by a newer Simpul/],
  ['bad fields', JSON.stringify({ ...sample, stakeholders: [{ ...sample.stakeholders[0], power: 9 }, { ...sample.stakeholders[1], kind: 'gov' }] }),
    /stakeholders\[0\]\.power: 9 is outside 1–5/],
  ['a dangling reference', JSON.stringify({ ...sample, links: [{ id: 'l1', from: 'dinkes', to: 'ghost', kind: 'funding' }] }),
    /links\[0\]\.to: no stakeholder has the id "ghost"/],
  // Over a map's limits (docs/storage.md, "Limits"): refused before any element is read.
  ['too many stakeholders', JSON.stringify({ ...sample, links: [], stakeholders: Array.from({ length: 5001 }, (_, i) => ({ id: `s${i}`, name: `S ${i}`, kind: 'ngo' })) }),
    /stakeholders: the map holds 5001 stakeholders, and Simpul opens maps of at most 5000 stakeholders .*split it into smaller maps/],
];

test('every kind of broken file is refused with a clear message and changes nothing', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await newMapWith(page, null, ['Kept safe']);
  const before = await storageSnapshot(page);

  for (const [what, text, message] of broken) {
    await importFile(page, file(`${what}.simpul.json`, text));
    const region = page.locator('.import-problems');
    await region.getByRole('heading', { name: /This file could not be opened/ }).waitFor();
    const shown = await region.innerText();
    assert.match(shown, message, `${what}: ${shown}`);
    assert.match(shown, /Nothing was changed/);
    assert.deepEqual(await storageSnapshot(page), before, `${what} changed storage`);
    await region.getByRole('button', { name: 'Dismiss' }).click();
  }
  // Every problem of a file is listed, not just the first.
  await importFile(page, file('bad.simpul.json', broken[5][1]));
  const items = page.locator('.import-problems li');
  await items.first().waitFor();
  assert.deepEqual(await items.allInnerTexts(), [
    'stakeholders[0].power: 9 is outside 1–5',
    'stakeholders[1].kind: "gov" is not one of: government, business, community, academia, media, ngo, donor, other',
    'links[1].from: no stakeholder has the id "unud"',
  ]);
  assert.equal(await page.getByRole('rowheader', { name: 'Kept safe' }).count(), 1);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('problems are reported in Bahasa Indonesia when the UI speaks it', async () => {
  const { page } = await openApp(browser, server.url, { query: '?lang=id' });
  await page.getByLabel('Impor berkas peta').setInputFiles(file('x.simpul.json', broken[5][1]));
  const region = page.locator('.import-problems');
  await region.getByText('stakeholders[0].power: 9 berada di luar rentang 1–5').waitFor();
  await region.getByRole('heading', { name: /Berkas ini tidak dapat dibuka/ }).waitFor();
  await page.context().close();
});
