// Other tools' files through "Import map file", as a person coming from yEd, Gephi,
// networkx or PRSM would bring them: each opens the import preview (what was left
// out or changed listed with its place), then imports as a new map; a file Simpul
// does not read is refused by name with what to export instead, and changes
// nothing; the GEXF export downloads and reads back. The files are the fixtures of
// tests/fixtures/foreign/ (scripts/foreign_files.py, scripts/prsm_compress.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, openApp, importMap, openExports, storageSnapshot, newMapWith, showTable, exportedMap } from './harness.mjs';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/foreign');
const expected = JSON.parse(await fs.readFile(path.join(fixtures, 'expected.json'), 'utf8'));
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });


/** Imports `file` (named `as`) through the preview, and returns the map as exported. */
async function importThroughPreview(page, file, as, title, expectations = () => {}) {
  const rows = page.getByRole('table', { name: 'Stakeholders' }).locator('tbody tr');
  const rowsBefore = await rows.count();
  await page.getByLabel('Import map file').setInputFiles({ name: as, mimeType: 'application/octet-stream', buffer: await fs.readFile(path.join(fixtures, file)) });
  const preview = page.getByRole('region', { name: 'Import from another tool' });
  await preview.getByRole('button', { name: 'Import as a new map' }).waitFor();
  // Nothing is imported before the person says so.
  assert.equal(await rows.count(), rowsBefore);
  await expectations(preview);
  await preview.getByRole('button', { name: 'Import as a new map' }).click();
  await page.getByRole('status').getByText(`Imported “${title}” as a new map.`).waitFor();
  await preview.waitFor({ state: 'detached' });
  return exportedMap(page);
}

function ends(map) {
  const name = Object.fromEntries(map.stakeholders.map((s) => [s.id, s.name]));
  return map.links.map((l) => [name[l.from], name[l.to], l.directed]);
}

test('a yEd file named .xml imports with its groups as sectors and its self-loop listed', async () => {
  const { page, errors } = await openApp(browser, server.url);
  const map = await importThroughPreview(page, 'yed.graphml', 'partners.xml', 'partners', async (preview) => {
    await preview.getByText('4 stakeholders and 3 links found in “partners”.', { exact: false }).waitFor();
    await preview.getByText(/edge “e3” \(line \d+\): the link joins “Banjar Adat” to itself; the row is left out/).waitFor();
    // Colours stand in for types: the person gives each a kind.
    await preview.getByLabel('Kind in Simpul for “#ffcc00”').selectOption('government');
  });
  const want = expected['yed.graphml'];
  assert.deepEqual(map.stakeholders.map((s) => s.name), want.nodes);
  assert.deepEqual(ends(map), want.edges);
  assert.deepEqual(map.sectors.map((s) => [s.name, s.color]), [['Kesehatan', '#f5f5f5']]);
  assert.equal(map.stakeholders[0].kind, 'government');
  assert.deepEqual([map.stakeholders[0].x, map.stakeholders[0].y], [40, 55]);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a compressed PRSM map and a Gephi GEXF file import with their types and notes', async () => {
  const { page, errors } = await openApp(browser, server.url);
  const madani = await importThroughPreview(page, 'madani.prsm', 'madani.prsm', 'MADANI', async (preview) => {
    assert.equal(await preview.getByLabel('Kind in Simpul for “Donor”').inputValue(), 'donor');
  });
  assert.equal(madani.title, 'MADANI');
  assert.deepEqual(madani.stakeholders.map((s) => s.name), expected['madani.prsm'].nodes);
  assert.deepEqual(ends(madani), expected['madani.prsm'].edges);

  const gephi = await importThroughPreview(page, 'gephi.gexf', 'smart city.gexf', 'Smart city', async (preview) => {
    await preview.getByText('times (spells, start and end) are left out: the map shows the network as a whole').waitFor();
    await preview.getByText(/node “2” \(line \d+\): “9” is not a whole number from 1 to 5; 3 is used/).waitFor();
  });
  assert.equal(gephi.title, 'Smart city');
  assert.deepEqual(ends(gephi), expected['gephi.gexf'].edges);
  // The imported map is the open map: its table, its findings.
  await showTable(page, 'Stakeholders');
  await page.getByRole('table', { name: 'Stakeholders' }).getByRole('rowheader', { name: 'Diskominfo' }).waitFor();
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('files Simpul does not read are refused by name and change nothing', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await newMapWith(page, null, ['Kept safe']);
  const before = await storageSnapshot(page);
  const region = page.locator('.import-problems');
  for (const [file, message] of [
    ['network.gml', 'network.gml: This looks like a GML file, which Simpul does not read: export GraphML from your tool.'],
    ['old.xls', 'old.xls: This is an old Excel workbook (.xls), which Simpul does not read: save it as .xlsx or CSV in Excel or LibreOffice.'],
    ['other.xml', 'other.xml: This is an XML file whose root element is <project>, neither GraphML nor GEXF: export GraphML or GEXF from your tool.'],
  ]) {
    await page.getByLabel('Import map file').setInputFiles(path.join(fixtures, file));
    await region.getByText(message).waitFor();
  }
  assert.equal(await page.getByRole('region', { name: 'Import from another tool' }).count(), 0);
  assert.deepEqual(await storageSnapshot(page), before);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('the refusal speaks Bahasa Indonesia', async () => {
  const { page, errors } = await openApp(browser, server.url, { query: '?lang=id' });
  await page.getByLabel('Impor berkas peta').setInputFiles(path.join(fixtures, 'network.dot'));
  await page.locator('.import-problems').getByText(/Ini tampaknya berkas DOT Graphviz, yang tidak dibaca Simpul/).waitFor();
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('the GEXF export downloads and reads back as the same stakeholders and links', async () => {
  const { page, errors } = await openApp(browser, server.url);
  const map = {
    format: 'simpul-map', version: 1, title: 'Jakarta Bersih',
    sectors: [{ id: 'waste', name: 'Sampah' }],
    stakeholders: [
      { id: 'dlh', name: 'Dinas Lingkungan Hidup', kind: 'government', sectors: ['waste'], power: 5, x: 10, y: 20 },
      { id: 'bank', name: 'Bank Sampah <script>alert(1)</script>', kind: 'community', sectors: ['waste'], power: 2, x: -30, y: 40 },
    ],
    links: [{ id: 'l1', from: 'dlh', to: 'bank', kind: 'funding', directed: true, strength: 3 }],
  };
  await importMap(page, map);
  await openExports(page);
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Network as GEXF (Gephi)' }).click()]);
  assert.equal(file.suggestedFilename(), 'Jakarta Bersih.gexf');
  const gexf = await fs.readFile(await file.path());
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      labels: [...doc.getElementsByTagName('node')].map((n) => n.getAttribute('label')),
      positions: [...doc.getElementsByTagNameNS('http://gexf.net/1.3/viz', 'position')].map((p) => [Number(p.getAttribute('x')), Number(p.getAttribute('y'))]),
    };
  }, gexf.toString('utf8'));
  assert.equal(parsed.error, null);
  assert.deepEqual(parsed.labels, map.stakeholders.map((s) => s.name));
  assert.deepEqual(parsed.positions, [[10, -20], [-30, -40]], 'GEXF y points up');

  await page.getByLabel('Import map file').setInputFiles({ name: 'Jakarta Bersih.gexf', mimeType: 'application/xml', buffer: gexf });
  const preview = page.getByRole('region', { name: 'Import from another tool' });
  await preview.getByRole('button', { name: 'Import as a new map' }).click();
  await page.getByRole('status').getByText(/as a new map/).waitFor();
  const back = await exportedMap(page);
  assert.deepEqual(back.stakeholders.map((s) => [s.id, s.name, s.kind, s.power, s.x, s.y]), map.stakeholders.map((s) => [s.id, s.name, s.kind, s.power, s.x, s.y]));
  assert.deepEqual(back.links.map((l) => [l.id, l.from, l.to, l.kind, l.directed, l.strength]), [['l1', 'dlh', 'bank', 'funding', true, 3]]);
  assert.deepEqual(errors, []);
  await page.context().close();
});
