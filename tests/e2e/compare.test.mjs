// Comparing versions of a map, as a planner repeating a map months later would:
// a named snapshot as the baseline, edits, then what changed since — stakeholders,
// links, the metrics that moved and the findings resolved and new — shown as
// tables, downloaded as CSV, and against a map file from elsewhere, matched by name.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { serve, launch, openApp, importMap, openFileMenu, axeViolations, desktop } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const baseline = {
  format: 'simpul-map', version: 1, title: 'Desa Sehat',
  stakeholders: [
    { id: 'dinkes', name: 'Dinas Kesehatan', kind: 'government', power: 5 },
    { id: 'pkm', name: 'Puskesmas', kind: 'government' },
    { id: 'kt', name: 'Karang Taruna', kind: 'community' },
  ],
  links: [{ id: 'l1', from: 'dinkes', to: 'pkm', kind: 'partnership' }],
};

async function openCompare(page) {
  await openFileMenu(page);
  await page.getByRole('button', { name: 'Compare versions' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare versions' });
  await dialog.waitFor();
  return dialog;
}

test('a snapshot taken as the baseline is compared with the map months later, shown as tables and as CSV', async () => {
  const context = await browser.newContext({ ...desktop, acceptDownloads: true, bypassCSP: true });
  // Every text the canvas paints, to see the marks on the picture.
  await context.addInitScript(() => {
    window.drawn = [];
    const fillText = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
      window.drawn.push(String(text));
      return fillText.call(this, text, ...rest);
    };
  });
  const { page, errors } = await openApp(browser, server.url, { context });
  /** The texts of a fresh painting of the picture. */
  const painted = async () => {
    await page.evaluate(() => { window.drawn = []; window.dispatchEvent(new Event('resize')); });
    await page.waitForFunction(() => window.drawn.length > 0);
    await page.waitForTimeout(300);
    return page.evaluate(() => window.drawn);
  };
  await importMap(page, baseline);

  let dialog = await openCompare(page);
  await dialog.getByLabel('Snapshot name').fill('Baseline, March');
  await dialog.getByRole('button', { name: 'Take a snapshot' }).click();
  await page.getByText('Snapshot taken: “Baseline, March”.').waitFor();
  const choice = dialog.getByLabel('Compare with');
  assert.match(await choice.locator('option:checked').innerText(), /^Baseline, March · /);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'detached' });

  // Months later: the youth group works with the health office; a radio joins.
  const add = page.getByLabel('Add a stakeholder');
  for (const line of ['Karang Taruna > Dinas Kesehatan', 'Radio Komunitas']) {
    await add.fill(line);
    await add.press('Enter');
  }
  await page.getByRole('rowheader', { name: 'Radio Komunitas', exact: true }).waitFor();

  dialog = await openCompare(page);
  await dialog.getByRole('button', { name: 'Compare', exact: true }).click();
  const result = dialog.locator('.compare-result');
  await result.getByRole('heading', { name: 'What changed since “Baseline, March”' }).waitFor();
  const people = result.getByRole('table', { name: 'Stakeholders · 1 added, 0 removed, 0 changed' });
  assert.deepEqual(await people.locator('tbody tr').allInnerTexts(), ['Radio Komunitas\tadded']);
  const links = result.getByRole('table', { name: 'Links · 1 added, 0 removed, 0 changed' });
  assert.deepEqual(await links.locator('tbody tr').allInnerTexts(), ['Karang Taruna → Dinas Kesehatan\tadded']);
  // The youth group's place moved; its isolation is resolved and the radio's is new.
  const metrics = result.getByRole('table', { name: 'Place in the network, before → after' });
  assert.match(await metrics.getByRole('row', { name: /Karang Taruna/ }).innerText(), /^Karang Taruna\t0\.000 → 0\.333\t/);
  await result.getByRole('heading', { name: 'Findings resolved (1)' }).waitFor();
  assert.equal(await result.locator('li[data-code="isolated"]').first().innerText(), 'Isolated stakeholder: Karang Taruna');
  await result.getByRole('heading', { name: /New findings/ }).waitFor();
  assert.ok((await result.locator('.compare-findings').last().innerText()).includes('Isolated stakeholder: Radio Komunitas'));
  assert.deepEqual(await axeViolations(page), [], 'the comparison');

  // The comparison as CSV.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download the comparison as CSV' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'Desa Sehat - Desa Sehat.csv');
  const csv = (await fs.readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
  assert.equal(csv[0], 'Thing,Change,ID,Name,Field,Before,After');
  assert.ok(csv.some((row) => /^stakeholder,added,[^,]+,Radio Komunitas,,,$/.test(row)), csv.join('\n'));
  assert.ok(csv.includes('finding,resolved,kt,isolated,,,'), csv.join('\n'));

  // A map file from elsewhere: other ids, names in another case, matched by
  // name; it also has a waste bank, gone since.
  const elsewhere = {
    ...baseline, title: 'Survey',
    stakeholders: [
      ...baseline.stakeholders.map((s, i) => ({ ...s, id: `x${i}`, name: s.name.toUpperCase() })),
      { id: 'x9', name: 'Bank Sampah', kind: 'community', x: 120, y: 40 },
    ],
    links: [{ id: 'y', from: 'x1', to: 'x0', kind: 'partnership' }],
  };
  await dialog.locator('input[type=file]').setInputFiles({ name: 'survey.simpul.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(elsewhere)) });
  await result.getByRole('heading', { name: 'What changed since “survey.simpul.json”' }).waitFor();
  await result.getByRole('table', { name: 'Stakeholders · 1 added, 1 removed, 3 changed' }).waitFor();
  // On the picture: the new and the changed ringed with a word, the waste bank a
  // ghost where it was; until the marks are put away.
  await dialog.getByRole('button', { name: 'Close' }).click();
  const status = page.getByRole('status').filter({ hasText: 'what changed since “survey.simpul.json”' });
  await status.waitFor();
  let texts = await painted();
  for (const mark of ['+ new', 'Δ changed', '− Bank Sampah (gone)']) assert.ok(texts.includes(mark), `${mark} in ${texts}`);
  // In workshop mode, what changed is a step of its own before what the room chose.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('w');
  await page.locator('.workshop-bar').waitFor();
  const caption = page.locator('.workshop-step');
  for (let i = 0; i < 30 && !(await caption.innerText()).includes('What changed'); i++) await page.keyboard.press('ArrowRight');
  assert.equal(await caption.innerText(), 'Step 6 of 7 · What changed since “survey.simpul.json”');
  await page.locator('.workshop-changes').getByText('1 added, 1 removed, 3 changed').waitFor();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('.workshop-step')?.textContent.trim() === 'Step 7 of 7 · What the room chose');
  await page.keyboard.press('Escape');
  await page.locator('.workshop-bar').waitFor({ state: 'detached' });
  await status.getByRole('button', { name: 'Stop showing changes' }).click();
  await status.waitFor({ state: 'detached' });
  texts = await painted();
  assert.ok(!texts.includes('+ new') && !texts.includes('− Bank Sampah (gone)'), `${texts}`);
  dialog = await openCompare(page);
  // Another tool's file is read as an import reads it: a spreadsheet of names.
  const sheet = 'Label\nDinas Kesehatan\nPuskesmas\nKarang Taruna\nRadio Komunitas\nSD Negeri 1\n';
  await dialog.locator('input[type=file]').setInputFiles({ name: 'partners.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
  await dialog.locator('.compare-result').getByRole('heading', { name: 'What changed since “partners.csv”' }).waitFor();
  await dialog.locator('.compare-result').getByRole('table', { name: /^Stakeholders · 0 added, 1 removed, / }).waitFor();
  // A file that is not a map says why.
  const result2 = dialog.locator('.compare-result');
  await dialog.locator('input[type=file]').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": 1}') });
  await result2.getByText(/These maps could not be compared: /).waitFor();

  // The snapshot stays with the map across a reload.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await page.reload();
  await page.getByRole('rowheader', { name: 'Radio Komunitas', exact: true }).waitFor();
  dialog = await openCompare(page);
  assert.match(await dialog.getByLabel('Compare with').locator('option:checked').innerText(), /^Baseline, March · /);
  assert.deepEqual(errors, []);
  await context.close();
});
