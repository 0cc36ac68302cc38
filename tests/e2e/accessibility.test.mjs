// axe-core finds no violations in each state of the app, in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp, desktop, openFileMenu, axeViolations as violations } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

for (const lang of ['en', 'id']) {
  test(`no axe violations in every state (${lang})`, async () => {
    const context = await browser.newContext({ bypassCSP: true, ...desktop });
    const { page } = await openApp(browser, server.url, { context, query: `?lang=${lang}` });
    assert.deepEqual(await violations(page), [], 'empty state');

    await page.locator('.library button.primary').click();
    const add = page.locator('#add-stakeholder');
    for (const name of ['Dinas Kesehatan', 'Posyandu Mawar', 'Radio Komunitas']) {
      await add.fill(name);
      await add.press('Enter');
    }
    await page.locator('#drawer-sectors-tab').click();
    await page.locator('#add-sector').fill('Kesehatan');
    await page.locator('#add-sector').press('Enter');
    await page.locator('#drawer-links-tab').click();
    await page.locator('#link-from').selectOption({ index: 1 });
    await page.locator('#link-to').selectOption({ index: 2 });
    await page.locator('.link-form button').click();
    await page.locator('#drawer-links .data tbody tr').first().waitFor();
    assert.deepEqual(await violations(page), [], 'map with stakeholders, links, sectors, the legend and the map details');
    // The inspector of a link, then of a stakeholder (with a cell of the table open for editing).
    await page.locator('#drawer-links .data tbody th button').first().click();
    await page.locator('#edit-link-kind').waitFor();
    assert.deepEqual(await violations(page), [], 'the inspector of a link');
    await page.locator('#drawer-stakeholders-tab').click();
    await page.locator('#drawer-stakeholders .data tbody th button').first().click();
    await page.locator('#edit-name').waitFor();
    await page.locator('#drawer-stakeholders .data tbody td.editable').first().click();
    await page.locator('#drawer-stakeholders .cell-editor').waitFor();
    assert.deepEqual(await violations(page), [], 'the inspector of a stakeholder, a cell being edited');

    // Each picture of the map, with focus mode and a chosen matrix cell.
    const tabs = page.getByRole('tab');
    await page.locator('.network-tools button').nth(3).click();
    await page.locator('.focus-status').waitFor();
    assert.deepEqual(await violations(page), [], 'network view in focus mode');
    await tabs.nth(1).click();
    await page.locator('.power-grid .chip').first().waitFor();
    assert.deepEqual(await violations(page), [], 'power–interest grid');
    await tabs.nth(2).click();
    await page.locator('.matrix .cell-button').first().click();
    assert.deepEqual(await violations(page), [], 'sector matrix with a chosen cell');
    await tabs.nth(0).click();

    // A refused import and the confirmation to delete a map.
    await page.locator('input[type=file]').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"format": 1}') });
    await page.locator('.import-problems').waitFor();
    // A map in the trash, the confirmation to empty it, and the earlier versions.
    await page.locator('.map-item.current .map-actions button').nth(1).click();
    await page.locator('.map-list > li').nth(1).waitFor();
    await page.locator('.map-item:not(.current) .map-actions .danger').click();
    await page.locator('details.trash summary').click();
    await page.locator('details.trash .danger').last().click();
    await page.locator('details.trash .confirm').waitFor();
    assert.deepEqual(await violations(page), [], 'import problems, the trash');
    // The earlier versions, in the File menu.
    await openFileMenu(page);
    await page.locator('details.versions summary').click();
    await page.locator('details.versions[open]').waitFor();
    assert.deepEqual(await violations(page), [], 'earlier versions');
    await page.keyboard.press('Escape');
    await page.locator('details.trash .confirm button').last().click();

    // The spreadsheet import preview, with a row problem.
    await page.locator('input[type=file]').setInputFiles({
      name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from('Label,Type,Power\nDinas,Dinas,9\nWarga,Komunitas,2\n'),
    });
    await page.locator('.sheet-import .row-problems li').first().waitFor();
    assert.deepEqual(await violations(page), [], 'spreadsheet import preview');
    await page.locator('.sheet-import .actions button').nth(1).click();

    // The print preview.
    await openFileMenu(page);
    assert.deepEqual(await violations(page), [], 'the File menu');
    await page.locator('.menu-panel button').filter({ hasText: lang === 'en' ? 'Print layout' : 'Tata letak cetak' }).click();
    await page.locator('.print-sheet table').waitFor();
    assert.deepEqual(await violations(page), [], 'print preview');
    await page.keyboard.press('Escape');
    await page.locator('.print-preview').waitFor({ state: 'detached' });

    // The keyboard help.
    await page.keyboard.press('?');
    await page.locator('.help').waitFor();
    assert.deepEqual(await violations(page), [], 'keyboard help');
    await page.keyboard.press('Escape');

    // Workshop mode, in the projector's theme: the network, the grid, a finding.
    await page.keyboard.press('w');
    await page.locator('.workshop-bar').waitFor();
    assert.deepEqual(await violations(page), [], 'workshop mode, first step');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.locator('#view-grid .chip').first().waitFor();
    assert.deepEqual(await violations(page), [], 'workshop mode, power and interest');
    await page.keyboard.press('ArrowRight');
    await page.locator('.workshop-finding').waitFor();
    assert.deepEqual(await violations(page), [], 'workshop mode, a finding');
    await page.keyboard.press('Escape');
    await page.locator('.workshop-bar').waitFor({ state: 'detached' });
    await context.close();
  });
}
