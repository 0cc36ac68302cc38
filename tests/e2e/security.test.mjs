// Safety: a strict Content-Security-Policy that the app itself never violates, no
// request outside the app's own origin, and hostile names that stay text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, desktop, openFileMenu } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

test('a whole journey stays within the policy and the origin', async () => {
  const context = await browser.newContext({ acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'], ...desktop });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}?lang=en`);

  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(policy, /default-src 'none'/);
  assert.match(policy, /script-src 'self' 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\s\*/);

  // Import a map with hostile names, edit, export, copy and open a share link.
  const map = {
    format: 'simpul-map', version: 1, title: hostile,
    sectors: [{ id: 's', name: hostile, color: '#abcdef' }],
    stakeholders: [
      { id: 'a', name: hostile, kind: 'ngo', sectors: ['s'], notes: hostile },
      { id: 'b', name: 'Dinas', kind: 'government', power: 5 },
    ],
    links: [{ id: 'l1', from: 'b', to: 'a', kind: 'funding', directed: true, notes: hostile }],
  };
  await page.getByLabel('Import map file').setInputFiles({ name: 'h.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(map)) });
  await page.getByRole('table', { name: 'Stakeholders' }).getByRole('rowheader', { name: hostile }).waitFor();
  await page.getByRole('table', { name: 'Stakeholders' }).getByRole('button', { name: hostile }).click();
  await page.getByLabel('Add a stakeholder').fill('Warga');
  await page.getByLabel('Add a stakeholder').press('Enter');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export map' }).click()]);
  assert.ok(download.suggestedFilename().endsWith('.simpul.json'));
  await openFileMenu(page);
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.getByLabel('Share link').inputValue();
  await page.goto(link);
  await page.getByText('You are looking at a map someone shared with you.').waitFor();
  await page.getByRole('region', { name: 'Findings' }).getByRole('listitem').first().waitFor();

  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'hostile markup never ran');
  assert.equal(await page.locator('img[src="x"], script:not([type="module"])').count(), 0);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  const origin = new URL(server.url).origin;
  const outside = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(outside, [], 'no request leaves the origin');
  assert.deepEqual(errors, []);
  await context.close();
});
