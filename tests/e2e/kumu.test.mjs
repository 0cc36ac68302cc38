// Kumu JSON through the same "Import map file" input: a real Kumu project export
// opens the import preview, where each Kumu type's kind can be corrected, and
// imports with every element and connection; a blueprint's connection to an
// element it lacks adds that element, as Kumu does, and says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, openApp, showTable } from './harness.mjs';

const samples = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/kumu');
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a real Kumu project imports with every element and connection', async () => {
  const { page, errors } = await openApp(browser, server.url);
  const text = await fs.readFile(path.join(samples, 'snap-to-tutorial-project.json'));
  const project = JSON.parse(text);
  await page.getByLabel('Import map file').setInputFiles({ name: 'project.json', mimeType: 'application/json', buffer: text });
  const preview = page.getByRole('region', { name: 'Import from another tool' });
  await preview.getByText(`${project.elements.length} stakeholders and ${project.connections.length} links found in “${project.name}”.`, { exact: false }).waitFor();
  // Every element of this project is a State: the user says that is government.
  await preview.getByLabel('Kind in Simpul for “State”').selectOption('government');
  await preview.getByRole('button', { name: 'Import as a new map' }).click();
  await page.getByRole('status').getByText(`Imported “${project.name}” as a new map.`).waitFor();
  const table = page.getByRole('table', { name: 'Stakeholders' });
  await table.locator('tbody tr').nth(project.elements.length - 1).waitFor();
  assert.equal(await table.locator('tbody tr').count(), project.elements.length);
  // More links than one page of the table holds: the pager counts them all.
  await showTable(page, 'Links');
  await page.getByRole('navigation', { name: 'Pages: Links' }).getByText(`1–100 of ${project.connections.length}`).waitFor();
  await showTable(page, 'Stakeholders');
  const newYork = project.elements.find((e) => e.attributes.label === 'New York');
  await table.getByRole('row', { name: /New York/ }).getByText('Government').waitFor();
  assert.ok(newYork, 'the sample has New York');
  assert.deepEqual(errors, []);
});

test('a Kumu blueprint names elements by label; a connection to an element it lacks adds it', async () => {
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
  const preview = page.getByRole('region', { name: 'Import from another tool' });
  await preview.getByText('connections, row 2: no stakeholder is called “Nobody”, so it is added').waitFor();
  await preview.getByRole('button', { name: 'Import as a new map' }).click();
  await page.getByRole('table', { name: 'Stakeholders' }).getByRole('rowheader', { name: '<img src=x onerror=alert(1)> Komunitas Belajar' }).waitFor();
  assert.equal(await page.locator('img').count(), 0);
  await showTable(page, 'Links');
  assert.equal(await page.getByRole('table', { name: 'Links' }).locator('tbody tr').count(), 2);
  assert.deepEqual(errors, []);
});
