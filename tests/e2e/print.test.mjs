// The print layout: a preview with the title, the picture, the findings and the
// table; on paper only the sheet, on A4 or A3 landscape as chosen; hostile names
// print as text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp, desktop, openFileMenu } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
const formula = '=HYPERLINK("http://evil.example","Click")';
const map = {
  format: 'simpul-map', version: 1, title: `Bali ${hostile}`, description: 'Health and sanitation',
  sectors: [{ id: 'h', name: 'Kesehatan' }, { id: 'w', name: 'Air' }],
  stakeholders: [
    { id: 'dinkes', name: 'Dinas Kesehatan', kind: 'government', sectors: ['h'], power: 5, interest: 4, stance: 1 },
    { id: 'banjar', name: hostile, kind: 'community', sectors: ['w'], power: 1, interest: 5, stance: 2 },
    { id: 'pt', name: formula, kind: 'business', sectors: ['w'], power: 4, interest: 1, stance: -1 },
  ],
  links: [{ id: 'l1', from: 'dinkes', to: 'pt', kind: 'funding', directed: true }],
};

/** The page size of each page of a PDF, in points. */
function pageSizes(pdf) {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)]
    .map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
}

test('the print layout shows the map on landscape paper, names as text', async () => {
  const context = await browser.newContext(desktop);
  await context.addInitScript(() => { window.print = () => { window.__printed = (window.__printed ?? 0) + 1; }; });
  const { page, errors } = await openApp(browser, server.url, { context });
  await page.getByLabel('Import map file').setInputFiles({
    name: 'bali.simpul.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(map)),
  });
  await page.getByRole('table', { name: 'Stakeholders' }).getByRole('rowheader', { name: 'Dinas Kesehatan' }).waitFor();

  await openFileMenu(page);
  await page.getByRole('button', { name: 'Print layout' }).click();
  const preview = page.getByRole('dialog', { name: 'Print layout' });
  await preview.waitFor();
  const sheet = preview.locator('.print-sheet');
  await sheet.getByRole('heading', { level: 1, name: `Bali ${hostile}` }).waitFor();
  await sheet.getByText('3 stakeholders · 1 links · 2 sectors').waitFor();
  // The findings of the map, with their suggestions: the isolated community is one.
  const findings = sheet.locator('.print-findings li');
  assert.ok(await findings.count() > 0);
  assert.match(await sheet.locator('.print-findings').innerText(), /Suggestion:/);
  // The table, with hostile names and formulas as plain text.
  const table = sheet.getByRole('table');
  await table.getByRole('rowheader', { name: hostile }).waitFor();
  await table.getByRole('rowheader', { name: formula }).waitFor();
  assert.equal(await table.locator('tbody tr').count(), 3);
  // One image, the picture, loaded from the app's own blob; no markup from a name ran.
  const images = page.locator('img');
  assert.equal(await images.count(), 1);
  assert.match(await images.getAttribute('src'), /^blob:/);
  await page.waitForFunction(() => { const img = document.querySelector('.print-sheet img'); return img.complete && img.naturalWidth > 0; });
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  // The Print button opens the browser's print dialog.
  await expectFocused(page, 'Print');
  await preview.getByRole('button', { name: 'Print', exact: true }).click();
  assert.equal(await page.evaluate(() => window.__printed), 1);

  // On paper: the sheet alone.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.toolbar').isVisible(), false);
  assert.equal(await preview.locator('.print-toolbar').isVisible(), false);
  assert.equal(await sheet.isVisible(), true);
  // Back to the default, under which page.pdf() prints with print media.
  await page.emulateMedia({ media: null });

  // A4 landscape: 842 × 595 points; the picture, the findings and the table each
  // start a page.
  const a4 = pageSizes(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  assert.ok(a4.length >= 3, `pages: ${a4.length}`);
  assert.deepEqual(a4[0], [842, 595]);
  await preview.getByLabel('Paper').selectOption('a3');
  const a3 = pageSizes(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  assert.deepEqual(a3[0], [1191, 842]);

  // Escape closes the preview.
  await page.keyboard.press('Escape');
  await preview.waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});

async function expectFocused(page, name) {
  await page.waitForFunction((n) => document.activeElement?.textContent === n, name);
}
