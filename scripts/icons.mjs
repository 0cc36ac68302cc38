// Renders public/favicon.svg to the PNG icons the web manifest names (an installed
// app needs 192 and 512 pixel icons). Run by hand when the logo changes:
// node scripts/icons.mjs
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const svg = await fs.readFile(path.join(root, 'public/favicon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  // A white square with the logo inside the middle 80 %, the safe zone of a maskable icon.
  const inner = Math.round(size * 0.8);
  await page.setContent(
    `<body style="margin:0;background:#fff;display:grid;place-items:center;height:${size}px">` +
      svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `) +
      '</body>',
  );
  await fs.writeFile(path.join(root, `public/icon-${size}.png`), await page.screenshot({ omitBackground: false }));
  await page.close();
}
await browser.close();
