// Workshop (projector) mode (issue 5), driven by the keyboard as a facilitator at
// a projector would: the reveal step by step, names large enough for the back of
// the room, quick entry as people call things out, and leaving again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp, importMap, openFileMenu, axeViolations } from './harness.mjs';
import { jakarta as map } from './maps.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The stakeholder a drawn text names: its name, followed by its stance mark if any. */
const stakeholderOf = (text) => map.stakeholders.find((s) => text === s.name || text.startsWith(`${s.name} `));
/** The projector's link colours, as the canvas reports them. */
const linkColours = ['#6fd68f', '#ff8a8a', '#ffc66b', '#d7dde5'];

/** Records what every canvas draws: each text with its size on the screen (font
 *  size times the transform's scale, in CSS pixels) and opacity, and the colour
 *  of each stroke. */
function recordCanvas() {
  window.drawn = [];
  const proto = CanvasRenderingContext2D.prototype;
  const fillText = proto.fillText;
  proto.fillText = function (text, x, y, ...rest) {
    const t = this.getTransform();
    const px = parseFloat(/([\d.]+)px/.exec(this.font)?.[1] ?? '0') * Math.hypot(t.a, t.b) / devicePixelRatio;
    window.drawn.push({ text: String(text), px, alpha: this.globalAlpha });
    return fillText.call(this, text, x, y, ...rest);
  };
  const stroke = proto.stroke;
  proto.stroke = function (...args) {
    window.drawn.push({ stroke: String(this.strokeStyle) });
    return stroke.apply(this, args);
  };
}

/** What the network canvas paints now: a fresh painting is asked for (a resize
 *  repaints) and recorded. */
async function painting(page) {
  await page.evaluate(() => { window.drawn = []; window.dispatchEvent(new Event('resize')); });
  await page.waitForFunction(() => window.drawn.some((d) => d.text));
  const drawn = await page.evaluate(() => window.drawn);
  return {
    texts: drawn.filter((d) => d.text),
    names: new Set(drawn.filter((d) => d.text).map((d) => d.text)),
    strokes: new Set(drawn.filter((d) => d.stroke).map((d) => d.stroke)),
  };
}

async function caption(page) {
  return (await page.locator('.workshop-step').textContent()).trim();
}

async function press(page, key, expected) {
  await page.keyboard.press(key);
  await page.waitForFunction((text) => document.querySelector('.workshop-step')?.textContent.trim() === text, expected);
}

test('the reveal walks a room through actors, sectors, links, power and each finding', async () => {
  const context = await browser.newContext();
  await context.addInitScript(recordCanvas);
  const { page, errors } = await openApp(browser, server.url, { context });
  await importMap(page, map);
  // The Findings panel is hidden in the workshop, but stays the reference.
  const findings = page.getByRole('region', { name: 'Findings', includeHidden: true }).locator('li[data-finding]');
  await findings.first().waitFor({ state: 'attached' });
  const count = await findings.count();
  assert.ok(count >= 2, `${count} findings`);

  // W, outside any field, opens the workshop on the first step.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('w');
  await page.locator('.workshop-bar').waitFor();
  assert.equal(await caption(page), 'Step 1 of 6 · Who is involved');
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('workshop')), true);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'workshop-stage');
  // The editing chrome is gone; the picture and the strip fill the screen.
  for (const hidden of ['.toolbar', '.library', '.side', '.drawer', '.add-bar', '.network-tools', '.legend', '[role=tablist]']) {
    assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is hidden`);
  }
  const box = await page.locator('canvas.network').boundingBox();
  const screen = page.viewportSize();
  assert.ok(box.width >= screen.width - 20 && box.height >= screen.height * 0.55, `canvas ${box.width}×${box.height}`);

  // Step 1: every actor by name, at least 24 px on screen, no sectors, no links.
  let seen = await painting(page);
  for (const s of map.stakeholders) assert.ok(seen.texts.some((t) => stakeholderOf(t.text) === s), `${s.name} is drawn`);
  assert.ok(seen.names.has('Pabrik Plastik −−'), 'the stance mark follows the name');
  assert.ok(!seen.names.has('Lingkungan'), 'no sector yet');
  assert.deepEqual(linkColours.filter((c) => seen.strokes.has(c)), [], 'no link yet');
  const small = seen.texts.filter((t) => t.px < 24);
  assert.deepEqual(small, [], 'every label is at least 24 px');

  // Step 2: the sectors join.
  await press(page, 'ArrowRight', 'Step 2 of 6 · The sectors they work in');
  seen = await painting(page);
  assert.ok(seen.names.has('Lingkungan') && seen.names.has('Pendidikan'), 'sector names drawn');
  assert.deepEqual(linkColours.filter((c) => seen.strokes.has(c)), [], 'still no link');
  assert.ok(seen.texts.find((t) => t.text === 'Lingkungan').px >= 28);

  // Step 3: the links, each kind in its colour.
  await press(page, ' ', 'Step 3 of 6 · How they are linked');
  seen = await painting(page);
  for (const colour of ['#6fd68f', '#ff8a8a', '#ffc66b']) assert.ok(seen.strokes.has(colour), `links drawn in ${colour}`);

  // Step 4: power and interest, on the grid, in large type.
  await press(page, 'PageDown', 'Step 4 of 6 · Power and interest');
  const chip = page.locator('#view-grid .chip').first();
  await chip.waitFor();
  assert.ok(parseFloat(await chip.evaluate((e) => getComputedStyle(e).fontSize)) >= 24);
  assert.equal(await page.locator('#view-grid .chip').count(), map.stakeholders.length);

  // Step 5: the findings one at a time, as the Findings panel lists them, each
  // lighting its subjects and dimming everyone else.
  for (let k = 0; k < count; k++) {
    await press(page, 'ArrowRight', `Step 5 of 6 · Finding ${k + 1} of ${count}`);
    const shown = page.locator('.workshop-finding');
    const subjects = await findings.nth(k).getAttribute('data-subjects');
    assert.equal(await shown.getAttribute('data-shows'), subjects);
    const title = (await findings.nth(k).locator('.finding-title').textContent()).trim();
    assert.ok((await shown.textContent()).includes(title), `finding ${k + 1} says "${title}"`);
    seen = await painting(page);
    // A subject is lit, and so is every member of a sector that is a subject.
    const ids = subjects.split(' ');
    for (const t of seen.texts.filter((t) => stakeholderOf(t.text))) {
      const s = stakeholderOf(t.text);
      const lit = ids.includes(s.id) || (s.sectors ?? []).some((x) => ids.includes(x));
      assert.equal(t.alpha === 1, lit, `${t.text} lit: ${t.alpha}`);
    }
  }
  // After the last finding, what the room chose (no vote yet: it says how to
  // hold one), which stays; back goes to the last finding, then one more.
  await press(page, 'ArrowRight', 'Step 6 of 6 · What the room chose');
  await page.locator('.workshop-chosen').getByText('The room has not voted yet', { exact: false }).waitFor();
  await page.keyboard.press('ArrowRight');
  assert.equal(await caption(page), 'Step 6 of 6 · What the room chose');
  assert.equal(await page.getByRole('button', { name: 'Next step' }).isDisabled(), true);
  await press(page, 'ArrowLeft', `Step 5 of 6 · Finding ${count} of ${count}`);
  await press(page, 'ArrowLeft', `Step 5 of 6 · Finding ${count - 1} of ${count}`);
  await press(page, 'Home', 'Step 1 of 6 · Who is involved');
  assert.equal(await page.getByRole('button', { name: 'Previous step' }).isDisabled(), true);
  seen = await painting(page);
  assert.ok(seen.texts.every((t) => t.alpha === 1), 'nothing dimmed before the findings');

  // Quick entry: N, a link as people call it out, Enter. The new names are on the
  // wall and the reveal moves on to the links so the new one shows.
  await page.keyboard.press('n');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'workshop-add');
  await page.keyboard.type('Radio Komunitas > Dinas Lingkungan Hidup');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.workshop-step')?.textContent.startsWith('Step 3 of 6'));
  assert.equal(await page.locator('#workshop-add').inputValue(), '');
  seen = await painting(page);
  assert.ok(seen.names.has('Radio Komunitas'));
  await page.keyboard.type('Karang Taruna');
  await page.keyboard.press('Enter');
  seen = await painting(page);
  assert.ok(seen.names.has('Karang Taruna'));
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith('simpul.map.')))));
  const radio = stored.map.stakeholders.find((s) => s.name === 'Radio Komunitas');
  assert.ok(radio && stored.map.links.some((l) => l.from === radio.id && l.to === 'dlh' && l.directed), 'the link is saved');
  assert.ok(stored.map.stakeholders.some((s) => s.name === 'Karang Taruna'));

  // Escape leaves the field for the steps; the arrows step again; Escape leaves.
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'workshop-stage');
  await press(page, 'ArrowRight', 'Step 4 of 6 · Power and interest');
  await page.keyboard.press('Escape');
  await page.locator('.workshop-bar').waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('workshop')), false);
  assert.equal(await page.locator('.toolbar').isVisible(), true);
  assert.equal(await page.getByRole('tab', { name: 'Network' }).getAttribute('aria-selected'), 'true');
  assert.equal(await page.locator('.finding.active').count(), 0, 'no finding stays highlighted');
  // Back on the page, names are drawn in the page's size again.
  seen = await painting(page);
  assert.ok(seen.texts.some((t) => t.px < 24), "page names are drawn at the page's size");
  assert.deepEqual(errors, []);
  await context.close();
});

test('the workshop button opens it, the help lists its keys, and it speaks Indonesian', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { query: '?lang=id' });
  await page.locator('.library button.primary').click();
  await page.getByRole('button', { name: 'Mode lokakarya' }).click();
  await page.locator('.workshop-bar').waitFor();
  assert.equal(await caption(page), 'Langkah 1 dari 6 · Siapa saja yang terlibat');
  // An empty map: the first names are typed in at the projector.
  await page.keyboard.press('n');
  for (const name of ['Bappeda', 'Puskesmas']) {
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
  }
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Pintasan papan ketik' });
  await help.waitFor();
  assert.ok((await help.textContent()).includes('mode lokakarya'));
  // Escape closes the help and leaves the workshop open.
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });
  assert.equal(await page.locator('.workshop-bar').isVisible(), true);
  await press(page, 'ArrowRight', 'Langkah 2 dari 6 · Sektor tempat mereka berkiprah');
  await page.getByRole('button', { name: 'Keluar dari mode lokakarya' }).click();
  await page.locator('.workshop-bar').waitFor({ state: 'detached' });
  const names = await page.getByRole('table', { name: /Pemangku kepentingan/ }).getByRole('rowheader').allTextContents();
  assert.deepEqual(names.map((n) => n.trim()), ['Bappeda', 'Puskesmas']);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Fourteen sectors of one member each; the members from the second on in a
 *  chain, the first alone: far more than ten findings, most of them sectors that
 *  never talk, the first sector cut off from all 13 others. */
function manySectors() {
  const sectors = Array.from({ length: 14 }, (_, i) => ({ id: `x${i}`, name: i ? `Sector ${i}` : 'Kesehatan' }));
  const stakeholders = sectors.map((s, i) => ({ id: `p${i}`, name: i ? `Member ${i}` : 'Puskesmas', kind: 'ngo', sectors: [s.id] }));
  const links = stakeholders.slice(2).map((s, i) => ({ id: `l${i}`, from: `p${i + 1}`, to: s.id, kind: 'partnership' }));
  return { format: 'simpul-map', version: 1, title: 'Banyak sektor', sectors, stakeholders, links };
}

test('many findings are said in short: in the Findings panel, in the print layout and before the findings in workshop mode', async () => {
  // (bypassCSP lets axe-core in.)
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
  await context.addInitScript(recordCanvas);
  const { page, errors } = await openApp(browser, server.url, { context });
  await importMap(page, manySectors());
  const region = page.getByRole('region', { name: 'Findings' });
  const summary = region.getByRole('list', { name: 'In short' });
  const cutOff = summary.getByRole('button', { name: /Kesehatan never reaches 13 of 13 sectors/ });
  await cutOff.waitFor();
  assert.ok(await summary.getByRole('listitem').count() <= 7);
  // Sectors that never talk are many: a group of their own with its count.
  const gaps = await region.locator('li[data-finding="cross-sector-gap"]').count();
  const group = region.locator('.finding-group[data-group="cross-sector-gap"]');
  assert.ok(Number(await group.locator('.group-count').innerText()) > 10);
  assert.equal(await group.locator('li[data-finding]').count(), gaps);
  // The headline lists Kesehatan's gaps alone.
  await cutOff.click();
  await region.getByText(/^Showing 13 of \d+ findings: Kesehatan never reaches 13 of 13 sectors/).waitFor();
  const listed = await region.locator('li[data-finding]').evaluateAll((items) => items.map((i) => [i.dataset.finding, i.dataset.subjects]));
  // (Thirteen, a group of their own: ten on its first page.)
  assert.equal(listed.length, 10);
  assert.equal(await group.locator('.group-count').innerText(), '13');
  assert.ok(listed.every(([code, subjects]) => code === 'cross-sector-gap' && subjects.split(' ').includes('x0')), JSON.stringify(listed));
  assert.deepEqual(await axeViolations(page), [], 'the summary, a chosen headline, the groups');
  await cutOff.click();
  await region.getByRole('button', { name: 'Show all findings' }).waitFor({ state: 'detached' });

  // The print layout says it in short too.
  await openFileMenu(page);
  await page.getByRole('button', { name: 'Print layout' }).click();
  const sheet = page.getByRole('dialog', { name: 'Print layout' }).locator('.print-sheet');
  await sheet.locator('.print-findings-summary').getByText('Kesehatan never reaches 13 of 13 sectors').waitFor();
  await page.keyboard.press('Escape');
  await sheet.waitFor({ state: 'detached' });

  // In workshop mode the findings step opens on the summary; a headline lights
  // the members of its sectors: all but the one sector 1 is linked to.
  // (All of them, not those on the pages shown.)
  const count = parseInt(await region.locator('.map-meta').innerText(), 10);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('w');
  await page.locator('.workshop-bar').waitFor();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await press(page, 'ArrowRight', `Step 5 of 6 · The ${count} findings in short`);
  const headline = page.locator('.workshop-summary').getByRole('button', { name: /Sector 1 never reaches 12 of 13 sectors/ });
  await headline.click();
  assert.equal(await headline.getAttribute('aria-pressed'), 'true');
  const seen = (await painting(page)).texts;
  const alpha = (name) => seen.find((t) => t.text === name)?.alpha;
  for (const name of ['Puskesmas', 'Member 1', 'Member 3', 'Member 13']) assert.equal(alpha(name), 1, `${name} lit`);
  assert.notEqual(alpha('Member 2'), 1, 'Member 2 dimmed (or its label left out)');
  assert.deepEqual(await axeViolations(page), [], 'the summary in workshop mode');
  await press(page, 'ArrowRight', `Step 5 of 6 · Finding 1 of ${count}`);
  await press(page, 'ArrowLeft', `Step 5 of 6 · The ${count} findings in short`);
  await press(page, 'ArrowLeft', 'Step 4 of 6 · Power and interest');
  assert.deepEqual(errors, []);
  await context.close();
});
