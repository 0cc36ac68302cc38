// Takes the README's pictures of the workspace from the release build in dist/,
// in headless Chromium: the editor with a stakeholder chosen, the power–interest
// grid, workshop mode and the phone layout, each opened on a bundled example.
//
//   node scripts/screenshots.mjs [out-dir]     (default: docs/screenshots)
//
// SIMPUL_DIST serves another build (to picture an earlier version beside this one).
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch } from '../tests/e2e/harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(process.argv[2] ?? path.join(root, 'docs/screenshots'));
const example = await fs.readFile(path.join(root, 'public/examples/jakarta-waste.en.simpul.json'));
await fs.mkdir(out, { recursive: true });

const server = await serve();
const browser = await launch();

async function open(viewport) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`${server.url}?lang=en`);
  await page.getByRole('heading', { name: 'Simpul' }).waitFor();
  await page.getByLabel('Import map file').setInputFiles({ name: 'jakarta-waste.simpul.json', mimeType: 'application/json', buffer: example });
  await page.locator('canvas.network[data-layout="settled"]').waitFor({ timeout: 30_000 });
  await page.getByRole('region', { name: 'Findings' }).getByRole('listitem').first().waitFor();
  // The notice of the import goes; the pictures show the workspace at rest.
  for (const dismiss of await page.getByRole('button', { name: 'Dismiss' }).all()) await dismiss.click().catch(() => {});
  return { context, page };
}

async function shot(page, name) {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  console.log(path.join(out, `${name}.png`));
}

async function chooseStakeholder(page, name) {
  const table = page.getByRole('table', { name: 'Stakeholders' });
  await table.getByRole('rowheader', { name }).getByRole('button').first().click().catch(async () => {
    await table.getByRole('rowheader', { name }).click();
  });
}

try {
  {
    const { context, page } = await open({ width: 1366, height: 768 });
    await chooseStakeholder(page, 'Bank Sampah Induk Gesit');
    await page.getByText('Edit stakeholder').first().waitFor();
    await shot(page, 'workspace-1366x768');
    await page.getByRole('tab', { name: 'Power–interest grid' }).click();
    await page.locator('.power-grid .chip').first().waitFor();
    await shot(page, 'power-interest-grid');
    await context.close();
  }
  {
    const { context, page } = await open({ width: 1920, height: 1080 });
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('w');
    await page.locator('.workshop-bar').waitFor();
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');
    await page.locator('canvas.network[data-layout="settled"]').waitFor();
    await shot(page, 'workshop-mode');
    await context.close();
  }
  {
    const { context, page } = await open({ width: 390, height: 844 });
    await shot(page, 'phone');
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
