// Kumu JSON through the same "Import map file" input: a real Kumu project export
// opens as a new map with every element and connection; a blueprint that names a
// missing element tells how many connections were left out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, openApp } from './harness.mjs';

const samples = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/samples/kumu');
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a real Kumu project imports with every element and connection', async () => {
  const { page, errors } = await openApp(browser, server.url);
  const text = await fs.readFile(path.join(samples, 'snap-to-tutorial-project.json'));
  const project = JSON.parse(text);
  await page.getByLabel('Import map file').setInputFiles({ name: 'project.json', mimeType: 'application/json', buffer: text });
  await page.getByRole('status').getByText(`Imported the Kumu project “${project.name}” as a new map.`, { exact: false }).waitFor();
  const table = page.getByRole('table', { name: 'Stakeholders' });
  await table.locator('tbody tr').nth(project.elements.length - 1).waitFor();
  assert.equal(await table.locator('tbody tr').count(), project.elements.length);
  assert.equal(await page.getByRole('table', { name: 'Links' }).locator('tbody tr').count(), project.connections.length);
  const newYork = project.elements.find((e) => e.attributes.label === 'New York');
  await table.getByRole('rowheader', { name: 'New York' }).waitFor();
  assert.ok(newYork, 'the sample has New York');
  assert.deepEqual(errors, []);
});

test('a Kumu blueprint names elements by label; connections to nobody are counted out', async () => {
  const { page, errors } = await openApp(browser, server.url);
  const blueprint = {
    elements: [
      { label: 'Dinas Pendidikan', type: 'Government', tags: ['Pendidikan'] },
      { label: '<img src=x onerror=alert(1)> Komunitas Belajar', type: 'Community' },
    ],
    connections: [
      { from: 'Dinas Pendidikan', to: '<img src=x onerror=alert(1)> Komunitas Belajar', type: 'Funding', direction: 'directed' },
      { from: 'Dinas Pendidikan', to: 'Nobody' },
    ],
  };
  await page.getByLabel('Import map file').setInputFiles({ name: 'blueprint.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(blueprint)) });
  await page.getByRole('status').getByText('1 Kumu connection(s) were left out', { exact: false }).waitFor();
  await page.getByRole('table', { name: 'Stakeholders' }).getByRole('rowheader', { name: '<img src=x onerror=alert(1)> Komunitas Belajar' }).waitFor();
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.getByRole('table', { name: 'Links' }).locator('tbody tr').count(), 1);
  assert.deepEqual(errors, []);
});
