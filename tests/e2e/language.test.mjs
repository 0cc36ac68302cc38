// The language switch: choosing Bahasa Indonesia changes every text at once, the
// choice survives a reload, ?lang= forces a language, and without either Simpul
// follows the browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp, desktop } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the language switch changes the interface and is remembered', async () => {
  const context = await browser.newContext({ locale: 'en-US', ...desktop });
  const { page, errors } = await openApp(browser, server.url, { context, query: '' });
  await page.getByRole('button', { name: 'New map' }).first().waitFor();
  await page.getByLabel('Language').selectOption('id');
  await page.getByRole('button', { name: 'Peta baru' }).first().waitFor();
  assert.equal(await page.getByLabel('Impor berkas peta').count(), 1);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'id');

  // Remembered across a reload.
  await page.reload();
  await page.getByRole('button', { name: 'Peta baru' }).first().waitFor();
  // ?lang=en forces English without changing what was remembered.
  await page.goto(`${server.url}?lang=en`);
  await page.getByRole('button', { name: 'New map' }).first().waitFor();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Peta baru' }).first().waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('without a choice, Simpul follows the browser language', async () => {
  for (const [locale, button] of [['id-ID', 'Peta baru'], ['en-GB', 'New map'], ['fr-FR', 'New map']]) {
    const context = await browser.newContext({ locale, ...desktop });
    const { page } = await openApp(browser, server.url, { context, query: '' });
    await page.getByRole('button', { name: button }).first().waitFor();
    await context.close();
  }
});

test('? shows every keyboard shortcut, in the language of the interface', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await help.waitFor();
  const rows = help.getByRole('row');
  assert.ok(await rows.count() >= 15);
  await help.getByRole('rowheader', { name: 'Ctrl+Z' }).waitFor();
  await help.getByText('Undo the last change').waitFor();
  // Focus is on Close, and Escape closes it too.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'help-close');
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });
  // The top bar's button opens it for mouse users; in Indonesian.
  await page.getByLabel('Language').selectOption('id');
  await page.getByRole('button', { name: 'Pintasan papan ketik' }).click();
  await page.getByRole('dialog', { name: 'Pintasan papan ketik' }).getByText('Urungkan perubahan terakhir').waitFor();
  await page.getByRole('button', { name: 'Tutup' }).click();
  // Typing ? in a text field types it.
  await page.getByRole('button', { name: 'Peta baru' }).first().click();
  await page.getByLabel('Tambah pemangku kepentingan').fill('');
  await page.getByLabel('Tambah pemangku kepentingan').press('?');
  assert.equal(await page.getByLabel('Tambah pemangku kepentingan').inputValue(), '?');
  assert.equal(await page.getByRole('dialog').count(), 0);
  assert.deepEqual(errors, []);
  await page.context().close();
});
