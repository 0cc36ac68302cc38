// Hostile and oversized input (issue 7): a file over the limit is refused before it
// is read; a very long name full of control characters, bidi overrides, markup and
// formulas stays inert, readable text on the page, in the picture, in the SVG, the
// CSV, the print layout and the projector.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { serve, launch, openApp, storageSnapshot, newMapWith, importMap, desktop, openExports, openFileMenu } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const markup = '<b id="bold">x</b><img src=x onerror="window.__pwned=1">';
const long = `${'Dinas '.repeat(40_000)}\u0000\u0007\u001b[31m\u202eevil${markup}`;
const map = {
  format: 'simpul-map', version: 1, title: `=HYPERLINK("http://example.invalid")${markup}`,
  sectors: [{ id: 's', name: `@SUM(A1)${markup}` }],
  stakeholders: [
    { id: 'long', name: long, kind: 'ngo', sectors: ['s'], notes: `-2+3\u0000${markup}` },
    { id: 'plus', name: '+62 812 3456', kind: 'community', sectors: ['s'] },
    { id: 'minus', name: '-cmd|calc', kind: 'business' },
  ],
  links: [{ id: 'l1', from: 'plus', to: 'long', kind: 'information', notes: '=1+1' }],
};

async function download(page, button) {
  await openExports(page);
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return (await fs.readFile(await file.path())).toString('utf8');
}

test('a file over the size limit is refused before it is read, and nothing changes', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await newMapWith(page, null, ['Kept safe']);
  const before = await storageSnapshot(page);
  // 20 MB of a valid map: the size alone refuses it.
  const big = { ...map, description: 'x'.repeat(20 * 1024 * 1024) };
  await page.getByLabel('Import map file').setInputFiles({ name: 'big.simpul.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(big)) });
  await page.locator('.import-problems').getByText(/Simpul opens map files of at most 10485760 bytes/).waitFor();
  assert.deepEqual(await storageSnapshot(page), before);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a long hostile name stays inert text in every channel', async () => {
  const context = await browser.newContext({ acceptDownloads: true, ...desktop });
  await context.addInitScript(() => {
    window.drawnTexts = [];
    const fillText = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
      window.drawnTexts.push(String(text));
      return fillText.call(this, text, ...rest);
    };
  });
  const { page, errors } = await openApp(browser, server.url, { context });
  await importMap(page, map);

  // The page: the whole name, as text, and no markup made from it.
  const header = page.getByRole('table', { name: 'Stakeholders' }).locator('tbody th').filter({ hasText: 'evil' });
  const shown = await header.innerText();
  assert.ok(shown.includes('Dinas Dinas') && shown.includes('<b id="bold">x</b>'), 'markup shows as text');
  assert.equal(await page.locator('#bold, img[src="x"]').count(), 0);
  // The picture cuts long names.
  await page.waitForFunction(() => window.drawnTexts.length > 0);
  assert.ok(await page.evaluate(() => window.drawnTexts.every((t) => [...t].length <= 40)), 'names on the picture are cut');

  // SVG: well-formed XML (control characters dropped), the name as text.
  const svg = await download(page, 'Picture as SVG');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { error: doc.querySelector('parsererror')?.textContent ?? null, bold: doc.getElementsByTagName('b').length, text: doc.documentElement.textContent };
  }, svg);
  assert.equal(parsed.error, null);
  assert.equal(parsed.bold, 0);
  assert.ok(parsed.text.includes('evil') || parsed.text.includes('Dinas'));

  // CSV: every cell a spreadsheet would run as a formula starts with an apostrophe.
  const csv = await download(page, 'Stakeholders as CSV');
  for (const risky of ["'+62 812 3456", "'-cmd|calc", "'-2+3", "'@SUM(A1)"]) assert.ok(csv.includes(risky), `${risky} neutralised`);
  // (Numbers such as a position of -37.1 are numbers, not formulas.)
  assert.ok(!/(^|[,\n])"?([=+@]|-[^\d.])/m.test(csv), 'no cell starts with a formula character');
  const links = await download(page, 'Links as CSV');
  assert.ok(links.includes("'=1+1"));

  // Print: text only, nothing from the names becomes an element.
  await openFileMenu(page);
  await page.getByRole('button', { name: 'Print layout' }).click();
  await page.locator('.print-sheet table').waitFor();
  assert.equal(await page.locator('.print-sheet #bold, .print-sheet img[src="x"]').count(), 0);
  assert.ok((await page.locator('.print-sheet').innerText()).includes('<b id="bold">x</b>'));
  await page.keyboard.press('Escape');
  await page.locator('.print-preview').waitFor({ state: 'detached' });

  // The projector: names drawn cut, the finding text as text.
  await page.evaluate(() => { window.drawnTexts = []; });
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('w');
  await page.locator('.workshop-bar').waitFor();
  await page.waitForFunction(() => window.drawnTexts.length > 0);
  assert.ok(await page.evaluate(() => window.drawnTexts.every((t) => [...t].length <= 40)));
  await page.keyboard.press('Escape');

  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(errors, []);
  await context.close();
});
