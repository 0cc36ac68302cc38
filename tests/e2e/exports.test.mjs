// "More exports": GraphML, CSV tables, and the picture as SVG and PNG. Each file is
// downloaded for real and read back: XML by the browser's own parser, CSV row by
// row, PNG by its header. Markup in names stays text in every one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { serve, launch, openApp, importMap, openExports } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const HOSTILE = '<script>alert(1)</script> & <img src=x onerror=alert(2)>';
const map = {
  format: 'simpul-map', version: 1, title: 'Jakarta Bersih',
  sectors: [{ id: 'waste', name: 'Sampah' }, { id: 'gov', name: 'Pemerintahan' }],
  stakeholders: [
    { id: 'dlh', name: 'Dinas Lingkungan Hidup', kind: 'government', sectors: ['waste', 'gov'], power: 5, interest: 4, x: 0, y: 0, pinned: true },
    { id: 'bank', name: `Bank Sampah ${HOSTILE}`, kind: 'community', sectors: ['waste'], power: 2, interest: 5, stance: 2, x: 200, y: 80 },
    { id: 'formula', name: '=HYPERLINK("http://example.invalid","klik")', kind: 'business', power: 4, interest: 2, stance: -2, x: -150, y: 120 },
  ],
  links: [
    { id: 'l1', from: 'dlh', to: 'bank', kind: 'funding', directed: true, strength: 3 },
    { id: 'l2', from: 'bank', to: 'formula', kind: 'service' },
  ],
};

async function download(page, button) {
  await openExports(page);
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), bytes: await fs.readFile(await file.path()) };
}

/** Parses XML in the page with the browser's own parser; returns what the check reads. */
function parseXml(page, text, type) {
  return page.evaluate(([text, type]) => {
    const doc = new DOMParser().parseFromString(text, type);
    const error = doc.querySelector('parsererror');
    return {
      error: error ? error.textContent : null,
      elements: [...new Set([...doc.getElementsByTagName('*')].map((e) => e.localName))],
      nodes: [...doc.getElementsByTagName('node')].map((n) => ({
        id: n.getAttribute('id'),
        label: [...n.children].find((d) => d.getAttribute('key') === 'label')?.textContent,
        power: [...n.children].find((d) => d.getAttribute('key') === 'power')?.textContent,
      })),
      edges: doc.getElementsByTagName('edge').length,
      texts: [...doc.getElementsByTagName('text')].map((t) => t.textContent),
      width: doc.documentElement.getAttribute('width'),
      handlers: [...doc.getElementsByTagName('*')].flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => n.startsWith('on')),
    };
  }, [text, type]);
}

function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'a PNG signature');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('every export downloads a file that reads back, with names as text', async () => {
  const { page, errors } = await openApp(browser, server.url);
  await importMap(page, map);

  const graphml = await download(page, 'Network as GraphML');
  assert.equal(graphml.name, 'Jakarta Bersih.graphml');
  const g = await parseXml(page, graphml.bytes.toString('utf8'), 'application/xml');
  assert.equal(g.error, null);
  assert.deepEqual(g.nodes, [
    { id: 'dlh', label: 'Dinas Lingkungan Hidup', power: '5' },
    { id: 'bank', label: `Bank Sampah ${HOSTILE}`, power: '2' },
    { id: 'formula', label: '=HYPERLINK("http://example.invalid","klik")', power: '4' },
  ]);
  assert.equal(g.edges, 2);
  assert.deepEqual(g.elements.sort(), ['data', 'edge', 'graph', 'graphml', 'key', 'node']);

  const people = await download(page, 'Stakeholders as CSV');
  assert.equal(people.name, 'Jakarta Bersih - stakeholders.csv');
  const lines = people.bytes.toString('utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  assert.equal(lines[0], 'ID,Label,Type,Description,Tags,Power,Interest,Stance,Resources,X,Y,Pinned,Community');
  assert.equal(lines.length, 4);
  // The three are linked in a chain: one community.
  assert.equal(lines[1], 'dlh,Dinas Lingkungan Hidup,government,,Sampah | Pemerintahan,5,4,0,,0,0,true,1');
  assert.ok(lines[2].startsWith(`bank,Bank Sampah ${HOSTILE},community,`), lines[2]);
  assert.ok(lines[3].startsWith(`formula,"'=HYPERLINK(""http://example.invalid"",""klik"")",business,`), `a formula is written as text: ${lines[3]}`);
  const links = await download(page, 'Links as CSV');
  assert.equal(links.name, 'Jakarta Bersih - links.csv');
  const linkLines = links.bytes.toString('utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  assert.equal(linkLines[1], `l1,Dinas Lingkungan Hidup,Bank Sampah ${HOSTILE},funding,directed,3,,dlh,bank`);

  const kumu = await download(page, 'Kumu blueprint (JSON)');
  assert.equal(kumu.name, 'Jakarta Bersih - kumu.json');
  const blueprint = JSON.parse(kumu.bytes.toString('utf8'));
  assert.deepEqual(blueprint.elements.map((e) => [e.label, e.type, e.tags]), [
    ['Dinas Lingkungan Hidup', 'government', ['Sampah', 'Pemerintahan']],
    [`Bank Sampah ${HOSTILE}`, 'community', ['Sampah']],
    ['=HYPERLINK("http://example.invalid","klik")', 'business', []],
  ]);
  assert.deepEqual(blueprint.connections.map((c) => [c.from, c.to, c.type, c.direction]), [
    ['Dinas Lingkungan Hidup', `Bank Sampah ${HOSTILE}`, 'funding', 'directed'],
    [`Bank Sampah ${HOSTILE}`, '=HYPERLINK("http://example.invalid","klik")', 'service', 'undirected'],
  ]);

  const svg = await download(page, 'Picture as SVG');
  assert.equal(svg.name, 'Jakarta Bersih.svg');
  const s = await parseXml(page, svg.bytes.toString('utf8'), 'image/svg+xml');
  assert.equal(s.error, null);
  assert.ok(s.texts.includes(`Bank Sampah ${HOSTILE}`), s.texts.join(' / '));
  assert.ok(s.texts.includes('Sampah') && s.texts.includes('Pemerintahan'), 'sector hubs are labelled');
  for (const banned of ['script', 'img', 'foreignObject', 'image']) assert.ok(!s.elements.includes(banned), banned);
  assert.deepEqual(s.handlers, []);
  // The legend is on the map, so it is in the picture, in the interface's language.
  for (const word of ['Government', 'Community group', 'Business', 'Funding', 'Service', 'One-way']) assert.ok(s.texts.includes(word), `legend: ${word}`);
  assert.ok(!s.texts.includes('Conflict'), 'the legend lists only what the map has');

  // PNG: at 1× the image is the SVG's size; at 4× four times as wide.
  await openExports(page);
  await page.getByLabel('PNG size').selectOption('1');
  const small = pngSize((await download(page, 'Picture as PNG')).bytes);
  assert.ok(Math.abs(small.width - Number(s.width)) <= 1, `${small.width} against the SVG's ${s.width}`);
  await openExports(page);
  await page.getByLabel('PNG size').selectOption('4');
  const poster = await download(page, 'Picture as PNG');
  assert.equal(poster.name, 'Jakarta Bersih.png');
  const large = pngSize(poster.bytes);
  assert.ok(Math.abs(large.width - 4 * small.width) <= 4 && Math.abs(large.height - 4 * small.height) <= 4, `${JSON.stringify(large)} against ${JSON.stringify(small)}`);

  // With the legend turned off on the map, the pictures leave it out and are narrower.
  await page.getByRole('toolbar', { name: 'Network view tools' }).getByRole('button', { name: 'Legend' }).click();
  await page.getByRole('region', { name: 'Legend' }).waitFor({ state: 'detached' });
  const plain = await download(page, 'Picture as SVG');
  const p = await parseXml(page, plain.bytes.toString('utf8'), 'image/svg+xml');
  assert.ok(!p.texts.includes('Government') && Number(p.width) < Number(s.width) - 150, `${p.width} against ${s.width}`);
  assert.deepEqual(errors, []);
});

test('coloured by community, the picture, its legend and the exported picture show each community in its colour, across a reload', async () => {
  // Two groups of four, each linked all round, joined by one link: two communities.
  const people = ['a1', 'a2', 'a3', 'a4', 'b1', 'b2', 'b3', 'b4'];
  const links = [];
  for (const g of ['a', 'b']) for (let i = 1; i <= 4; i++) for (let j = i + 1; j <= 4; j++) links.push({ id: `${g}${i}${j}`, from: `${g}${i}`, to: `${g}${j}`, kind: 'partnership' });
  links.push({ id: 'ab', from: 'a1', to: 'b1', kind: 'partnership' });
  const twoGroups = {
    format: 'simpul-map', version: 1, title: 'Dua kelompok',
    stakeholders: people.map((id) => ({ id, name: `Org ${id.toUpperCase()}`, kind: id.startsWith('a') ? 'government' : 'ngo' })),
    links,
  };
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1440, height: 900 } });
  // Every fill the canvas makes, with its colour.
  await context.addInitScript(() => {
    window.fills = [];
    const fill = CanvasRenderingContext2D.prototype.fill;
    CanvasRenderingContext2D.prototype.fill = function (...args) {
      window.fills.push(String(this.fillStyle));
      return fill.apply(this, args);
    };
  });
  const { page, errors } = await openApp(browser, server.url, { context });
  await importMap(page, twoGroups);
  await page.locator('section.findings[aria-busy="false"]').waitFor();
  const palette = ['#4e79a7', '#f28e2b'];
  const painted = async () => {
    await page.evaluate(() => { window.fills = []; window.dispatchEvent(new Event('resize')); });
    await page.waitForFunction(() => window.fills.length > 0);
    await page.waitForTimeout(300);
    return page.evaluate(() => window.fills);
  };
  let fills = await painted();
  assert.deepEqual(palette.filter((c) => fills.includes(c)), [], 'by kind at first');
  const tools = page.getByRole('toolbar', { name: 'Network view tools' });
  const button = tools.getByRole('button', { name: 'Colour by community' });
  await button.click();
  assert.equal(await button.getAttribute('aria-pressed'), 'true');
  fills = await painted();
  assert.deepEqual(palette.filter((c) => fills.includes(c)), palette, `${[...new Set(fills)]}`);
  assert.ok(!fills.includes('#0072b2'), 'no stakeholder in its kind colour');
  // The legend names the communities; the kinds keep their shapes.
  const legend = page.getByRole('region', { name: 'Legend' });
  await legend.getByText('Community 1 (4)').waitFor();
  await legend.getByText('Community 2 (4)').waitFor();
  await legend.getByText('Government').waitFor();
  // The exported picture is coloured so too.
  const svg = (await download(page, 'Picture as SVG')).bytes.toString('utf8');
  for (const colour of palette) assert.equal(svg.split(`fill="${colour}"`).length - 1, 4 + 1, `${colour}: four stakeholders and the legend`);
  assert.ok(svg.includes('Community 2 (4)'));
  // Remembered in this browser.
  await page.reload();
  await page.locator('section.findings[aria-busy="false"]').waitFor();
  assert.equal(await button.getAttribute('aria-pressed'), 'true');
  await legend.getByText('Community 1 (4)').waitFor();
  await button.click();
  await legend.getByText('Community 1 (4)').waitFor({ state: 'detached' });
  fills = await painted();
  assert.deepEqual(palette.filter((c) => fills.includes(c)), [], 'by kind again');
  assert.deepEqual(errors, []);
  await context.close();
});
