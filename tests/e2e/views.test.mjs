// The pictures of the map (issue 4): the network canvas, the power–interest grid
// and the sector matrix, driven with the mouse and the keyboard as a person would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp, importMap, showTable } from './harness.mjs';
import { jakarta as base } from './maps.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// The shared map, with a donor that funds the NGO.
const jakarta = {
  ...base,
  stakeholders: [...base.stakeholders, { id: 'donor', name: 'Donor Asia', kind: 'donor', power: 4, interest: 3 }],
  links: [...base.links, { id: 'l4', from: 'donor', to: 'lsm', kind: 'funding', directed: true }],
};

/** The open map as stored in localStorage (the autosave). */
async function storedMap(page) {
  return page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('simpul.map.'));
    return JSON.parse(localStorage.getItem(key)).map;
  });
}

function stakeholderRow(page, name) {
  return page.getByRole('table', { name: 'Stakeholders' }).getByRole('row', { name: new RegExp(name) });
}

/** Power and interest as the Stakeholders table shows them. */
async function scores(page, name) {
  const cells = stakeholderRow(page, name).locator('td');
  return [Number(await cells.nth(1).textContent()), Number(await cells.nth(2).textContent())];
}

async function linkCount(page) {
  await showTable(page, 'Links');
  const count = await page.getByRole('table', { name: 'Links' }).locator('tbody tr').count();
  await showTable(page, 'Stakeholders');
  return count;
}

test('the power–interest grid re-scores by drag and by arrow keys, and undo takes it back', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await importMap(page, jakarta);
  await page.getByRole('tab', { name: 'Power–interest grid' }).click();
  const chip = page.getByRole('button', { name: /^Pabrik Plastik \(Business\): power 4, interest 2$/ });
  const target = page.getByRole('group', { name: 'Power 2, interest 5' });
  const from = await chip.boundingBox();
  const to = await target.boundingBox();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
  await page.mouse.up();
  await target.getByRole('button', { name: /^Pabrik Plastik/ }).waitFor();
  assert.deepEqual(await scores(page, 'Pabrik Plastik'), [2, 5]);
  // The quadrant follows: interest 5 and power 2 is "keep informed".
  await stakeholderRow(page, 'Pabrik Plastik').getByText('Keep informed').waitFor();

  // Keyboard: the moved chip keeps focus; up raises power.
  const moved = page.getByRole('button', { name: /^Pabrik Plastik \(Business\): power 2, interest 5$/ });
  await moved.focus();
  await page.keyboard.press('ArrowUp');
  await page.getByRole('button', { name: /^Pabrik Plastik \(Business\): power 3, interest 5$/ }).waitFor();
  // The re-drawn chip gets the focus back on the next frame: wait for that frame
  // rather than read the focus the moment the chip is there.
  await page.waitForFunction(
    () => document.activeElement?.getAttribute('aria-label') === 'Pabrik Plastik (Business): power 3, interest 5',
    null,
    { timeout: 5000 },
  );
  assert.deepEqual(await scores(page, 'Pabrik Plastik'), [3, 5]);
  const saved = (await storedMap(page)).stakeholders.find((s) => s.id === 'pabrik');
  assert.deepEqual([saved.power, saved.interest], [3, 5], 'the autosave holds the new scores');

  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.deepEqual(await scores(page, 'Pabrik Plastik'), [4, 2]);
  const undone = (await storedMap(page)).stakeholders.find((s) => s.id === 'pabrik');
  assert.deepEqual([undone.power, undone.interest], [4, 2], 'the undone state is what autosave stores');
  assert.deepEqual(errors, []);
});

test('the sector matrix marks the known gap and lists the links of a cell', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await importMap(page, jakarta);
  await page.getByRole('tab', { name: 'Sector matrix' }).click();
  const matrix = page.getByRole('table', { name: 'Links between sectors' });
  const gap = matrix.getByRole('button', { name: '0 links: a cross-sector gap between Lingkungan and Pendidikan' });
  assert.equal(await gap.textContent(), 'Gap');
  await gap.click();
  const detail = page.locator('.matrix-detail');
  await detail.locator('[data-finding="cross-sector-gap"]').waitFor();
  await detail.getByText(/Lingkungan/).first().waitFor();

  const inside = matrix.getByRole('button', { name: '1 linked pairs between Lingkungan and Lingkungan' });
  await inside.click();
  await detail.getByRole('listitem').filter({ hasText: 'Dinas Lingkungan Hidup — Bank Sampah Melati (Funding)' }).waitFor();

  // Linking the two sectors closes the gap.
  await page.getByRole('tab', { name: 'Network' }).click();
  await stakeholderRow(page, 'SD Negeri 1').getByRole('button').click();
  await page.locator('canvas.network').focus();
  await page.keyboard.press('l');
  await page.getByText(/^Linking: choose the other stakeholder/).waitFor();
  await page.keyboard.press('['); // the stakeholder before SD Negeri 1 in map order: Pabrik Plastik
  await page.keyboard.press('['); // then Bank Sampah Melati, a member of Lingkungan
  await page.keyboard.press('Enter');
  await page.getByRole('tab', { name: 'Sector matrix' }).click();
  await matrix.getByRole('button', { name: '1 linked pairs between Lingkungan and Pendidikan' }).waitFor();
  assert.equal(await matrix.getByRole('button', { name: /cross-sector gap/ }).count(), 0);
  assert.deepEqual(errors, []);
});

test('focus names the right neighbours, and undo restores a deleted stakeholder with its links', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await importMap(page, jakarta);
  await stakeholderRow(page, 'LSM Hijau').getByRole('button').click();
  await page.getByRole('button', { name: 'Focus on selected' }).click();
  await page.getByText('Focus on LSM Hijau, linked to: Bank Sampah Melati, Dinas Lingkungan Hidup, Donor Asia').waitFor();
  await page.locator('canvas.network').focus();
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.focus-status').count(), 0, 'Escape leaves focus mode');

  assert.equal(await linkCount(page), 4);
  // (Counting the links turned the drawer's tabs: the picture takes the keys again.)
  await page.locator('canvas.network').focus();
  await page.keyboard.press('Delete');
  await page.getByRole('table', { name: 'Stakeholders' }).getByRole('row').filter({ hasText: 'LSM Hijau' }).waitFor({ state: 'detached' });
  assert.equal(await linkCount(page), 1, 'its three links went with it');
  assert.equal((await storedMap(page)).stakeholders.length, 5);

  await page.keyboard.press('Control+z');
  await stakeholderRow(page, 'LSM Hijau').waitFor();
  assert.equal(await linkCount(page), 4, 'undo brings its links back');
  const restored = await storedMap(page);
  assert.deepEqual(restored.links.map((l) => l.id).sort(), ['l1', 'l2', 'l3', 'l4']);
  assert.deepEqual(restored.stakeholders.map((s) => s.id), jakarta.stakeholders.map((s) => s.id), 'in its old place');
  await page.keyboard.press('Control+Shift+z');
  await page.getByRole('table', { name: 'Stakeholders' }).getByRole('row').filter({ hasText: 'LSM Hijau' }).waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
});

// A map whose layout is saved: every stakeholder placed, two pinned, no sectors
// (so the picture's bounds are the stakeholders' alone).
const placed = {
  format: 'simpul-map', version: 1, title: 'Placed',
  sectors: [],
  stakeholders: [
    { id: 'a', name: 'Alpha', kind: 'government', power: 5, x: -200, y: -100, pinned: true },
    { id: 'b', name: 'Beta', kind: 'community', x: 200, y: -100 },
    { id: 'c', name: 'Gamma', kind: 'media', x: 0, y: 150, pinned: true },
    { id: 'd', name: 'Delta', kind: 'ngo', x: 250, y: 200 },
  ],
  links: [{ id: 'l1', from: 'a', to: 'b', kind: 'partnership' }, { id: 'l2', from: 'b', to: 'c', kind: 'partnership' }],
};

/** Where a world position is drawn, as the view fits a map into its canvas. */
async function onScreen(page, map, x, y) {
  await page.locator('canvas.network').scrollIntoViewIfNeeded();
  const box = await page.locator('canvas.network').boundingBox();
  const xs = map.stakeholders.map((s) => s.x);
  const ys = map.stakeholders.map((s) => s.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs) - 30, Math.max(...xs) + 30, Math.min(...ys) - 30, Math.max(...ys) + 30];
  // The fit leaves 56 px on each side for the tools floating over the picture, and
  // on the right the legend's room when it is wider (network.rs).
  const legend = await page.evaluate(() => document.querySelector('.map-views .legend')?.clientWidth ?? 0);
  const right = Math.max(56, legend > 0 ? legend + 24 : 0);
  const scale = Math.min(2, (box.width - 56 - right) / (maxX - minX), (box.height - 112) / (maxY - minY));
  return {
    x: box.x + (x - (minX + maxX) / 2) * scale + (56 + box.width - right) / 2,
    y: box.y + (y - (minY + maxY) / 2) * scale + box.height / 2,
    scale,
  };
}

test('an edit in the Stakeholders table keeps the stakeholder where it is pinned', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await importMap(page, placed);
  await showTable(page, 'Stakeholders');
  const row = stakeholderRow(page, 'Gamma');
  // Power is the second field that reads as text and becomes a list when clicked.
  await row.locator('td.editable').nth(1).click();
  await row.locator('select.cell-editor').selectOption('2');
  await page.waitForFunction(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('simpul.map.'));
    return JSON.parse(localStorage.getItem(key)).map.stakeholders.find((s) => s.id === 'c').power === 2;
  });
  const gamma = (await storedMap(page)).stakeholders.find((s) => s.id === 'c');
  assert.deepEqual([gamma.power, gamma.x, gamma.y, gamma.pinned], [2, 0, 150, true]);
  // The name edited in its row keeps it pinned too.
  await row.getByRole('button', { name: 'Gamma' }).click();
  await row.getByRole('button', { name: 'Gamma' }).click();
  await page.locator('input.name-editor').fill('Gamma TV');
  await page.locator('input.name-editor').press('Enter');
  await stakeholderRow(page, 'Gamma TV').waitFor();
  await page.waitForFunction(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('simpul.map.'));
    return JSON.parse(localStorage.getItem(key)).map.stakeholders.find((s) => s.id === 'c').name === 'Gamma TV';
  });
  const renamed = (await storedMap(page)).stakeholders.find((s) => s.id === 'c');
  assert.deepEqual([renamed.power, renamed.x, renamed.y, renamed.pinned], [2, 0, 150, true]);
  assert.deepEqual(errors, []);
});

test('dragging moves and pins a stakeholder, undo moves it back, Shift+drag links, and positions survive a reload', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await importMap(page, placed);
  await page.waitForTimeout(300);
  assert.deepEqual((await storedMap(page)).stakeholders.map((s) => [s.x, s.y]), placed.stakeholders.map((s) => [s.x, s.y]),
    'a saved layout opens exactly as it was left');

  const stored = async (id) => (await storedMap(page)).stakeholders.find((s) => s.id === id);
  const drag = async (from, dx, dy) => {
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + dx / 2, from.y + dy / 2, { steps: 5 });
    await page.mouse.move(from.x + dx, from.y + dy, { steps: 5 });
    await page.mouse.up();
  };

  // Drag Gamma (pinned) 120 px right and 60 px down; undo puts it back exactly.
  const gamma = await onScreen(page, placed, 0, 150);
  await drag(gamma, 120, 60);
  await page.waitForFunction(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('simpul.map.'));
    return JSON.parse(localStorage.getItem(key)).map.stakeholders.find((s) => s.id === 'c').x > 10;
  });
  const moved = await stored('c');
  assert.ok(Math.abs(moved.x - 120 / gamma.scale) < 2, `x ${moved.x}, expected about ${120 / gamma.scale}`);
  assert.ok(Math.abs(moved.y - (150 + 60 / gamma.scale)) < 2, `y ${moved.y}`);
  await stakeholderRow(page, 'Gamma').and(page.locator('tr.selected')).waitFor();
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('simpul.map.'));
    return JSON.parse(localStorage.getItem(key)).map.stakeholders.find((s) => s.id === 'c').x === 0;
  });
  assert.deepEqual([(await stored('c')).y, (await stored('c')).pinned], [150, true]);

  // Drag Delta (free): it is pinned where it is dropped and stays there.
  const settle = () => page.waitForTimeout(3000);
  await settle();
  const d0 = await stored('d');
  const delta0 = await onScreen(page, placed, d0.x, d0.y);
  await drag(delta0, -80, 40);
  await page.waitForFunction(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('simpul.map.'));
    return JSON.parse(localStorage.getItem(key)).map.stakeholders.find((s) => s.id === 'd').pinned === true;
  });
  const dropped = await stored('d');
  await settle();
  const later = await stored('d');
  assert.deepEqual([later.x, later.y], [dropped.x, dropped.y], 'a pinned stakeholder stays where it was dropped');
  assert.ok(Math.abs(dropped.x - (d0.x - 80 / delta0.scale)) < 2, `x ${dropped.x}`);

  // Shift+drag from Alpha (pinned, so it has not moved) to Delta links them.
  const now = await storedMap(page);
  const at = (id) => now.stakeholders.find((s) => s.id === id);
  const alpha = await onScreen(page, placed, at('a').x, at('a').y);
  const delta = await onScreen(page, placed, at('d').x, at('d').y);
  await page.keyboard.down('Shift');
  await page.mouse.move(alpha.x, alpha.y);
  await page.mouse.down();
  await page.mouse.move(delta.x, delta.y, { steps: 10 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await showTable(page, 'Links');
  await page.getByRole('table', { name: 'Links' }).locator('tbody tr').nth(2).waitFor();
  await showTable(page, 'Stakeholders');
  const linked = (await storedMap(page)).links.at(-1);
  assert.deepEqual([linked.from, linked.to], ['a', 'd']);

  // Pan from the empty corner, in two strokes (the second starts while the first
  // may still be shown moved): Alpha is then found where the pan took it.
  const box = await page.locator('canvas.network').boundingBox();
  const corner = { x: box.x + 8, y: box.y + 8 };
  await drag(corner, 40, 30);
  await drag(corner, 20, 10);
  await page.waitForTimeout(200);
  await page.mouse.click(alpha.x + 60, alpha.y + 40);
  await stakeholderRow(page, 'Alpha').and(page.locator('tr.selected')).waitFor();
  assert.equal((await storedMap(page)).stakeholders.find((s) => s.id === 'a').x, at('a').x, 'a pan moves the view, not the map');

  // Reload: every position comes back as it was saved.
  await settle();
  const before = (await storedMap(page)).stakeholders.map((s) => [s.id, s.x, s.y, !!s.pinned]);
  await page.reload();
  await page.getByRole('heading', { name: 'Simpul' }).waitFor();
  await stakeholderRow(page, 'Gamma').waitFor();
  await page.waitForTimeout(500);
  const after = (await storedMap(page)).stakeholders.map((s) => [s.id, s.x, s.y, !!s.pinned]);
  assert.deepEqual(after, before);
  assert.deepEqual(errors, []);
});
