// The maps without their background tiles (the PDOK host blocked, as offline or behind a strict firewall): the
// municipality outlines the demo imported are drawn under the data, the cluster counts sit in the middle of their
// circles and read clearly, and a map without any boundaries still shows its data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverAndBrowser, seriousViolations, login } from './harness.mjs';

const env = serverAndBrowser(before, after);
const here = dirname(fileURLToPath(import.meta.url));
const shared = process.env.VOLKSHUIS_SHARED_DATA ?? join(here, '..', '..', '..', 'shared', 'data');
// The demo imports the boundaries from the shared data when the file is there (crates/demo/src/boundaries.rs).
const BOUNDARIES = existsSync(join(shared, 'geo', 'gemeente_2023.topojson'));
const TILE_HOST = /service\.pdok\.nl/;

/** A page in a context whose tile requests fail, recording script errors. */
async function withoutTiles(email) {
  // CSP bypassed only so that axe-core can be injected; the pages' own scripts run as they would.
  const context = await env.browser.newContext({ viewport: { width: 1200, height: 900 }, bypassCSP: true });
  await context.route(TILE_HOST, (route) => route.abort('blockedbyclient'));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await login(page, env.server.baseUrl, email);
  return { page, errors };
}

/** WCAG contrast ratio of two CSS `rgb()`/`rgba()` colours (the second taken as opaque). */
function contrast(foreground, background) {
  const channels = (css) => css.match(/[\d.]+/g).slice(0, 3).map(Number);
  const luminance = (css) => {
    const [r, g, b] = channels(css).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [a, b] = [luminance(foreground), luminance(background)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}

async function assertOutlines(page, selector) {
  if (!BOUNDARIES) {
    console.log(`SKIP: ${shared}/geo/gemeente_2023.topojson not found; the demo has no boundaries to outline`);
    return;
  }
  await page.waitForSelector(`${selector}[data-outlines-drawn]`, { timeout: 20_000 });
  const drawn = Number(await page.getAttribute(selector, 'data-outlines-drawn'));
  assert.ok(drawn >= 5, `${drawn} gemeenten outlined`);
  const paths = await page.locator(`${selector} path.vh-outline`).count();
  assert.ok(paths >= 1, 'SVG paths for the outlines');
  // Leaflet leaves an outline that lies wholly outside the view as an empty path ("M0 0"); those in view draw lines.
  const ds = await page.$$eval(`${selector} path.vh-outline`, (els) => els.map((el) => el.getAttribute('d')));
  const lines = ds.filter((d) => /^M[\d.-]+ [\d.-]+L/.test(d));
  assert.ok(lines.length >= 1, `a drawn line, not only empty paths (${ds.length} paths)`);
  assert.ok(await page.locator(`${selector} path.vh-land`).count() >= 1, 'the land is filled');
  assert.match(await page.getAttribute(selector, 'class'), /vh-tiles-missing/);
  assert.ok(await page.locator(`${selector}-tiles-missing`).isVisible(), 'the map says why it looks plain');
  // The outlines lie under the data: their pane is below the markers' and the overlays'.
  const z = (pane) => page.$eval(`${selector} .leaflet-${pane}-pane`, (el) => Number(getComputedStyle(el).zIndex));
  assert.ok((await z('vhOutlines')) < (await z('overlay')) && (await z('vhOutlines')) < (await z('marker')));
}

test('without tiles the stock map outlines the municipalities and centres its counts', async () => {
  const { page, errors } = await withoutTiles('admin@woonstad.test');
  await page.goto(`${env.server.baseUrl}/orgs/1/stock/map`);
  await page.waitForSelector('#map[data-mode="clusters"]');
  await assertOutlines(page, '#map');

  const clusters = page.locator('.vh-cluster');
  const count = await clusters.count();
  assert.ok(count >= 2, `${count} clusters`);
  for (let i = 0; i < count; i++) {
    const circle = await clusters.nth(i).boundingBox();
    const label = await clusters.nth(i).locator('span').boundingBox();
    const dx = label.x + label.width / 2 - (circle.x + circle.width / 2);
    const dy = label.y + label.height / 2 - (circle.y + circle.height / 2);
    assert.ok(Math.abs(dx) <= 1 && Math.abs(dy) <= 1.5, `count ${i} off centre by ${dx.toFixed(1)}, ${dy.toFixed(1)}`);
    assert.ok(Math.abs(circle.width - circle.height) < 0.5, 'a circle, not an oval');
    assert.ok(label.width <= circle.width - 4, 'the count fits inside its circle');
    const style = await clusters.nth(i).evaluate((el) => {
      const s = getComputedStyle(el);
      const span = getComputedStyle(el.querySelector('span'));
      return { color: span.color, background: s.backgroundColor, size: parseFloat(span.fontSize), weight: span.fontWeight };
    });
    assert.ok(style.size >= 13, `font ${style.size}px`);
    assert.ok(Number(style.weight) >= 600, 'bold');
    assert.ok(contrast(style.color, style.background) >= 4.5, `contrast ${contrast(style.color, style.background)}`);
  }
  assert.deepEqual(await seriousViolations(page), [], 'stock map without tiles');
  assert.deepEqual(errors, []);
});

test('without tiles the coverage map outlines the municipalities under its blind spots', async () => {
  const { page, errors } = await withoutTiles('admin@woonstad.test');
  await page.goto(`${env.server.baseUrl}/orgs/1/participatie/dekking/kaart?corporatie=1`);
  await page.waitForSelector('#coverage-map[data-loaded]');
  await page.waitForSelector('path.coverage-none');
  await assertOutlines(page, '#coverage-map');
  assert.deepEqual(await seriousViolations(page), [], 'coverage map without tiles');
  assert.deepEqual(errors, []);
});

test('a map without boundaries (or without an answer for them) still shows its data', async () => {
  for (const answer of ['empty', 'failed']) {
    const { page, errors } = await withoutTiles('lezer@woonstad.test');
    await page.route(/\/kaart\/gemeenten\.json/, (route) =>
      answer === 'empty'
        ? route.fulfill({ contentType: 'application/json', body: '{"type":"FeatureCollection","features":[]}' })
        : route.abort('failed'),
    );
    await page.goto(`${env.server.baseUrl}/orgs/1/stock/map`);
    await page.waitForSelector('#map[data-mode="clusters"]');
    await page.waitForSelector('#map[data-outlines-drawn]', { timeout: 20_000 });
    assert.equal(await page.getAttribute('#map', 'data-outlines-drawn'), '0', answer);
    assert.equal(await page.locator('#map path.vh-outline').count(), 0, answer);
    assert.ok(await page.locator('.vh-cluster').count() >= 2, `${answer}: the clusters are there`);
    assert.match(await page.textContent('#map-status'), /\d/, `${answer}: the summary is there`);
    assert.equal(await page.locator('#map-tiles-missing').count(), 0, `${answer}: no note about borders not shown`);
    assert.deepEqual(errors, [], answer);
    await page.context().close();
  }
});

test('a cluster marker names its units in the right number ("1 eenheid", "12 eenheden")', async () => {
  const { page, errors } = await withoutTiles('lezer@woonstad.test');
  const url = new RegExp(`^${env.server.baseUrl}/orgs/1/stock/map\\.json\\?`);
  // The first cluster of every answer is made to hold a single unit: the demo's own clusters are all larger.
  await page.route((u) => url.test(u.toString()), async (route) => {
    const response = await route.fetch();
    const data = await response.json();
    if (data.mode === 'clusters' && data.features.length > 0) data.features[0].properties.units = 1;
    await route.fulfill({ response, json: data });
  });
  await page.goto(`${env.server.baseUrl}/orgs/1/stock/map`);
  await page.waitForSelector('#map[data-mode="clusters"]');
  const titles = await page.$$eval('#map .leaflet-marker-icon[title]', (els) => els.map((el) => el.title));
  assert.ok(titles.length >= 2, `${titles.length} markers`);
  assert.ok(titles.includes('1 eenheid'), titles.join(' | '));
  for (const title of titles) assert.match(title, /^(1 eenheid|\d+ eenheden)$/);
  assert.ok(!titles.some((t) => /^1 eenheden$/.test(t)), titles.join(' | '));
  assert.deepEqual(errors, []);
  await page.context().close();
});
