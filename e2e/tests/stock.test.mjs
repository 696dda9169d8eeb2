// A corporation's staff member uploads a stock file with an error, reads the report, fixes the file and imports it,
// then browses the stock. Pages are checked with axe-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverAndBrowser, seriousViolations, login } from './harness.mjs';

const dir = mkdtempSync(join(tmpdir(), 'vh-e2e-stock-'));

const env = serverAndBrowser(before, after);

const header = 'idExtern;clusterCode;clusterNaam;straatnaam;huisnummer;postcode;woonplaats;maatschappelijkLabel;nettohuur';
const good = [
  'NW-1;NW;Nieuwbouw West;Zonnebloemstraat;1;1234AB;Voorbeeldstad;DAE;612,50',
  'NW-2;NW;Nieuwbouw West;Zonnebloemstraat;3;1234AB;Voorbeeldstad;DAE;640,00',
];

/** Clicks an upload button and waits until the answer replaced the page (the upload runs in the background). */
async function upload(page, button) {
  const before = Number((await page.getAttribute('body', 'data-uploads')) ?? '0');
  await page.click(button);
  await page.waitForFunction((n) => Number(document.body.dataset.uploads ?? '0') > n, before);
}

test('upload with an error, read the report, fix and import, browse', async () => {
  const context = await env.browser.newContext({ bypassCSP: true, acceptDownloads: true });
  const page = await context.newPage();
  await login(page, env.server.baseUrl, 'medewerker@woonstad.test');
  await page.click('section[aria-labelledby=modules] a[href$="/stock"]');
  assert.match(await page.textContent('h1'), /Bezit — Woonstad Voorbeeld/);
  // The demo's 2,000 units less the six it sold to their tenants (Nazorg), which left the rental stock.
  assert.match(await page.textContent('main'), /Getoond 1–50 van 1\.994/);
  assert.deepEqual(await seriousViolations(page), [], 'stock list');

  await page.click('nav.subnav >> text=Bestand inlezen');
  const badFile = join(dir, 'bezit-fout.csv');
  writeFileSync(badFile, [header, good[0], 'NW-2;NW;Nieuwbouw West;Zonnebloemstraat;3;1234 ABC;Voorbeeldstad;DAE;640,00'].join('\r\n'));
  await page.setInputFiles('#file', badFile);
  await upload(page, 'button[value=import]');
  assert.match(await page.textContent('#import-outcome'), /Het bestand bevat fouten/);
  assert.match(await page.textContent('#import-errors'), /3\s*postcode\s*1234 ABC\s*is geen geldige postcode/);
  assert.deepEqual(await seriousViolations(page), [], 'import page with errors');
  // On a phone each refused row reads as a block, every cell under its column's name: the reason is on the screen,
  // not beyond a sideways scroll (it was cut off at 375 px).
  await page.setViewportSize({ width: 375, height: 800 });
  const reason = page.locator('#import-errors td[data-label="Reden"]').first();
  const box = await reason.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 375, `the reason is on the screen: ${JSON.stringify(box)}`);
  assert.equal(await reason.evaluate((td) => getComputedStyle(td, '::before').content), '"Reden: "');
  await page.setViewportSize({ width: 1280, height: 720 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Foutrapport downloaden (CSV)')]);
  const report = readFileSync(await download.path(), 'utf8');
  assert.match(report, /regel;kolom;waarde;reden/);
  assert.match(report, /3;postcode;1234 ABC;/);

  const goodFile = join(dir, 'bezit.csv');
  writeFileSync(goodFile, [header, ...good].join('\r\n'));
  await page.setInputFiles('#file', goodFile);
  await upload(page, 'button[value=check]');
  assert.match(await page.textContent('#import-outcome'), /Gecontroleerd: geen fouten/);
  assert.match(await page.textContent('#import-not-saved'), /Er is nog niets opgeslagen/);
  await page.setInputFiles('#file', goodFile);
  await upload(page, 'button[value=import]');
  assert.equal(await page.getAttribute('body', 'data-uploads'), '3', 'three uploads, each answered in place');
  assert.match(await page.textContent('#import-counts'), /2 eenheden: 2 nieuw, 0 gewijzigd, 0 ongewijzigd/);

  await page.goto(`${env.server.baseUrl}/orgs/1/stock?q=Zonnebloemstraat%203`);
  await page.fill('#q', 'NW-2');
  await page.click('form.filters button');
  await page.click('text=Zonnebloemstraat 3');
  await page.waitForURL(/\/stock\/units\/\d+$/);
  assert.match(await page.textContent('h1'), /Zonnebloemstraat 3, 1234AB Voorbeeldstad/);
  assert.match(await page.textContent('main'), /€ 640,00/);
  assert.deepEqual(await seriousViolations(page), [], 'unit page');
  await page.click('dd a[href*="/stock/clusters/"]');
  await page.waitForURL(/\/stock\/clusters\/\d+$/);
  assert.match(await page.textContent('h1'), /Nieuwbouw West \(NW\)/, 'a complex by its name and code');
  await page.goto(`${env.server.baseUrl}/orgs/1/stock/clusters`);
  assert.deepEqual(await seriousViolations(page), [], 'complexes');
});

test('the map shows the stock without background tiles, down to single units', async () => {
  const context = await env.browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const tileRequests = [];
  page.on('requestfailed', (request) => { if (request.url().includes('service.pdok.nl')) tileRequests.push(request.url()); });
  await login(page, env.server.baseUrl, 'lezer@woonstad.test');
  await page.goto(`${env.server.baseUrl}/orgs/1/stock/map`);
  await page.waitForSelector('#map[data-mode=clusters] .vh-cluster');
  assert.match(await page.textContent('#map-status'), /eenheden in \d+ groepen in beeld/);
  assert.match(await page.textContent('.leaflet-control-attribution'), /Kaartgegevens © Kadaster/);
  assert.deepEqual(await seriousViolations(page), [], 'map page');
  for (let i = 0; i < 8 && (await page.getAttribute('#map', 'data-mode')) !== 'units'; i++) {
    const before = await page.textContent('#map-status');
    await page.click('.vh-cluster >> nth=0');
    await page.waitForFunction((text) => document.getElementById('map-status').textContent !== text, before);
  }
  assert.equal(await page.getAttribute('#map', 'data-mode'), 'units');
  assert.match(await page.textContent('#map-status'), /\d+ eenheden in beeld/);
  // The marker drawn last: flats put many units on one building, so earlier markers lie under later ones.
  await page.click('path.leaflet-interactive >> nth=-1');
  const link = await page.waitForSelector('.leaflet-popup-content a');
  assert.match(await link.getAttribute('href'), /^\/orgs\/1\/stock\/units\/\d+$/);
  await page.screenshot({ path: 'test-results/map-street.png' });
  // The credit of the background tiles is in the reader's language.
  await Promise.all([page.waitForLoadState('load'), page.click('button[name=lang][value=en]')]);
  await page.waitForSelector('#map[data-mode] .leaflet-control-attribution');
  assert.match(await page.textContent('.leaflet-control-attribution'), /Map data © Kadaster/);
  await Promise.all([page.waitForLoadState('load'), page.click('button[name=lang][value=nl]')]);
  assert.equal(await page.getAttribute('html', 'lang'), 'nl');
});

test('a large upload shows how far its import is, then its outcome', async () => {
  const context = await env.browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await login(page, env.server.baseUrl, 'medewerker@woonstad.test');
  await page.goto(`${env.server.baseUrl}/orgs/1/stock/import`);
  const rows = Array.from({ length: 40000 }, (_, i) => {
    const n = i + 1;
    return `GR-${n};GR${Math.floor(i / 200)};Groot ${Math.floor(i / 200)};Lange Laan;${n};${1000 + (i % 8999)}XY;Voorbeeldstad;DAE;612,50`;
  });
  const bigFile = join(dir, 'groot.csv');
  writeFileSync(bigFile, [header, ...rows].join('\r\n'));
  await page.setInputFiles('#file', bigFile);
  await page.click('button[value=check]');
  // The import's own page, while it runs: a progress bar and the rows read so far, with no upload form beside it.
  await page.waitForSelector('#import-running progress');
  assert.match(await page.textContent('#import-rows'), /\d+ regels gelezen \(\d+%\)/);
  assert.equal(await page.$('form[data-upload]'), null, 'no second upload while this one runs');
  assert.deepEqual(await seriousViolations(page), [], 'import running');
  await page.waitForSelector('#import-outcome', { timeout: 120000 });
  assert.match(await page.textContent('#import-counts'), /40000 eenheden: 40000 nieuw, 0 gewijzigd, 0 ongewijzigd/);
  assert.match(page.url(), /\/orgs\/1\/stock\/import\/runs\/\d+$/, 'the address is the import\'s own page');
  assert.ok(await page.$('form[data-upload]'), 'the form is back for the next file');
});
