// The analysis in the app: the Findings region and the Stakeholders table follow
// every edit, as PRODUCT.md §7 names them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp, importMap, showTable } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const map = {
  format: 'simpul-map', version: 1, title: 'Jakarta Bersih',
  sectors: [{ id: 'env', name: 'Lingkungan' }, { id: 'edu', name: 'Pendidikan' }],
  stakeholders: [
    { id: 'dlh', name: 'Dinas Lingkungan Hidup', kind: 'government', sectors: ['env'], power: 5, interest: 4 },
    { id: 'bank-sampah', name: 'Bank Sampah Melati', kind: 'community', sectors: ['env'], power: 1, interest: 5 },
    { id: 'pabrik', name: 'Pabrik Plastik', kind: 'business', power: 4, interest: 2, stance: -2 },
    { id: 'sekolah', name: 'SD Negeri 1', kind: 'academia', sectors: ['edu'], power: 2, interest: 3 },
    { id: 'radio', name: 'Radio Komunitas', kind: 'media', power: 2, interest: 3 },
  ],
  links: [
    { id: 'l1', from: 'dlh', to: 'bank-sampah', kind: 'funding', directed: true, strength: 2 },
    { id: 'l2', from: 'radio', to: 'pabrik', kind: 'information' },
  ],
};

async function findings(page) {
  const items = page.getByRole('region', { name: 'Findings' }).getByRole('listitem');
  return items.evaluateAll((lis) => lis.map((li) => `${li.dataset.finding} ${li.dataset.subjects}`));
}

test('findings list every rule that fires, with subjects, and follow each edit', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await importMap(page, map);
  const found = await findings(page);
  for (const expected of [
    'one-way-dependency dlh bank-sampah',
    'opposed-powerful pabrik',
    'cross-sector-gap env edu',
    'isolated sekolah',
    // Subjects in map order: pabrik comes before radio.
    'disconnected-groups pabrik radio',
  ]) {
    assert.ok(found.includes(expected), `missing ${expected} in ${JSON.stringify(found)}`);
  }
  // All five helices are present, so none is reported missing.
  assert.ok(!found.some((f) => f.startsWith('missing-pentahelix')));
  // Most severe first, grouped under headings.
  const region = page.getByRole('region', { name: 'Findings' });
  await region.getByRole('heading', { name: 'Act on these first' }).waitFor();
  const severities = await region.getByRole('listitem').evaluateAll((lis) => lis.map((li) => li.dataset.severity));
  const rank = { high: 0, medium: 1, low: 2 };
  assert.deepEqual(severities, [...severities].sort((a, b) => rank[a] - rank[b]));
  // The explanation names the stakeholders, with a suggested action.
  const oneWay = region.locator('[data-finding="one-way-dependency"]');
  assert.match(await oneWay.innerText(), /Bank Sampah Melati depends on Dinas Lingkungan Hidup/);
  assert.match(await oneWay.innerText(), /Suggestion: Open a channel/);

  // Linking the school ends its isolation: the analysis reruns after the edit.
  await showTable(page, 'Links');
  await page.getByLabel('From', { exact: true }).selectOption({ label: 'SD Negeri 1' });
  await page.getByLabel('To', { exact: true }).selectOption({ label: 'Dinas Lingkungan Hidup' });
  await page.getByRole('button', { name: 'Add link' }).click();
  await region.locator('[data-finding="isolated"][data-subjects="sekolah"]').waitFor({ state: 'detached' });
  assert.ok(!(await findings(page)).includes('isolated sekolah'));
  // And undo brings it back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await region.locator('[data-finding="isolated"][data-subjects="sekolah"]').waitFor();
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('the Stakeholders table shows every metric and sorts by betweenness', async () => {
  const { page } = await openApp(browser, server.url);
  // A path a – hub – b – c: the hub carries the most shortest paths.
  await importMap(page, {
    format: 'simpul-map', version: 1, title: 'Path',
    stakeholders: ['a', 'hub', 'b', 'c'].map((id) => ({ id, name: `Name ${id}`, kind: 'ngo' })),
    links: [['a', 'hub'], ['hub', 'b'], ['b', 'c']].map(([from, to], i) => ({ id: `l${i}`, from, to, kind: 'partnership' })),
  });
  const table = page.getByRole('table', { name: 'Stakeholders' });
  const headers = await table.getByRole('columnheader').allInnerTexts();
  for (const name of ['Name', 'Power', 'Interest', 'Quadrant', 'Degree', 'Betweenness', 'Closeness', 'Eigenvector']) {
    assert.ok(headers.some((h) => h.startsWith(name)), `${name} in ${headers}`);
  }
  const column = headers.findIndex((h) => h.startsWith('Betweenness'));
  await table.getByRole('button', { name: /^Betweenness/ }).click();
  assert.equal(await table.getByRole('columnheader').nth(column).getAttribute('aria-sort'), 'descending');
  const names = await table.getByRole('rowheader').allInnerTexts();
  assert.deepEqual(names.map((n) => n.trim()), ['Name hub', 'Name b', 'Name a', 'Name c']);
  // networkx: betweenness of the hub on this path is 2/3.
  const hubRow = table.getByRole('row').filter({ hasText: 'Name hub' });
  assert.equal((await hubRow.getByRole('cell').nth(column - 1).innerText()).trim(), '0.667');
  await table.getByRole('button', { name: /^Betweenness/ }).click();
  assert.equal(await table.getByRole('columnheader').nth(column).getAttribute('aria-sort'), 'ascending');
  await page.context().close();
});

test('choosing a finding highlights its subjects, also without colour', async () => {
  const { page } = await openApp(browser, server.url);
  await importMap(page, map);
  const region = page.getByRole('region', { name: 'Findings' });
  await region.locator('[data-finding="one-way-dependency"]').getByRole('button', { name: /Highlight/ }).click();
  const table = page.getByRole('table', { name: 'Stakeholders' });
  const highlighted = await table.locator('tr.highlighted').getByRole('rowheader').allInnerTexts();
  assert.equal(highlighted.length, 2);
  assert.ok(highlighted.every((t) => /highlighted by the chosen finding/.test(t)), JSON.stringify(highlighted));
  await region.getByRole('button', { name: /Stop highlighting/ }).click();
  assert.equal(await table.locator('tr.highlighted').count(), 0);
  await page.context().close();
});

test('findings speak Bahasa Indonesia', async () => {
  const { page } = await openApp(browser, server.url, { query: '?lang=id' });
  await page.getByLabel('Impor berkas peta').setInputFiles({
    name: 'map.simpul.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(map)),
  });
  const region = page.getByRole('region', { name: 'Temuan' });
  const oneWay = region.locator('[data-finding="one-way-dependency"]');
  await oneWay.waitFor();
  assert.match(await oneWay.innerText(), /Bank Sampah Melati bergantung pada Dinas Lingkungan Hidup/);
  await region.getByRole('heading', { name: 'Tangani lebih dulu' }).waitFor();
  await page.context().close();
});

test('a link reads as text until edited in its row, which stays open through each change', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await importMap(page, map);
  await showTable(page, 'Links');
  const links = page.getByRole('table', { name: 'Links' });
  const row = links.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Radio Komunitas — Pabrik Plastik' }) });
  await row.getByText('Information').waitFor();
  await row.getByText('Both ways').waitFor();
  assert.equal(await row.getByRole('combobox').count(), 0);

  await row.getByRole('button', { name: 'Edit (Radio Komunitas — Pabrik Plastik)' }).click();
  await row.getByLabel('Kind of link (Radio Komunitas — Pabrik Plastik)').selectOption('conflict');
  await row.getByLabel('Strength (Radio Komunitas — Pabrik Plastik)').selectOption('3');
  await row.getByLabel('One-way (directed) (Radio Komunitas — Pabrik Plastik)').click();
  const directed = links.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Radio Komunitas → Pabrik Plastik' }) });
  await directed.getByRole('button', { name: 'Done (Radio Komunitas → Pabrik Plastik)' }).click();
  await directed.getByText('Conflict').waitFor();
  await directed.getByText('One-way').waitFor();
  await directed.getByText('3 – strong').waitFor();

  // Each change was one edit: three undos bring the link back as it was.
  // (The table is off screen by then, so not painted: attached is what is checked.)
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Undo' }).click();
  await row.getByText('Information').waitFor({ state: 'attached' });
  await row.getByText('Both ways').waitFor({ state: 'attached' });
  assert.deepEqual(errors, []);
});

test('a worker that cannot be loaded is a lasting alert, which goes once the analysis works again', async () => {
  // The background worker's files fail to load, as on a venue's broken Wi-Fi.
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1366, height: 768 } });
  let failing = true;
  await context.route(/simpul-worker/, (route) => (failing ? route.abort() : route.continue()));
  const { page, errors } = await openApp(browser, server.url, { context });
  await importMap(page, map);
  const alert = page.getByRole('alert').getByText(/The findings could not be worked out in this browser/);
  await alert.waitFor();
  // It stays (news would go by itself after 10 s) and is not repeated at every edit.
  await page.getByLabel('Add a stakeholder').fill('Yayasan Bumi');
  await page.getByLabel('Add a stakeholder').press('Enter');
  await page.getByLabel('Add a stakeholder').fill('Universitas Indonesia');
  await page.getByLabel('Add a stakeholder').press('Enter');
  await page.waitForTimeout(500);
  assert.equal(await alert.count(), 1);
  // The worker loads again: the next edit is analysed and the alert goes.
  failing = false;
  await page.getByLabel('Add a stakeholder').fill('Kelompok Nelayan');
  await page.getByLabel('Add a stakeholder').press('Enter');
  await alert.waitFor({ state: 'detached' });
  const codes = await findings(page);
  assert.ok(codes.some((f) => f.startsWith('isolated') && /nelayan/.test(f)), `the new stakeholder's finding:\n${codes.join('\n')}`);
  assert.deepEqual(errors.filter((e) => !/simpul-worker|net::ERR_FAILED|Failed to load/.test(e)), []);
  await context.close();
});
