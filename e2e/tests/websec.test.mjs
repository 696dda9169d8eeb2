// Text from the data stays text in the map scripts (issue 17 §2, ADR 0027): a cluster name from a corporation's file
// that looks like markup is shown as those characters, and nothing in it runs. The map data is taken from the server
// and given the hostile name on its way to the page, so the test is about what the script does with it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, login } from './harness.mjs';

const env = serverAndBrowser(before, after);
const HOSTILE = '<img src=x onerror="window.__injected = true"><b>x</b>';

test('a cluster name with markup shows as text on the coverage map', async () => {
  // bypassCSP: the page's CSP would block the onerror handler; here nothing but the script's care stops it.
  const page = await (await env.browser.newContext({ bypassCSP: true })).newPage();
  await login(page, env.server.baseUrl, 'admin@woonstad.test');
  await page.route('**/participatie/dekking/kaart.json*', async (route) => {
    const response = await route.fetch();
    const data = await response.json();
    for (const feature of data.features) feature.properties.label = HOSTILE;
    await route.fulfill({ response, json: data });
  });
  await page.goto(`${env.server.baseUrl}/orgs/1/participatie/dekking/kaart`);
  await page.waitForSelector('#coverage-map[data-loaded]');
  assert.ok(Number(await page.getAttribute('#coverage-map', 'data-loaded')) >= 1, 'markers drawn');
  await page.locator('path.leaflet-interactive').first().hover({ force: true });
  const tooltip = page.locator('.leaflet-tooltip');
  await tooltip.first().waitFor();
  assert.equal(await tooltip.first().textContent(), HOSTILE, 'the name as typed, as text');
  assert.equal(await page.locator('.leaflet-tooltip img, .leaflet-tooltip b').count(), 0, 'no elements from the name');
  assert.equal(await page.evaluate(() => window.__injected === true), false, 'nothing in the name ran');
});
