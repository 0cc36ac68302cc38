// After one visit the app installs its service worker and then loads and works
// with the network off; a new version takes over cleanly and says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp } from './harness.mjs';

let server, browser;
// Set to publish a new build: sw.js is served with another version.
let published = '';
before(async () => {
  server = await serve({
    rewrite: (pathname, body) => (pathname === '/sw.js' && published
      ? Buffer.from(body.toString().replace(/const VERSION = '(\w+)'/, `const VERSION = '$1-${published}'`))
      : body),
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** Waits until the service worker controls the page. */
async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

async function addStakeholder(page, name) {
  await page.getByLabel('Add a stakeholder').fill(name);
  await page.getByLabel('Add a stakeholder').press('Enter');
  await page.getByRole('table', { name: 'Stakeholders' }).getByRole('rowheader', { name }).waitFor();
}

test('after one visit the app loads and works with the network off', async () => {
  const { page, context, errors } = await openApp(browser, server.url);
  await controlled(page);
  await page.getByRole('button', { name: 'New map' }).first().click();
  await addStakeholder(page, 'Dinas Kesehatan');

  await context.setOffline(true);
  const asked = server.requests.length;
  await page.reload();
  await page.getByRole('heading', { name: 'Simpul' }).waitFor();
  await page.getByRole('table', { name: 'Stakeholders' }).getByRole('rowheader', { name: 'Dinas Kesehatan' }).waitFor();
  // Editing and analysis work offline: a second stakeholder with no links is a finding.
  await addStakeholder(page, 'Banjar Adat');
  await page.getByRole('region', { name: 'Findings' }).locator('li[data-finding]').first().waitFor();
  // The example maps were kept too.
  await page.getByText('New from an example').click();
  await page.getByRole('button', { name: 'A smart-city collaboration' }).click();
  await page.getByRole('table', { name: 'Stakeholders' }).getByRole('rowheader', { name: 'Diskominfo Kota Bandung' }).waitFor();
  // Another address of the app (a language, a share link) is served offline too.
  await page.goto(`${server.url}?lang=id`);
  await page.getByRole('heading', { name: 'Simpul' }).waitFor();
  await page.getByLabel('Impor berkas peta').waitFor();
  assert.equal(server.requests.length, asked, 'nothing reached the server while offline');
  await context.setOffline(false);
  assert.deepEqual(errors.filter((e) => !/Failed to fetch|ERR_INTERNET_DISCONNECTED|An unknown error occurred when fetching the script/.test(e)), []);
  await context.close();
});

test('a new version takes over cleanly, keeps the maps and says a reload brings it', async () => {
  published = '';
  const { page, context, errors } = await openApp(browser, server.url);
  await controlled(page);
  const first = await page.evaluate(() => caches.keys());
  assert.equal(first.length, 1);
  await page.getByRole('button', { name: 'New map' }).first().click();
  await addStakeholder(page, 'Universitas Udayana');

  published = 'next';
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await page.getByRole('status').getByText('A new version of Simpul is ready: reload the page to use it.', { exact: false }).waitFor();
  // The old version's files go once the new one is active; only the new one's remain.
  for (let tries = 0; tries < 50 && (await page.evaluate(() => caches.keys())).length > 1; tries++) {
    await page.waitForTimeout(100);
  }
  assert.deepEqual(await page.evaluate(() => caches.keys()), [`${first[0]}-next`]);
  await page.reload();
  await page.getByRole('table', { name: 'Stakeholders' }).getByRole('rowheader', { name: 'Universitas Udayana' }).waitFor();
  await addStakeholder(page, 'Banjar Adat');
  assert.deepEqual(errors, []);
  await context.close();
  published = '';
});
