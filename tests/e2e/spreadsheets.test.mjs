// Spreadsheet import through "Import map file": a Kumu workbook opens a preview
// where each type's kind can be corrected, and imports with every element and
// connection; CSV files with bad rows list each with its sheet, row and column,
// and Cancel changes nothing; a broken workbook is refused with a clear message.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { serve, launch, openApp, storageSnapshot, newMapWith, exportedMap } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const kumu = path.join(root, 'tests/fixtures/kumu');


test('a Kumu workbook imports through a preview where kinds are corrected', async () => {
  // openpyxl's reading of the workbook (scripts/reference_sheets.py).
  const reference = JSON.parse(await fs.readFile(path.join(root, 'tests/fixtures/sheets/paypal-mafia.json'), 'utf8'));
  const names = new Set(reference.elements);
  const usable = reference.connections.filter(([a, b]) => a && b && a !== b);
  for (const [a, b] of usable) { names.add(a); names.add(b); }

  const { page, errors } = await openApp(browser, server.url);
  await page.getByLabel('Import map file').setInputFiles(path.join(kumu, 'paypal-mafia.xlsx'));
  const preview = page.getByRole('region', { name: 'Import from another tool' });
  await preview.getByText(`${names.size} stakeholders and ${usable.length} links found in “paypal-mafia”.`, { exact: false }).waitFor();
  // Nothing is imported yet.
  assert.equal(await page.getByRole('table', { name: 'Stakeholders' }).count(), 0);
  await preview.getByLabel('Kind in Simpul for “Person”').selectOption('community');
  await preview.getByLabel('Kind in Simpul for “Company”').selectOption('business');
  await preview.getByRole('button', { name: 'Import as a new map' }).click();
  await page.getByRole('status').getByText('Imported “paypal-mafia” as a new map.').waitFor();
  await preview.waitFor({ state: 'detached' });
  const botha = page.getByRole('table', { name: 'Stakeholders' }).getByRole('row', { name: /Roelof Botha/ });
  await botha.getByText('Community group').waitFor();

  const map = await exportedMap(page);
  assert.deepEqual(new Set(map.stakeholders.map((s) => s.name)), names);
  const nameOf = Object.fromEntries(map.stakeholders.map((s) => [s.id, s.name]));
  assert.deepEqual(map.links.map((l) => [nameOf[l.from], nameOf[l.to]]), usable);
  const paypal = map.stakeholders.find((s) => s.name === 'PayPal');
  assert.equal(paypal.kind, 'business');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('bad rows are listed with sheet, row and column; Cancel changes nothing', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await newMapWith(page, null, ['Kept safe']);
  const before = await storageSnapshot(page);

  await page.getByLabel('Import map file').setInputFiles([
    { name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from('Label;Type;Power\nDinas;Pemerintah;9\n;Komunitas;2\n') },
    { name: 'links.csv', mimeType: 'text/csv', buffer: Buffer.from('From,To\nDinas,Dinas\nDinas,Pasar\n') },
  ]);
  const preview = page.getByRole('region', { name: 'Import from another tool' });
  const problems = preview.locator('.row-problems li');
  await problems.first().waitFor();
  assert.deepEqual(await problems.allInnerTexts(), [
    'people.csv, row 2, column C (Power): “9” is not a whole number from 1 to 5; 3 is used',
    'people.csv, row 3, column A (Label): has no name; the row is left out',
    'links.csv, row 2, column B (To): the link joins “Dinas” to itself; the row is left out',
    'links.csv, row 3, column B (To): no stakeholder is called “Pasar”, so it is added',
  ]);
  // The Indonesian type is understood.
  assert.equal(await preview.getByLabel('Kind in Simpul for “Pemerintah”').inputValue(), 'government');
  await preview.getByRole('button', { name: 'Cancel' }).click();
  await preview.waitFor({ state: 'detached' });
  assert.deepEqual(await storageSnapshot(page), before);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a broken workbook is refused with a message naming it', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await page.getByLabel('Import map file').setInputFiles({
    name: 'book.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\x03\x04 not really a workbook'),
  });
  const region = page.locator('.import-problems');
  await region.getByRole('heading', { name: /This file could not be opened/ }).waitFor();
  assert.match(await region.innerText(), /book\.xlsx is damaged, or it is not really an XLSX workbook or a zip file/);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a spreadsheet of more stakeholders than a map may hold is refused before the preview', async () => {
  const { page, errors } = await openApp(browser, server.url);
  const rows = Array.from({ length: 5001 }, (_, i) => `Org ${i},NGO`).join('\n');
  await page.getByLabel('Import map file').setInputFiles({ name: 'huge.csv', mimeType: 'text/csv', buffer: Buffer.from(`Label,Type\n${rows}\n`) });
  const region = page.locator('.import-problems');
  await region.getByRole('heading', { name: /This file could not be opened/ }).waitFor();
  assert.match(await region.innerText(), /the map holds 5001 stakeholders, and Simpul opens maps of at most 5000 stakeholders/);
  assert.equal(await page.getByRole('region', { name: 'Import from another tool' }).count(), 0);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a column of free text lists its first 60 types and guesses the rest', async () => {
  const { page, errors } = await openApp(browser, server.url);
  const rows = Array.from({ length: 100 }, (_, i) => `Org ${i},Type number ${i}`).join('\n');
  await page.getByLabel('Import map file').setInputFiles({ name: 'many.csv', mimeType: 'text/csv', buffer: Buffer.from(`Label,Type\n${rows}\n`) });
  const preview = page.getByRole('region', { name: 'Import from another tool' });
  await preview.getByText('… and 40 more types, each with the kind Simpul guessed.').waitFor();
  assert.equal(await preview.getByRole('combobox').count(), 60);
  await preview.getByRole('button', { name: 'Import as a new map' }).click();
  await page.getByRole('table', { name: 'Stakeholders' }).locator('tbody tr').nth(99).waitFor();
  assert.deepEqual(errors, []);
  await page.context().close();
});
