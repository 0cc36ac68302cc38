// Example maps from the case studies: "New from an example" opens one as a new map
// in the language of the UI, with findings to discuss.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('an example opens as a new map with findings to discuss', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await page.getByText('New from an example').click();
  await page.getByRole('button', { name: 'Waste reduction in Jakarta' }).click();
  await page.getByRole('status').getByText('Opened the example “Waste reduction in Jakarta” as a new map', { exact: false }).waitFor();
  await page.getByRole('table', { name: 'Stakeholders' }).getByRole('rowheader', { name: 'Dinas Lingkungan Hidup DKI Jakarta' }).waitFor();
  const findings = page.getByRole('region', { name: 'Findings' });
  // The retailers' association opposes the ban and holds power: a finding to discuss.
  const opposed = findings.locator('li[data-finding="opposed-powerful"]');
  await opposed.first().waitFor();
  assert.match(await opposed.first().getAttribute('data-subjects'), /aprindo/);
  assert.ok(await findings.locator('li[data-finding]').count() >= 5);
  // It is a new map in the library.
  await page.locator('.map-list').getByText('Waste reduction in Jakarta').waitFor();
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('in Bahasa Indonesia the example speaks it', async () => {
  const { page, errors } = await openApp(browser, server.url, { query: '?lang=id' });
  await page.getByText('Baru dari contoh').click();
  await page.getByRole('button', { name: 'Kesehatan dan sanitasi di Bali' }).click();
  await page.getByRole('status').getByText('Contoh “Kesehatan dan sanitasi di Bali” dibuka sebagai peta baru', { exact: false }).waitFor();
  await page.getByRole('table', { name: 'Pemangku kepentingan' }).getByRole('rowheader', { name: 'Banjar Adat Tianyar' }).waitFor();
  await page.getByText('Air dan sanitasi').first().waitFor();
  assert.deepEqual(errors, []);
  await page.context().close();
});
