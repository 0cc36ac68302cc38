// A person builds a small map through the UI, reloads, and finds it still there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp, showTable } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function addStakeholder(page, name) {
  const input = page.getByLabel('Add a stakeholder');
  await input.fill(name);
  await input.press('Enter');
  await page.getByRole('rowheader', { name }).waitFor();
}

async function addLink(page, from, to, kind) {
  await showTable(page, 'Links');
  await page.getByLabel('From', { exact: true }).selectOption({ label: from });
  await page.getByLabel('To', { exact: true }).selectOption({ label: to });
  await page.getByLabel('Kind of link', { exact: true }).selectOption({ label: kind });
  await page.getByRole('button', { name: 'Add link' }).click();
  await showTable(page, 'Stakeholders');
}

test('a map of 3 stakeholders and 2 links survives a reload', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await page.getByRole('button', { name: 'New map' }).first().click();
  const title = page.getByLabel('Title', { exact: true });
  await title.fill('Jakarta Bersih');
  await title.press('Tab');

  await addStakeholder(page, 'Dinas Lingkungan Hidup');
  await addStakeholder(page, 'Bank Sampah Melati');
  await addStakeholder(page, 'Koran Kota');
  // Edit one field in the side panel: Koran Kota is selected after being added.
  await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'Media' });
  await page.getByLabel('Power', { exact: true }).selectOption('4');

  await addLink(page, 'Dinas Lingkungan Hidup', 'Bank Sampah Melati', 'Funding');
  await addLink(page, 'Koran Kota', 'Bank Sampah Melati', 'Information');
  await showTable(page, 'Links');
  const links = page.getByRole('table', { name: 'Links', exact: true });
  await assert.doesNotReject(links.getByRole('row').nth(2).waitFor());
  await showTable(page, 'Stakeholders');

  await page.reload();
  await page.getByRole('heading', { name: 'Simpul' }).waitFor();
  assert.equal(await page.getByLabel('Title', { exact: true }).inputValue(), 'Jakarta Bersih');
  const table = page.getByRole('table', { name: 'Stakeholders' });
  await table.waitFor();
  const names = await table.getByRole('rowheader').allInnerTexts();
  assert.deepEqual(names, ['Dinas Lingkungan Hidup', 'Bank Sampah Melati', 'Koran Kota']);
  const koran = table.getByRole('row').filter({ hasText: 'Koran Kota' });
  assert.match(await koran.innerText(), /Media\s+4\s+3/);
  await showTable(page, 'Links');
  const linkRows = await page.getByRole('table', { name: 'Links', exact: true }).getByRole('rowheader').allInnerTexts();
  assert.deepEqual(linkRows, ['Dinas Lingkungan Hidup — Bank Sampah Melati', 'Koran Kota — Bank Sampah Melati']);
  // The maps list shows the saved map with its count.
  await page.getByRole('navigation').getByText('3 stakeholders').waitFor();
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('undo removes the last change and the undone state is what is saved', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await page.getByRole('button', { name: 'New map' }).first().click();
  await addStakeholder(page, 'Puskesmas');
  await addStakeholder(page, 'Posyandu');
  const deleteButton = page.getByRole('button', { name: 'Delete stakeholder' });
  await deleteButton.click();
  await page.getByRole('rowheader', { name: 'Posyandu' }).waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('rowheader', { name: 'Posyandu' }).waitFor();
  // Keyboard shortcut outside text fields.
  await page.getByRole('heading', { name: 'Stakeholders' }).click();
  await page.keyboard.press('Control+z');
  await page.getByRole('rowheader', { name: 'Posyandu' }).waitFor({ state: 'detached' });
  await page.reload();
  await page.getByRole('rowheader', { name: 'Puskesmas' }).waitFor();
  assert.equal(await page.getByRole('rowheader', { name: 'Posyandu' }).count(), 0);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('maps can be renamed, duplicated and deleted after confirmation', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await page.getByRole('button', { name: 'New map' }).first().click();
  await addStakeholder(page, 'Yayasan Kesehatan Perempuan');
  const nav = page.getByRole('navigation');
  await nav.getByRole('button', { name: 'Rename Untitled map' }).click();
  await nav.getByLabel('New title').fill('MADANI');
  await nav.getByLabel('New title').press('Enter');
  await nav.locator('.map-list').getByText('MADANI').waitFor();
  assert.equal(await page.getByLabel('Title', { exact: true }).inputValue(), 'MADANI');

  await nav.getByRole('button', { name: 'Duplicate MADANI' }).click();
  await nav.locator('.map-list').getByText('MADANI (copy)').waitFor();
  assert.equal(await nav.locator('.map-list > li').count(), 2);
  // Delete moves the map to the trash at once (see recovery.test.mjs).
  await nav.getByRole('button', { name: 'Delete MADANI (copy)' }).click();
  await nav.locator('.map-list').getByText('MADANI (copy)').waitFor({ state: 'detached' });
  await page.reload();
  await page.locator('.map-list').getByText('MADANI').waitFor();
  assert.equal(await page.getByRole('navigation').locator('.map-list > li').count(), 1);
  assert.deepEqual(errors, []);
  await page.context().close();
});
