// A big map (PRODUCT.md §6: "work that can take over 100 ms runs off the main thread
// or in slices, with visible progress"): its analysis runs in the background worker
// and follows each edit, its tables and findings are listed a page at a time, and
// it is saved like any other map. How long the page's tasks take is measured by
// `scripts/bench.sh freeze`, not here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp, importMap, newMapWith, storageSnapshot, showTable } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const KINDS = ['government', 'business', 'community', 'academia', 'ngo'];

/** 1,500 stakeholders: 135 rings of ten, each tied to a hub at two points (so no
 * link is a fragile bridge), then 150 with no link (isolated: medium findings over
 * more than one page), one of them named "Lonely One". */
function bigMap() {
  const stakeholders = [{ id: 'hub', name: 'Hub Kota', kind: 'government', power: 5, interest: 5 }];
  const links = [];
  for (let i = 0; i < 1500; i++) {
    const name = i === 1400 ? 'Lonely One' : `Stakeholder ${String(i).padStart(4, '0')}`;
    stakeholders.push({ id: `s${i}`, name, kind: KINDS[i % KINDS.length], power: 1 + (i % 5), interest: 1 + ((i * 3) % 5) });
    if (i >= 1350) continue;
    const next = i % 10 === 9 ? i - 9 : i + 1;
    links.push({ id: `r${i}`, from: `s${i}`, to: `s${next}`, kind: 'partnership' });
    if (i % 5 === 1) links.push({ id: `h${i}`, from: 'hub', to: `s${i}`, kind: 'information' });
  }
  return { format: 'simpul-map', version: 1, title: 'Peta besar', stakeholders, links };
}

const findings = (page) => page.getByRole('region', { name: 'Findings' });
/** Every stored map entry, parsed. */
const storedMaps = async (page) => Object.entries(await storageSnapshot(page)).filter(([k]) => k.startsWith('simpul.map.')).map(([, v]) => JSON.parse(v));
/** Imports the big map and waits until its first save is stored. */
async function importBigMapAndSave(page) {
  await importMap(page, bigMap());
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('simpul.map.')));
}
/** Gives the page `window.addByQuickEntry(name)`: types a name into quick entry and
 * presses Enter, inside the page, so that a test decides task by task what follows. */
const giveQuickEntry = (page) => page.evaluate(() => {
  window.addByQuickEntry = (name) => {
    const field = document.querySelector('#add-stakeholder');
    field.value = name;
    field.dispatchEvent(new Event('input', { bubbles: true }));
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  };
});
const isolated = (page, id) => findings(page).locator(`li[data-finding="isolated"][data-subjects="${id}"]`);

test('a big map is analysed in the background, and again after each edit', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await importMap(page, bigMap());
  // The worker's analysis arrives: the region is no longer busy and lists findings.
  await page.locator('section.findings[aria-busy="false"]').waitFor();
  await isolated(page, 's1351').waitFor();
  assert.equal(await findings(page).locator('li[data-finding="gatekeeper"][data-subjects^="hub"]').count(), 1);
  // The hub's betweenness comes from the worker too.
  const table = page.getByRole('table', { name: 'Stakeholders' });
  const hub = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Hub Kota' }) });
  const betweenness = Number(await hub.locator('td').nth(7).textContent());
  assert.ok(betweenness > 0.1, `hub betweenness ${betweenness}`);

  // An edit: linking an isolated stakeholder is analysed again, in the background.
  await page.getByLabel('Add a stakeholder').fill('Stakeholder 1351 > Hub Kota');
  await page.getByLabel('Add a stakeholder').press('Enter');
  await isolated(page, 's1351').waitFor({ state: 'detached' });
  await page.locator('section.findings[aria-busy="false"]').waitFor();
  assert.equal(await isolated(page, 's1352').count(), 1, 'the other isolated stakeholders stay');
  assert.deepEqual(errors, []);
});

test('a big map lists its rows and findings a page at a time', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await importMap(page, bigMap());
  const table = page.getByRole('table', { name: 'Stakeholders' });
  const pages = page.getByRole('navigation', { name: 'Pages: Stakeholders' });
  await table.getByRole('rowheader', { name: 'Hub Kota' }).waitFor();
  await page.locator('section.findings[aria-busy="false"]').waitFor();
  assert.equal(await pages.getByText('1–100 of 1501').count(), 1);
  // A page holds 100 rows. Those in view, and a few either side, are built; the
  // others are stand-ins of their height; the table says how many rows it has.
  assert.equal(await table.getAttribute('aria-rowcount'), '1502');
  const built = table.locator('tbody tr:not(.row-stand-in)');
  const count = await built.count();
  assert.ok(count >= 10 && count < 100, `${count} of the page's 100 rows built`);
  assert.equal(await built.first().getAttribute('aria-rowindex'), '2');
  // The stand-ins keep the page's length: scrolled to its end, its last row is
  // built, in its place, and the first rows have given way.
  const body = page.locator('.drawer-body');
  const rowPx = await built.first().evaluate((row) => row.getBoundingClientRect().height);
  const tablePx = await table.locator('tbody').evaluate((tbody) => tbody.getBoundingClientRect().height);
  assert.ok(Math.abs(tablePx - 100 * rowPx) < 2 * rowPx, `the body is ${tablePx} px for 100 rows of ${rowPx} px`);
  await body.evaluate((b) => { b.scrollTop = b.scrollHeight; });
  const last = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Stakeholder 0098' }) });
  await last.waitFor();
  assert.equal(await last.getAttribute('aria-rowindex'), '101');
  assert.ok(await last.isVisible());
  await table.getByRole('rowheader', { name: 'Hub Kota' }).waitFor({ state: 'detached' });
  await body.evaluate((b) => { b.scrollTop = 0; });
  await table.getByRole('rowheader', { name: 'Hub Kota' }).waitFor();
  assert.equal(await pages.getByRole('button', { name: 'Previous page' }).isDisabled(), true);
  // The pager is under the table: a new page is shown from its first row.
  await body.evaluate((b) => { b.scrollTop = b.scrollHeight; });
  await pages.getByRole('button', { name: 'Next page' }).click();
  await table.getByRole('rowheader', { name: 'Stakeholder 0099' }).waitFor();
  assert.ok(await page.evaluate(() => {
    const body = document.querySelector('.drawer-body').getBoundingClientRect();
    const row = [...document.querySelectorAll('th[scope="row"]')].find((th) => th.textContent.includes('Stakeholder 0099')).getBoundingClientRect();
    return row.top >= body.top && row.bottom <= body.bottom;
  }), 'the new page\'s first row is in view');
  assert.equal(await table.getByRole('rowheader', { name: 'Stakeholder 0098' }).count(), 0);
  await pages.getByText('101–200 of 1501').waitFor();
  await pages.getByRole('button', { name: 'Last page' }).click();
  await pages.getByText('1501–1501 of 1501').waitFor();
  assert.equal(await pages.getByRole('button', { name: 'Next page' }).isDisabled(), true);

  // Sorting sorts the whole map, not the page: the highest betweenness comes first.
  await page.locator('section.findings[aria-busy="false"]').waitFor();
  await table.getByRole('button', { name: 'Betweenness' }).click();
  await pages.getByRole('button', { name: 'First page' }).click();
  await built.first().getByRole('rowheader', { name: 'Hub Kota' }).waitFor();

  // The Findings open on what they add up to; a headline lists its findings alone.
  const summary = page.getByRole('list', { name: 'In short' });
  const headline = summary.getByRole('button', { name: /150 stakeholders have no link/ });
  await headline.click();
  assert.equal(await headline.getAttribute('aria-pressed'), 'true');
  await findings(page).getByText(/^Showing 150 of \d+ findings: 150 stakeholders have no link/).waitFor();
  assert.equal(await findings(page).locator('li[data-finding]:not([data-finding="isolated"])').count(), 0);
  await findings(page).getByRole('button', { name: 'Show all findings' }).click();
  await findings(page).locator('li[data-finding="gatekeeper"], li[data-finding="hub-dominance"]').first().waitFor();

  // 150 stakeholders have no link: a group of their own, fifteen pages of 10.
  const medium = page.getByRole('list', { name: 'Isolated stakeholder' });
  const mediumPages = page.getByRole('navigation', { name: 'Pages: Isolated stakeholder' });
  await mediumPages.getByText(/^1–10 of 150$/).waitFor();
  assert.equal(await medium.getByRole('listitem').count(), 10);
  assert.equal(await findings(page).locator('.finding-group[data-group="isolated"] .group-count').innerText(), '150');
  const first = medium.locator('li[data-finding="isolated"][data-subjects="s1351"]');
  await first.waitFor();
  await mediumPages.getByRole('button', { name: 'Last page' }).click();
  await mediumPages.getByText(/^141–150 of 150$/).waitFor();
  await medium.locator('li[data-finding="isolated"][data-subjects="s1499"]').waitFor();
  assert.equal(await first.count(), 0);
  await mediumPages.getByRole('button', { name: 'First page' }).click();
  await first.waitFor();
  // The lonely one's finding is on the sixth page.
  const lonely = medium.locator('li[data-finding="isolated"][data-subjects="s1400"]');
  for (let i = 0; i < 5; i++) await mediumPages.getByRole('button', { name: 'Next page' }).click();
  await mediumPages.getByText(/^51–60 of 150$/).waitFor();
  await lonely.waitFor();
  // An edit that adds one more to the group keeps it on the page it shows.
  await page.locator('#add-stakeholder').fill('Newcomer');
  await page.locator('#add-stakeholder').press('Enter');
  await mediumPages.getByText(/^51–60 of 151$/).waitFor();
  await lonely.waitFor();

  // Highlighting a finding turns the table to the page of its stakeholder.
  await lonely.getByRole('button', { name: /^Highlight/ }).click();
  await table.getByRole('rowheader', { name: 'Lonely One' }).waitFor();
  assert.equal(await table.locator('tbody tr.selected').count(), 1);

  // Thousands of names in two drop-down lists would help no one: the form says how to link.
  await showTable(page, 'Links');
  assert.equal(await page.getByLabel('From', { exact: true }).count(), 0);
  await page.getByText(/too many stakeholders to list here/).waitFor();
  assert.deepEqual(errors, []);
});

test('the keyboard reaches every row of a long page, each built as the focus comes to it', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await importMap(page, bigMap());
  const table = page.getByRole('table', { name: 'Stakeholders' });
  await table.getByRole('rowheader', { name: 'Hub Kota' }).waitFor();
  await page.locator('section.findings[aria-busy="false"]').waitFor();
  const lastBuilt = Number(await table.locator('tbody tr:not(.row-stand-in)').last().getAttribute('aria-rowindex'));
  assert.ok(lastBuilt < 101, `${lastBuilt - 1} rows built at first`);
  await table.getByRole('button', { name: 'Hub Kota' }).focus();
  // Five stops a row: the name, and the four fields that can be edited in place.
  for (let i = 0; i < 5 * (lastBuilt + 4); i += 1) await page.keyboard.press('Tab');
  const reached = await page.evaluate(() => Number(document.activeElement?.closest('tr')?.getAttribute('aria-rowindex') ?? 0));
  assert.ok(reached > lastBuilt + 2, `Tab reached row ${reached}, past the ${lastBuilt} built at first`);
  assert.ok(await page.evaluate(() => document.activeElement.closest('table')?.classList.contains('stakeholders-table')));
  assert.deepEqual(errors, []);
});

test('a big map is saved, and opens again with its findings after a reload', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await importBigMapAndSave(page);
  const stored = await storedMaps(page);
  assert.equal(stored.length, 1);
  assert.equal(stored[0].map.stakeholders.length, 1501);
  // Once the picture says its layout is at rest, every position is saved.
  await page.locator('canvas.network[data-layout="settled"]').waitFor({ timeout: 120000 });
  await page.waitForFunction(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('simpul.map.'));
    return JSON.parse(localStorage.getItem(key)).map.stakeholders.every((s) => typeof s.x === 'number');
  }, null, { timeout: 10000, polling: 500 });
  await page.reload();
  await page.getByRole('table', { name: 'Stakeholders' }).getByRole('rowheader', { name: 'Hub Kota' }).waitFor();
  await isolated(page, 's1351').waitFor();
  assert.deepEqual(errors, []);
});

test('edits to a big map are all saved, even when its copy is made while a save is being written', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await importBigMapAndSave(page);
  // A big map's save is written out in tasks after its edit. The first six edits
  // come 5 to 0 tasks apart, so some land while a save is being written. The last
  // comes once those are saved; two tasks after it (the first is the page's own
  // task after the edit, the second the save's first), with its save under way,
  // the map is duplicated, which reads storage.
  await giveQuickEntry(page);
  await page.evaluate(async () => {
    const nextTask = () => new Promise((resolve) => setTimeout(resolve));
    for (let i = 0; i < 7; i++) {
      window.addByQuickEntry(`Forum ${i}`);
      for (let t = 0; t < (i < 5 ? 5 - i : i === 5 ? 20 : 2); t++) await nextTask();
    }
    document.querySelector('button[aria-label="Duplicate Peta besar"]').click();
  });
  await page.waitForFunction(() => Object.keys(localStorage).filter((k) => k.startsWith('simpul.map.')).length === 2);
  await page.waitForTimeout(500);
  // The map and its copy both hold every edit.
  const stored = await storedMaps(page);
  assert.deepEqual(stored.map((e) => e.map.title).sort(), ['Peta besar', 'Peta besar (copy)']);
  for (const entry of stored) {
    const names = entry.map.stakeholders.map((s) => s.name);
    assert.equal(names.length, 1508);
    assert.deepEqual(names.slice(-7), [0, 1, 2, 3, 4, 5, 6].map((i) => `Forum ${i}`));
  }
  // Saved as one revision after another: no save was refused as another tab's.
  assert.equal(await page.getByText(/another tab or window/).count(), 0);
  assert.deepEqual(errors, []);
});

test('an edit to a big map just before the tab reloads is kept', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await importBigMapAndSave(page);
  // Reloaded a task after the edit: its save has just started being written out.
  await giveQuickEntry(page);
  // The reload is left to the page, so that this call has returned before the
  // page it runs in goes away.
  const reloaded = page.waitForEvent('load');
  await page.evaluate(() => {
    window.addByQuickEntry('Forum Terakhir');
    setTimeout(() => location.reload());
  });
  await reloaded;
  await page.getByRole('table', { name: 'Stakeholders' }).getByRole('rowheader', { name: 'Hub Kota' }).waitFor();
  const stored = await storedMaps(page);
  assert.equal(stored.length, 1);
  assert.equal(stored[0].map.stakeholders.at(-1).name, 'Forum Terakhir');
  assert.deepEqual(errors, []);
});

/** The stored entry key of the map titled `title`. */
const entryKeyOf = (page, title) => page.evaluate((title) => Object.keys(localStorage)
  .find((k) => k.startsWith('simpul.map.') && JSON.parse(localStorage.getItem(k)).map.title === title), title);

test('a big stored map is read in steps on reload, saying it is opening, and a damaged one is still set aside', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await newMapWith(page, 'Peta kecil', ['Karang Taruna']);
  await importBigMapAndSave(page);
  await page.locator('canvas.network[data-layout="settled"]').waitFor({ timeout: 120000 });
  // Whether the page said it was opening the map, watched from before the app starts.
  await page.addInitScript(() => {
    new MutationObserver(() => {
      const status = document.querySelector('p.opening[role="status"]');
      if (status && !status.hidden && status.textContent.trim() === 'Opening…') window.sawOpening = true;
    }).observe(document, { childList: true, subtree: true, attributes: true });
  });
  await page.reload();
  const table = page.getByRole('table', { name: 'Stakeholders' });
  await table.getByRole('rowheader', { name: 'Hub Kota' }).waitFor();
  assert.equal(await page.evaluate(() => window.sawOpening), true, 'the page said it was opening the big map');
  await isolated(page, 's1351').waitFor();

  // Damaged inside its map, behind a head that still reads, as a crash mid-write
  // of another program might leave it: set aside unchanged on reload, and the
  // next most recent map opens instead.
  // Damaged as the next page loads, before the app starts: the page that goes
  // may still save the map as it goes.
  const key = await entryKeyOf(page, 'Peta besar');
  await page.addInitScript((key) => {
    if (sessionStorage.getItem('damaged')) return;
    sessionStorage.setItem('damaged', 'yes');
    window.damaged = localStorage.getItem(key).replace('"name":"Stakeholder 0700"', '"name":Stakeholder 0700"');
    localStorage.setItem(key, window.damaged);
  }, key);
  await page.reload();
  const damaged = await page.evaluate(() => window.damaged);
  assert.ok(damaged.startsWith('{"schema":1,"revision":') && damaged.includes('"name":Stakeholder 0700"'));
  await page.getByRole('alert').getByText('The saved copy of “Peta besar” could not be read. It was set aside unchanged').waitFor();
  await table.getByRole('rowheader', { name: 'Karang Taruna' }).waitFor();
  assert.equal(await page.getByLabel('Title', { exact: true }).inputValue(), 'Peta kecil');
  const snapshot = await storageSnapshot(page);
  const setAside = Object.keys(snapshot).filter((k) => k.startsWith('simpul.set-aside.'));
  assert.equal(setAside.length, 1);
  assert.equal(snapshot[setAside[0]], damaged);
  assert.equal(snapshot[key], undefined);
  assert.deepEqual(errors, []);
});

test('a map asked for while a big one is being read is the one shown', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await newMapWith(page, 'Peta kecil', ['Karang Taruna']);
  await importBigMapAndSave(page);
  await newMapWith(page, 'Peta ketiga', ['Posyandu']);
  const table = page.getByRole('table', { name: 'Stakeholders' });
  // The big map is read over several tasks; the small one, asked for in the same
  // task, is read at once. The big map, read after, must not replace it.
  await page.evaluate(() => {
    const open = (title) => [...document.querySelectorAll('button.map-open')].find((b) => b.textContent.includes(title)).click();
    open('Peta besar');
    open('Peta kecil');
  });
  await table.getByRole('rowheader', { name: 'Karang Taruna' }).waitFor();
  await page.waitForTimeout(1500);
  assert.equal(await page.getByLabel('Title', { exact: true }).inputValue(), 'Peta kecil');
  assert.equal(await table.getByRole('rowheader', { name: 'Hub Kota' }).count(), 0);
  assert.equal(await page.locator('button.map-open[aria-busy="true"]').count(), 0, 'no map is left marked as opening');

  // Opened on its own, the big map is marked as opening in the list until it shows.
  await page.evaluate(() => {
    window.busyWhileOpening = false;
    const button = [...document.querySelectorAll('button.map-open')].find((b) => b.textContent.includes('Peta besar'));
    new MutationObserver(() => {
      if (button.isConnected && button.getAttribute('aria-busy') === 'true' && button.textContent.includes('Opening…')) window.busyWhileOpening = true;
    }).observe(button, { attributes: true, childList: true, subtree: true, characterData: true });
    button.click();
  });
  await table.getByRole('rowheader', { name: 'Hub Kota' }).waitFor();
  assert.equal(await page.evaluate(() => window.busyWhileOpening), true);
  assert.equal(await page.locator('button.map-open[aria-busy="true"]').count(), 0);
  assert.deepEqual(errors, []);
});

test('a big file wrong throughout lists its first 100 problems and counts the rest', async () => {
  const { page, errors } = await openApp(browser, server.url);
  const map = bigMap();
  for (const link of map.links.slice(0, 150)) delete link.kind;
  await page.getByLabel('Import map file').setInputFiles({
    name: 'map.simpul.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(map)),
  });
  const problems = page.getByRole('alert').filter({ hasText: 'could not be opened' });
  await problems.getByText('(150 problems)').waitFor();
  assert.equal(await problems.getByRole('listitem').count(), 100);
  await problems.getByText('links[0].kind: is missing').waitFor();
  await problems.getByText('… and 50 more.').waitFor();
  assert.deepEqual(errors, []);
});

test('a backup holding a big map is restored in steps: every map is stored, and the first is shown', async () => {
  const { page, errors } = await openApp(browser, server.url);
  const small = { format: 'simpul-map', version: 1, title: 'Peta kecil', stakeholders: [{ id: 'a', name: 'Satu', kind: 'ngo' }], links: [] };
  const backup = { format: 'simpul-backup', version: 1, saved_ms: 0, maps: [bigMap(), small] };
  await page.getByLabel('Import map file').setInputFiles({
    name: 'simpul-backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)),
  });
  await page.getByRole('status').getByText('Maps added from the backup: 2/2.').waitFor();
  await page.getByRole('table', { name: 'Stakeholders' }).getByRole('rowheader', { name: 'Hub Kota' }).waitFor();
  const stored = await storedMaps(page);
  assert.deepEqual(stored.map((entry) => [entry.map.title, entry.map.stakeholders.length]).sort(), [['Peta besar', 1501], ['Peta kecil', 1]]);
  // The map shown is the stored one: an edit saves over it, not beside it.
  await page.getByLabel('Add a stakeholder').fill('Forum Pemulihan');
  await page.getByLabel('Add a stakeholder').press('Enter');
  await page.waitForFunction(() => Object.keys(localStorage).filter((k) => k.startsWith('simpul.map.'))
    .some((k) => localStorage.getItem(k).includes('Forum Pemulihan')));
  const after = await storedMaps(page);
  assert.equal(after.length, 2);
  assert.equal(after.find((entry) => entry.map.title === 'Peta besar').map.stakeholders.length, 1502);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a map at its limit of 5,000 stakeholders refuses one more with a message, and stays saved as it was', async () => {
  const { page, errors } = await openApp(browser, server.url);
  const stakeholders = Array.from({ length: 5000 }, (_, i) => ({ id: `s${i}`, name: `Stakeholder ${i}`, kind: KINDS[i % KINDS.length] }));
  await importMap(page, { format: 'simpul-map', version: 1, title: 'Peta penuh', stakeholders, links: [] });
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('simpul.map.')));
  await page.getByLabel('Add a stakeholder').fill('Satu lagi');
  await page.getByLabel('Add a stakeholder').press('Enter');
  await page.getByRole('alert').getByText(/the map already holds 5000 stakeholders, the most Simpul keeps responsive; start a new map for the rest/).waitFor();
  const [stored] = await storedMaps(page);
  assert.equal(stored.map.stakeholders.length, 5000);
  assert.ok(!stored.map.stakeholders.some((s) => s.name === 'Satu lagi'));
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a big map is painted in slices, and its picture shows every stakeholder kind once complete', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await importMap(page, bigMap());
  // Settled: every position saved.
  await page.waitForFunction(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('simpul.map.'));
    return key && (localStorage.getItem(key).match(/"x":/g) ?? []).length >= 1501;
  }, null, { timeout: 120000, polling: 500 });
  // The resting map's painting comes a slice per frame and is shown whole: the
  // canvas then holds the picture (shapes of 1,501 stakeholders fitted in it are a
  // pixel or two, so each kind's colour shows on a few pixels at least).
  const colours = { government: [0x00, 0x72, 0xb2], business: [0xe6, 0x9f, 0x00], community: [0x00, 0x9e, 0x73], academia: [0xcc, 0x79, 0xa7], ngo: [0xd5, 0x5e, 0x00] };
  const picture = () => page.evaluate((colours) => {
    const canvas = document.querySelector('canvas.network');
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    const counts = Object.fromEntries(Object.keys(colours).map((k) => [k, 0]));
    let painted = 0;
    for (let p = 0; p < data.length; p += 4) {
      if (data[p + 3] === 0) continue;
      painted += 1;
      for (const [kind, [r, g, b]] of Object.entries(colours)) {
        if (data[p + 3] > 100 && Math.abs(data[p] - r) < 30 && Math.abs(data[p + 1] - g) < 30 && Math.abs(data[p + 2] - b) < 30) counts[kind] += 1;
      }
    }
    return { share: painted / (data.length / 4), counts };
  }, colours);
  let last;
  for (let tries = 0; tries < 30; tries += 1) {
    await page.waitForTimeout(1000);
    const now = await picture();
    // Complete: the same picture a second later, nothing left to paint.
    if (last && JSON.stringify(now) === JSON.stringify(last) && now.share > 0.02) break;
    last = now;
  }
  const done = await picture();
  assert.deepEqual(done, last, 'the picture still changes');
  assert.ok(done.share > 0.05, `painted share ${done.share}`);
  for (const [kind, n] of Object.entries(done.counts)) assert.ok(n >= 5, `${kind}: ${n} pixels`);
  // Shown where it was painted for: no leftover shift of the canvas.
  const transform = await page.locator('canvas.network').evaluate((c) => c.style.transform);
  assert.ok(transform === '' || /^translate\(0(\.0)?px, ?0(\.0)?px\) scale\(1(\.0+)?\)$/.test(transform), transform);
  assert.deepEqual(errors, []);
});
