// Share links: copying one, opening it in another browser as a preview with its
// findings (no clicks), saving it, and refusing broken or oversized links.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { serve, launch, openApp, storageSnapshot, importMap, desktop, openFileMenu } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const map = {
  format: 'simpul-map', version: 1, title: 'MADANI Sulawesi', description: 'Kesehatan ibu dan anak',
  sectors: [{ id: 'health', name: 'Kesehatan' }],
  stakeholders: [
    { id: 'ykp', name: 'Yayasan Kesehatan Perempuan', kind: 'ngo', sectors: ['health'], power: 3, interest: 5 },
    { id: 'usaid', name: 'USAID', kind: 'donor', power: 5, interest: 4 },
    { id: 'posyandu', name: 'Posyandu <b>Mawar</b>', kind: 'community', sectors: ['health'], power: 1, interest: 5 },
  ],
  links: [{ id: 'l1', from: 'usaid', to: 'posyandu', kind: 'funding', directed: true }],
};

/** A link made the way PRODUCT.md §3 specifies, independently of the app. */
const linkFor = (value) => `#m=${zlib.deflateRawSync(Buffer.from(JSON.stringify(value))).toString('base64url')}`;

test('a copied link opens in another browser as a preview with findings, and can be saved', async () => {
  const sender = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'], ...desktop });
  const { page } = await openApp(browser, server.url, { context: sender });
  await importMap(page, map);
  await openFileMenu(page);
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await page.getByText(/^Link copied: \d+ characters\.$/).waitFor();
  const link = await page.getByLabel('Share link').inputValue();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/\?lang=en#m=[A-Za-z0-9_-]+$/);
  // The payload is raw DEFLATE of the map JSON, readable without Simpul.
  const json = JSON.parse(zlib.inflateRawSync(Buffer.from(link.split('#m=')[1], 'base64url')).toString());
  assert.equal(json.title, 'MADANI Sulawesi');
  await sender.close();

  // A colleague with maps of their own opens it.
  const receiver = await browser.newContext(desktop);
  const { page: other, errors } = await openApp(browser, server.url, { context: receiver });
  await other.getByRole('button', { name: 'New map' }).first().click();
  await other.getByLabel('Add a stakeholder').fill('My own stakeholder');
  await other.getByLabel('Add a stakeholder').press('Enter');
  await other.getByRole('rowheader', { name: 'My own stakeholder' }).waitFor();
  const before = await storageSnapshot(other);
  await other.goto(link);
  await other.getByText('You are looking at a map someone shared with you.').waitFor();
  assert.equal(await other.getByLabel('Title', { exact: true }).inputValue(), 'MADANI Sulawesi');
  const findings = other.getByRole('region', { name: 'Findings' });
  await findings.locator('[data-finding="one-way-dependency"][data-subjects="usaid posyandu"]').waitFor();
  await other.getByRole('table', { name: 'Stakeholders' }).getByRole('rowheader', { name: 'Posyandu <b>Mawar</b>' }).waitFor();
  assert.deepEqual(await storageSnapshot(other), before, 'a preview changes none of the stored maps');

  await other.getByRole('button', { name: 'Save to my maps' }).click();
  await other.getByRole('status').getByText('Saved “MADANI Sulawesi” to your maps.').waitFor();
  assert.equal(new URL(other.url()).hash, '');
  await other.reload();
  const nav = other.getByRole('navigation');
  await nav.getByText('MADANI Sulawesi').waitFor();
  await nav.getByText('Untitled map').waitFor();
  assert.deepEqual(errors, []);
  await receiver.close();
});

test('closing a preview returns to the user\u2019s own maps and saves nothing', async () => {
  const { page } = await openApp(browser, server.url);
  await page.getByRole('button', { name: 'New map' }).first().click();
  await page.getByLabel('Title', { exact: true }).fill('Mine');
  await page.getByLabel('Title', { exact: true }).press('Tab');
  const before = await storageSnapshot(page);
  await page.goto(`${server.url}?lang=en${linkFor(map)}`);
  await page.getByRole('button', { name: 'Close preview' }).click();
  assert.equal(await page.getByLabel('Title', { exact: true }).inputValue(), 'Mine');
  assert.deepEqual(await storageSnapshot(page), before);
  await page.context().close();
});

test('broken, foreign and oversized links are refused with a message and change nothing', async () => {
  const bomb = `#m=${zlib.deflateRawSync(Buffer.alloc(6 * 1024 * 1024, 32)).toString('base64url')}`;
  const cases = [
    ['#m=%%%', /does not contain a map/],
    [linkFor(map).slice(0, 60), /damaged/],
    [`#m=${zlib.deflateRawSync(Buffer.from('{"elements": []}')).toString('base64url')}`, /not a Simpul map file/],
    [bomb, /larger than 5 MB/],
    [linkFor({ ...map, links: [], stakeholders: Array.from({ length: 5001 }, (_, i) => ({ id: `s${i}`, name: `S ${i}`, kind: 'ngo' })) }),
      /the map holds 5001 stakeholders, and Simpul opens maps of at most 5000/],
  ];
  for (const [fragment, message] of cases) {
    const { page, context } = await openApp(browser, server.url);
    await page.getByRole('button', { name: 'New map' }).first().click();
    await page.getByLabel('Add a stakeholder').fill('Safe');
    await page.getByLabel('Add a stakeholder').press('Enter');
    await page.getByRole('rowheader', { name: 'Safe' }).waitFor();
    const before = await storageSnapshot(page);
    await page.goto(`${server.url}?lang=en${fragment}`);
    await page.getByRole('alert').getByText(message).waitFor();
    assert.match(await page.locator('.notices[role=alert]').innerText(), /This share link could not be opened/);
    await page.getByRole('rowheader', { name: 'Safe' }).waitFor();
    assert.deepEqual(await storageSnapshot(page), before, fragment.slice(0, 20));
    await context.close();
  }
});
