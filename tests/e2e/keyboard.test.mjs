// A map built and analysed with the keyboard alone: Tab to each control, type,
// press Enter or Space, choose with the arrow keys; never the mouse.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Presses Tab (Shift+Tab with `back`) until the focused element has this
 * accessible label or text (or text starting with it, with `prefix`). */
async function tabTo(page, name, { limit = 80, prefix = false, back = false } = {}) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      const label = el?.labels?.[0]?.textContent ?? el?.getAttribute('aria-label') ?? '';
      // The text a screen reader reads: decorative icons (aria-hidden) left out.
      const copy = el?.cloneNode(true);
      copy?.querySelectorAll?.('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
      return { label: label.trim(), text: (copy?.textContent ?? '').trim(), visible: !!el && getComputedStyle(el).outlineStyle !== 'none' };
    });
    if (focused.label === name || focused.text === name || (prefix && focused.text.startsWith(name))) {
      assert.ok(focused.visible, `focus on ${name} is visible`);
      return;
    }
  }
  throw new Error(`Tab never reached ${name}`);
}

test('a map is built and analysed without the mouse', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await tabTo(page, 'New map');
  await page.keyboard.press('Enter');
  await tabTo(page, 'Add a stakeholder');
  for (const name of ['Dinas Kesehatan', 'Posyandu Mawar', 'Radio Komunitas']) {
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
  }
  await page.getByRole('table', { name: 'Stakeholders' }).getByRole('rowheader', { name: 'Radio Komunitas' }).waitFor();

  // A sector, then a link from the first stakeholder to the second: the drawer's
  // tabs are one stop, the arrow keys move between them.
  await tabTo(page, 'Stakeholders', { prefix: true });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await tabTo(page, 'Add a sector');
  await page.keyboard.type('Kesehatan');
  await page.keyboard.press('Enter');
  await page.locator('.sector-name').first().waitFor();
  await tabTo(page, 'Sectors', { prefix: true, back: true });
  await page.keyboard.press('ArrowLeft');
  await tabTo(page, 'From');
  await page.keyboard.press('ArrowDown');
  await tabTo(page, 'To');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await tabTo(page, 'Add link');
  await page.keyboard.press('Enter');
  await page.getByRole('table', { name: 'Links' }).locator('tbody tr').first().waitFor();

  // The analysis answers: the radio is on its own.
  const isolated = page.getByRole('region', { name: 'Findings' }).locator('li[data-finding="isolated"]');
  await isolated.first().waitFor();
  assert.match(await isolated.first().getAttribute('data-subjects'), /radio-komunitas/);
  // And undo by keyboard (focus is still on the button) takes the link back.
  await page.keyboard.press('Control+z');
  await page.getByRole('table', { name: 'Links' }).waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('quick entry: "A > B" and "A -- B" add links and missing stakeholders, undone as one', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await tabTo(page, 'New map');
  await page.keyboard.press('Enter');
  await tabTo(page, 'Add a stakeholder');
  for (const line of ['Dinas Kesehatan', 'dinas kesehatan > Posyandu Mawar', 'Pasar Beringharjo -- Dinas Kesehatan']) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }
  const stakeholders = page.getByRole('table', { name: 'Stakeholders' }).locator('tbody th');
  await stakeholders.nth(2).waitFor();
  assert.deepEqual(await stakeholders.allInnerTexts(), ['Dinas Kesehatan', 'Posyandu Mawar', 'Pasar Beringharjo']);
  // The links' table is behind its tab (a table out of sight keeps its rows until
  // it is shown again).
  const tab = (name) => page.getByRole('tab', { name: new RegExp(`^${name}`) });
  await tab('Links').click();
  const links = page.getByRole('table', { name: 'Links' }).locator('tbody tr');
  await links.nth(1).waitFor();
  assert.equal(await links.count(), 2);
  // One undo takes back the last line: the link and the stakeholder it brought.
  await tabTo(page, 'Undo');
  await page.keyboard.press('Enter');
  await links.nth(1).waitFor({ state: 'detached' });
  await tab('Stakeholders').click();
  await stakeholders.nth(2).waitFor({ state: 'detached' });
  assert.deepEqual(await stakeholders.allInnerTexts(), ['Dinas Kesehatan', 'Posyandu Mawar']);
  assert.deepEqual(errors, []);
  await page.context().close();
});
