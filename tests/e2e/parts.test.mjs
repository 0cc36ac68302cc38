// The page comes in parts (scripts/page.mjs): the first map is drawn from the first
// download and the panels beside it; every other part is fetched the first time it
// is used, and one that cannot be fetched says so and comes when asked again.
// The service worker is kept out, since it fetches every part for offline use.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openApp, desktop, dist } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const folder = fs.readdirSync(dist).find((name) => /^page-[0-9a-f]{16}$/.test(name));
const parts = JSON.parse(fs.readFileSync(path.join(dist, folder, 'parts.json'), 'utf8'));
/** The files of the page fetched so far, by name. */
const fetched = () => new Set(server.requests.filter((r) => r.includes(`/${folder}/`)).map((r) => path.basename(r)));

test('the first map is drawn without the parts it does not use, and each comes when first used', async () => {
  const context = await browser.newContext({ ...desktop, serviceWorkers: 'block' });
  const { page, errors } = await openApp(browser, server.url, { context });
  await page.getByRole('button', { name: 'New map' }).first().click();
  await page.getByLabel('Add a stakeholder').fill('Dinas Kesehatan');
  await page.getByLabel('Add a stakeholder').press('Enter');
  await page.getByRole('table', { name: 'Stakeholders' }).getByRole('rowheader', { name: 'Dinas Kesehatan' }).waitFor();
  await page.getByRole('region', { name: 'Findings' }).waitFor();

  const first = fetched();
  assert.ok(first.has('simpul-web_bg.wasm') && first.has('panels.bundle'), [...first].join(' '));
  for (const part of ['help', 'print', 'workshop', 'compare', 'room', 'file_menu', 'matrix', 'grid']) {
    assert.ok(!first.has(parts[part][0]), `${part} was fetched before it was used`);
  }

  // The keyboard help: fetched when asked for, shown, and closed.
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
  assert.ok(fetched().has(parts.help[0]));
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ state: 'detached' });

  // The sector matrix, on its tab.
  await page.getByRole('tab', { name: 'Sector matrix' }).click();
  await page.locator('#view-matrix').getByText(/sector/i).first().waitFor();
  assert.ok(fetched().has(parts.matrix[0]));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the findings heading comes with the first map, its region busy until the panels come', async () => {
  const context = await browser.newContext({ ...desktop, serviceWorkers: 'block' });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await context.route(`**/${folder}/panels.bundle`, async (route) => { await held; await route.continue(); });
  const { page } = await openApp(browser, server.url, { context });
  await page.getByRole('button', { name: 'New map' }).first().click();
  await page.getByLabel('Add a stakeholder').fill('Dinas Kesehatan');
  await page.getByLabel('Add a stakeholder').press('Enter');
  await page.locator('canvas.network[data-layout]').waitFor();
  const findings = page.getByRole('region', { name: 'Findings' });
  await findings.getByRole('heading', { name: 'Findings' }).waitFor();
  assert.equal(await findings.getAttribute('aria-busy'), 'true');

  release();
  await page.getByLabel('Add a stakeholder').fill('Puskesmas');
  await page.getByLabel('Add a stakeholder').press('Enter');
  await findings.locator('li[data-finding]').first().waitFor();
  await page.locator('section.findings[aria-busy="false"]').waitFor();
  await context.close();
});

test('a part that cannot be fetched says so, and comes when asked again', async () => {
  const context = await browser.newContext({ ...desktop, serviceWorkers: 'block' });
  // The keyboard help's file cannot be fetched from the start (routed on the
  // context before the page opens, so that no request can slip past the route).
  const help = `**/${folder}/${parts.help[0]}`;
  await context.route(help, (route) => route.abort('internetdisconnected'));
  const { page } = await openApp(browser, server.url, { context });
  await page.keyboard.press('?');
  await page.getByRole('alert').filter({ hasText: 'This part of Simpul could not be fetched' }).waitFor();
  assert.equal(await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count(), 0);

  // Back online: closing and asking again brings it.
  await context.unroute(help);
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
  await context.close();
});
