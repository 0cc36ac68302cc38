// The map-first workspace, measured in real windows: the document is exactly the
// window, the picture takes at least half of it (30% on a phone), the findings
// and the chosen stakeholder's inspector are on screen beside the picture, and
// the arrangement of the panels is remembered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, openApp, importMap } from './harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const example = JSON.parse(await fs.readFile(path.join(root, 'public/examples/jakarta-waste.en.simpul.json'), 'utf8'));

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function openAt(width, height) {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true });
  const opened = await openApp(browser, server.url, { context });
  await importMap(opened.page, example);
  await opened.page.locator('canvas.network[data-layout]').waitFor();
  return opened;
}

/** The page's geometry: the document against the window, and the largest canvas. */
function geometry(page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const canvases = [...document.querySelectorAll('canvas')].map((c) => c.getBoundingClientRect());
    const visible = (r) => Math.max(0, Math.min(r.right, innerWidth) - Math.max(r.left, 0)) * Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0));
    return {
      scrollHeight: doc.scrollHeight, scrollWidth: doc.scrollWidth, innerHeight, innerWidth,
      canvasShare: Math.max(0, ...canvases.map(visible)) / (innerWidth * innerHeight),
    };
  });
}

/** Whether the element's box lies inside the window (and has a size). */
async function inWindow(locator) {
  const box = await locator.boundingBox();
  const { width, height } = locator.page().viewportSize();
  return box !== null && box.width > 0 && box.height > 0 && box.x >= 0 && box.y >= 0
    && box.x + box.width <= width + 0.5 && box.y + box.height <= height + 0.5;
}

for (const [width, height] of [[1280, 720], [1366, 768], [1440, 900], [1680, 1050], [1920, 1080]]) {
  test(`at ${width}×${height} the map, its findings and the chosen stakeholder share one screen`, async () => {
    const { page, errors, context } = await openAt(width, height);
    let g = await geometry(page);
    assert.equal(g.scrollHeight, g.innerHeight, 'the page does not scroll');
    assert.equal(g.scrollWidth, g.innerWidth, 'nor sideways');
    assert.ok(g.canvasShare >= 0.5, `the picture takes ${(g.canvasShare * 100).toFixed(1)}% of the window`);
    const findings = page.getByRole('region', { name: 'Findings' });
    assert.ok(await inWindow(findings), 'the Findings are on screen');
    await findings.getByRole('listitem').first().waitFor();

    // Choosing a stakeholder in the table shows its fields beside the picture.
    const table = page.getByRole('table', { name: 'Stakeholders' });
    const first = table.getByRole('rowheader').first();
    const name = (await first.textContent()).trim();
    await first.getByRole('button').click();
    const inspector = page.getByRole('region', { name: 'Edit stakeholder' });
    await inspector.waitFor();
    assert.ok(await inWindow(inspector), 'the inspector is on screen');
    assert.equal(await inspector.getByLabel('Name', { exact: true }).inputValue(), name);
    assert.ok(await inWindow(findings), 'the Findings stay on screen');
    g = await geometry(page);
    assert.ok(g.canvasShare >= 0.5, `the picture still takes ${(g.canvasShare * 100).toFixed(1)}%`);
    assert.equal(g.scrollHeight, g.innerHeight, 'and the page still does not scroll');
    // Long lists scroll inside their panels.
    for (const panel of ['.side .findings .panel-body', '.drawer-body']) {
      const overflow = await page.locator(panel).evaluate((e) => getComputedStyle(e).overflowY);
      assert.equal(overflow, 'auto', `${panel} scrolls`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('on a phone the picture is on top, one sheet below, nothing scrolls sideways, and controls are big enough to tap', async () => {
  const { page, errors, context } = await openAt(390, 844);
  let g = await geometry(page);
  assert.equal(g.scrollWidth, g.innerWidth, 'nothing scrolls sideways');
  assert.equal(g.scrollHeight, g.innerHeight, 'the page does not scroll');
  assert.ok(g.canvasShare >= 0.3, `the picture takes ${(g.canvasShare * 100).toFixed(1)}%`);
  const canvas = await page.locator('canvas.network').boundingBox();
  const sheet = page.getByRole('navigation', { name: 'Panels' });
  const tabs = await sheet.boundingBox();
  assert.ok(canvas.y < tabs.y, 'the picture is above the sheet');
  for (const button of await sheet.getByRole('button').all()) {
    const box = await button.boundingBox();
    assert.ok(box.height >= 44 && box.width >= 44, `a sheet tab is ${box.width}×${box.height}`);
  }
  for (const button of await page.locator('.toolbar').getByRole('button').all()) {
    if (!(await button.isVisible())) continue;
    const box = await button.boundingBox();
    assert.ok(box.height >= 44, `a toolbar button is ${box.height} px high`);
  }

  // Findings, then the tables: choosing a stakeholder opens the inspector in the sheet.
  await sheet.getByRole('button', { name: 'Findings' }).click();
  const findings = page.getByRole('region', { name: 'Findings' });
  assert.ok(await inWindow(findings.getByRole('heading', { name: 'Findings' })), 'the Findings show in the sheet');
  await sheet.getByRole('button', { name: 'Tables' }).click();
  const first = page.getByRole('table', { name: 'Stakeholders' }).getByRole('rowheader').first();
  await first.getByRole('button').click();
  const inspector = page.getByRole('region', { name: 'Edit stakeholder' });
  await inspector.waitFor();
  assert.ok(await inWindow(inspector.getByRole('heading', { name: 'Edit stakeholder' })), 'the inspector shows in the sheet');
  assert.equal(await sheet.getByRole('button', { name: 'Inspector' }).getAttribute('aria-pressed'), 'true');

  // The Add tab types a stakeholder in.
  await sheet.getByRole('button', { name: 'Add' }).click();
  await page.getByLabel('Add a stakeholder').fill('Karang Taruna');
  await page.getByLabel('Add a stakeholder').press('Enter');
  await sheet.getByRole('button', { name: 'Tables' }).click();
  await page.getByRole('rowheader', { name: 'Karang Taruna' }).waitFor({ state: 'attached' });
  g = await geometry(page);
  assert.equal(g.scrollWidth, g.innerWidth, 'still nothing scrolls sideways');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the library folds to a rail and the panels keep their size, across a reload', async () => {
  const { page, errors, context } = await openAt(1366, 768);
  const library = page.getByRole('navigation', { name: 'Your maps' });
  // Below 1920 px the library starts as a rail; it opens on demand.
  assert.equal(await library.locator('.map-list').isVisible(), false);
  await page.getByRole('button', { name: 'Show your maps' }).click();
  await library.locator('.map-list').getByText('Waste reduction in Jakarta').waitFor();
  // The side panel is dragged 100 px wider by its edge.
  const side = page.locator('.side');
  const before = (await side.boundingBox()).width;
  const handle = await page.getByRole('separator', { name: 'Resize the findings and inspector panel' }).boundingBox();
  await page.mouse.move(handle.x + handle.width / 2, handle.y + 200);
  await page.mouse.down();
  await page.mouse.move(handle.x + handle.width / 2 - 100, handle.y + 200, { steps: 5 });
  await page.mouse.up();
  const wider = (await side.boundingBox()).width;
  assert.ok(Math.abs(wider - before - 100) <= 2, `${before} → ${wider}`);
  // The tables fold away to their tabs.
  await page.getByRole('button', { name: 'Hide tables' }).click();
  await page.getByRole('table', { name: 'Stakeholders' }).waitFor({ state: 'hidden' });

  await page.reload();
  await page.locator('canvas.network[data-layout]').waitFor();
  assert.equal(await library.evaluate((nav) => nav.classList.contains('rail')), false, 'the library is still open');
  // Its list comes with the panels, a moment after the map.
  await library.locator('.map-list').getByText('Waste reduction in Jakarta').waitFor();
  assert.ok(Math.abs((await side.boundingBox()).width - wider) <= 1, 'the side panel kept its width');
  assert.equal(await page.getByRole('button', { name: 'Show tables' }).getAttribute('aria-expanded'), 'false');
  // A tab opens the drawer again.
  await page.getByRole('tab', { name: /^Links/ }).click();
  await page.getByRole('table', { name: 'Links' }).waitFor();
  const g = await geometry(page);
  assert.equal(g.scrollHeight, g.innerHeight);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the findings and inspector fold to a rail, the picture takes their width, and choosing a stakeholder opens them', async () => {
  const { page, errors, context } = await openAt(1366, 768);
  const stage = page.locator('main.stage');
  const side = page.getByRole('complementary', { name: 'Findings and inspector' });
  const before = { stage: (await stage.boundingBox()).width, side: (await side.boundingBox()).width };
  await page.getByRole('button', { name: 'Hide findings and inspector' }).click();
  await page.getByRole('region', { name: 'Findings' }).waitFor({ state: 'hidden' });
  const folded = { stage: (await stage.boundingBox()).width, side: (await side.boundingBox()).width };
  assert.ok(folded.side <= 60, `the rail is narrow: ${folded.side}`);
  assert.ok(Math.abs(folded.stage - (before.stage + before.side - folded.side)) <= 2, `${before.stage} → ${folded.stage}`);
  // The rail still says how many findings wait there.
  const count = await side.locator('.side-count').textContent();
  assert.ok(Number(count) > 0, `findings counted on the rail: ${count}`);
  let g = await geometry(page);
  assert.equal(g.scrollHeight, g.innerHeight);
  assert.equal(g.scrollWidth, g.innerWidth);
  // Folded it stays, across a reload.
  await page.reload();
  await page.locator('canvas.network[data-layout]').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Show findings and inspector' }).getAttribute('aria-expanded'), 'false');
  // Choosing a stakeholder in the table opens the panel with its fields.
  await page.getByRole('table', { name: 'Stakeholders' }).getByRole('rowheader').first().getByRole('button').click();
  await page.getByRole('region', { name: 'Edit stakeholder' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Hide findings and inspector' }).getAttribute('aria-expanded'), 'true');
  g = await geometry(page);
  assert.equal(g.scrollHeight, g.innerHeight);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a file dropped anywhere on the workspace is imported; news goes away by itself and never covers the projector', async () => {
  const { page, errors, context } = await openAt(1366, 768);
  const dropped = { ...example, title: 'Dropped map' };
  await page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'dropped.simpul.json', { type: 'application/json' }));
    const target = document.querySelector('.side');
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, JSON.stringify(dropped));
  const news = page.getByRole('status').getByText('Imported “Dropped map” as a new map.');
  await news.waitFor();
  assert.equal(await page.getByLabel('Title', { exact: true }).inputValue(), 'Dropped map');
  // In workshop mode the news is not drawn over the picture.
  await page.getByRole('button', { name: 'Workshop mode' }).click();
  await page.locator('.workshop-bar').waitFor();
  assert.equal(await news.isVisible(), false, 'no news over the projected map');
  await page.keyboard.press('Escape');
  await page.locator('.workshop-bar').waitFor({ state: 'detached' });
  // Informational news leaves by itself.
  await news.waitFor({ state: 'detached', timeout: 15_000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a link chosen in its table opens in the inspector, and a table sorts by any column and edits in its cells', async () => {
  const { page, errors, context } = await openAt(1440, 900);
  await page.getByRole('tab', { name: /^Links/ }).click();
  const links = page.getByRole('table', { name: 'Links' });
  const firstLink = links.getByRole('rowheader').first();
  const ends = (await firstLink.textContent()).trim();
  await firstLink.getByRole('button').click();
  const inspector = page.getByRole('region', { name: 'Edit link' });
  await inspector.getByText(ends).waitFor();
  await inspector.getByLabel('Strength').selectOption('3');
  // Sorting links by strength puts the strong one first.
  await links.getByRole('button', { name: 'Strength' }).click();
  assert.equal(await links.getByRole('columnheader', { name: /Strength/ }).getAttribute('aria-sort'), 'descending');
  assert.equal((await links.getByRole('rowheader').first().textContent()).trim(), ends);

  // In the Stakeholders table, power is chosen in its cell.
  await page.getByRole('tab', { name: /^Stakeholders/ }).click();
  const table = page.getByRole('table', { name: 'Stakeholders' });
  const row = table.getByRole('row').nth(1);
  const name = (await row.getByRole('rowheader').textContent()).trim();
  await row.locator('td').nth(1).click();
  await row.getByLabel('Power', { exact: true }).selectOption('1');
  await row.locator('td').nth(1).filter({ hasText: /^1$/ }).waitFor();
  // A row holds one button, the stakeholder's name: the cells take the focus themselves.
  assert.equal(await row.getByRole('button').count(), 1);
  const stored = await page.evaluate((n) => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('simpul.map.') && localStorage.getItem(k).includes('Waste'));
    return JSON.parse(localStorage.getItem(key)).map.stakeholders.find((s) => s.name === n).power;
  }, name);
  assert.equal(stored, 1);
  // A second click on the chosen row's name edits it in place.
  await row.getByRole('rowheader').getByRole('button').click();
  await row.getByRole('rowheader').getByRole('button').click();
  await row.getByLabel('Name', { exact: true }).fill('Renamed in the table');
  await row.getByLabel('Name', { exact: true }).press('Enter');
  await table.getByRole('rowheader', { name: 'Renamed in the table' }).waitFor();
  // And one undo takes the rename back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await table.getByRole('rowheader', { name, exact: true }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a map opened again, from the list while it is open, shows its table and news at once', async () => {
  // Its analysis is already there: nothing waits for another (a deadlock once).
  const { page, errors, context } = await openAt(1920, 1080);
  const table = page.getByRole('table', { name: 'Stakeholders' });
  await table.getByRole('rowheader').first().waitFor();
  for (let i = 0; i < 3; i++) {
    await page.getByRole('navigation', { name: 'Your maps' }).locator('.map-list').getByText('Waste reduction in Jakarta').click();
    await table.getByRole('rowheader').first().waitFor({ timeout: 5_000 });
  }
  await page.getByRole('region', { name: 'Findings' }).getByRole('listitem').first().waitFor({ timeout: 5_000 });
  assert.deepEqual(errors, []);
  await context.close();
});
