// One place per complex and buurt (issue 23), as the people use it: the corporation's staff member presses "/" on
// the dashboard, types part of a complex's name and Enter; on the results page Arrow-Down reaches the first result;
// he follows the complex (kind shown), reads its blocks — the stock with its small map drawn without tiles, who speaks
// for the tenants, the advice request about it — and goes on from the Overleg block to the case itself and from the
// Participatie block to the module. The one-pager for a tenants' meeting shows only what the tenant organisation may
// see (printed by the corporation for De Sleutel). The tenant organisation finds the same complex and sees four blocks,
// nothing of the stock, signals or sales; the municipality sees coverage and agreements on the complex, and signals
// and sales as counts on the complex's buurt page. axe-core on every
// page; the complex page on a phone does not scroll sideways. Every one-pager of the demo, for each tenant
// organisation, prints on one sheet of A4 with no table wider than its column.
// Run alone: `node --test tests/place.test.mjs` (`npm test` runs every file).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, seriousViolations, login } from './harness.mjs';

const env = serverAndBrowser(before, after);
// bypassCSP lets axe-core be injected; the pages themselves run under the real policy in production.
const DESK = { viewport: { width: 1280, height: 900 }, bypassCSP: true };
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, bypassCSP: true };

// The demo's complex De Linde (Deventer), its recognised committee and the advice request about its renovation.
const COMPLEX = 'De Linde (CPX000004)';
const GROUP = 'Bewonerscommissie De Linde';
const CASE = 'Renovatie en isolatie complex De Linde';
const EVERY_BLOCK = ['bezit', 'participatie', 'overleg', 'afspraken', 'social-return', 'signalering', 'nazorg', 'initiatieven'];
const TENANT_BLOCKS = ['participatie', 'overleg', 'afspraken', 'initiatieven'];

async function newPage(options = DESK) {
  const context = await env.browser.newContext(options);
  return context.newPage();
}

async function assertAccessible(page, name) {
  assert.deepEqual(await seriousViolations(page), [], `${name} has accessibility violations`);
}

/** Clicks what submits a form or follows a link and waits for the page that answers. */
async function go(page, locator) {
  const [response] = await Promise.all([page.waitForNavigation(), locator.click()]);
  return response;
}

/** The blocks of a place's page, in page order. */
async function blocks(page) {
  return page.locator('[data-block]').evaluateAll((all) => all.map((b) => b.dataset.block));
}

/** Logs in and waits for the dashboard (the harness's login returns once the form is sent). */
async function signIn(page, email) {
  await login(page, env.server.baseUrl, email);
  await page.waitForURL(/\/dashboard$/);
}

/** Searches from the header box of the current page, by keyboard; returns the results page's response. */
async function search(page, text) {
  // "Slash": the key that types "/" on a keyboard (Playwright's "/" sends the numpad's key code).
  await page.keyboard.press('Slash');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-search', '"/" focuses the search box');
  await page.keyboard.type(text);
  const [response] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  assert.equal(response.status(), 200);
  return response;
}

/** Follows the complex among the search results (its kind shown beside it) to its page. */
async function openComplex(page) {
  const hit = page.locator('[data-search-results] li[data-kind="complex"]', { hasText: 'De Linde' });
  assert.equal(await hit.count(), 1, 'the complex is found once');
  assert.match(await hit.locator('.search-kind').textContent(), /Complex/);
  const response = await go(page, hit.locator('a'));
  assert.equal(response.status(), 200);
  assert.match(new URL(page.url()).pathname, /^\/orgs\/\d+\/plek\/complexen\/\d+$/);
  assert.equal((await page.locator('h1').textContent()).trim(), COMPLEX);
}

/** `[]` when the page fits the screen's width; otherwise how wide it is. */
async function sidewaysScroll(page) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  return scroll <= client ? [] : [`${scroll}px wide in ${client}px`];
}

test('from the search box to a complex, its blocks, and on to each block\'s module', async () => {
  const base = env.server.baseUrl;
  const staff = await newPage();
  await signIn(staff, 'medewerker@woonstad.test');
  await search(staff, 'Linde');
  await assertAccessible(staff, 'search results');
  // Type, Enter, Arrow-Down: the first result, straight from the page the results opened on (an outside check found
  // the focus on the page's body there, where Arrow-Down only scrolled); from the box too. Tab would reach them as well.
  await staff.keyboard.press('ArrowDown');
  const first = await staff.locator('[data-search-results] a').first().getAttribute('href');
  assert.equal(await staff.evaluate(() => document.activeElement?.getAttribute('href')), first);
  await staff.focus('#search-page-q');
  await staff.keyboard.press('ArrowDown');
  assert.equal(await staff.evaluate(() => document.activeElement?.getAttribute('href')), first);
  // On the results page "/" goes to the page's own box (the one under its heading), not the header's.
  await staff.evaluate(() => document.activeElement?.blur());
  await staff.keyboard.press('Slash');
  assert.equal(await staff.evaluate(() => document.activeElement?.id), 'search-page-q');
  await openComplex(staff);
  const complexUrl = staff.url();
  assert.deepEqual(await blocks(staff), EVERY_BLOCK);
  const stock = staff.locator('[data-block="bezit"]');
  assert.ok((await stock.locator('svg.minimap circle').count()) > 0, 'the homes on a map drawn without tiles');
  assert.match(await stock.textContent(), /Bouwperiode/);
  assert.match(await staff.locator('[data-block="participatie"]').textContent(), new RegExp(GROUP));
  assert.ok((await staff.locator('ol.timeline li').count()) > 0, 'a timeline of the past year');
  await assertAccessible(staff, 'complex page');

  // From the Overleg block to the case, and from the Participatie block to the module.
  await go(staff, staff.locator('[data-block="overleg"] a', { hasText: CASE }));
  assert.match(new URL(staff.url()).pathname, /^\/orgs\/\d+\/overleg\/\d+$/);
  assert.match(await staff.locator('h1').textContent(), new RegExp(CASE));
  await staff.goto(complexUrl);
  await go(staff, staff.locator('[data-block="participatie"] a', { hasText: 'Naar Participatie' }));
  assert.match(new URL(staff.url()).pathname, /^\/orgs\/\d+\/participatie$/);

  // The one-pager for a tenants' meeting: what the tenant organisation may see, whoever prints it.
  await staff.goto(complexUrl);
  // One link per tenant organisation the corporation consults; the page for De Sleutel is read with its rights.
  await go(staff, staff.getByRole('link', { name: 'Afdrukken voor een bewonersbijeenkomst met Huurdersvereniging De Sleutel' }));
  assert.deepEqual(await blocks(staff), TENANT_BLOCKS);
  assert.match(await staff.locator('main').textContent(), /alleen wat Huurdersvereniging De Sleutel ook mag zien/);
  assert.equal(await staff.locator('nav.main').count(), 0, 'no menus on paper');
  await assertAccessible(staff, 'one-pager');

  const phone = await newPage(PHONE);
  await signIn(phone, 'medewerker@woonstad.test');
  await phone.goto(complexUrl);
  assert.deepEqual(await sidewaysScroll(phone), [], 'the complex page on a phone');
});

test('a tenant organisation and the municipality find the same complex and see only their blocks', async () => {
  const base = env.server.baseUrl;
  const tenants = await newPage();
  await signIn(tenants, 'bestuur@desleutel.test');
  await search(tenants, 'Linde');
  await openComplex(tenants);
  assert.deepEqual(await blocks(tenants), TENANT_BLOCKS);
  const text = await tenants.locator('main').textContent();
  for (const absent of ['Signalen van huurachterstand', 'Verkochte woningen', 'Bouwperiode']) {
    assert.ok(!text.includes(absent), `a tenant organisation learns nothing of “${absent}”`);
  }
  assert.match(await tenants.locator('[data-block="overleg"]').textContent(), new RegExp(CASE));
  await assertAccessible(tenants, 'complex page for a tenant organisation');

  const gemeente = await newPage();
  await signIn(gemeente, 'beleid@voorbeeldstad.test');
  await search(gemeente, 'Linde');
  await openComplex(gemeente);
  // Signals and sales it counts per buurt, never per complex.
  assert.deepEqual(await blocks(gemeente), ['participatie', 'afspraken']);
  assert.ok(!(await gemeente.locator('main').textContent()).includes(GROUP), 'coverage, not the groups');
  // The complex names its buurt; the buurt's page joins the stock there.
  await go(gemeente, gemeente.locator('dl.facts a[href*="/plek/buurten/"]').first());
  assert.match(new URL(gemeente.url()).pathname, /^\/orgs\/\d+\/plek\/buurten\/BU\d{8}$/);
  assert.deepEqual(await blocks(gemeente), ['participatie', 'afspraken', 'signalering', 'nazorg']);
  await assertAccessible(gemeente, 'buurt page for a municipality');
});

/** The number of pages of a PDF made by Chromium (each page is an object of type /Page). */
function pdfPages(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

test('every one-pager of the demo prints on one sheet of A4', async () => {
  const base = env.server.baseUrl;
  const staff = await newPage();
  await signIn(staff, 'admin@woonstad.test');
  // Every complex of the corporation, from its list of complexes, and every buurt those complexes name.
  await staff.goto(`${base}/orgs/1/stock/clusters`);
  const complexes = await staff
    .locator('main a[href^="/orgs/1/stock/clusters/"]')
    .evaluateAll((all) => [...new Set(all.map((a) => a.getAttribute('href').replace('/stock/clusters/', '/plek/complexen/')))]);
  assert.ok(complexes.length >= 10, `the demo's complexes (${complexes.length})`);
  const places = new Set(complexes);
  const sheets = new Set();
  for (const place of [...places]) {
    await staff.goto(`${base}${place}`);
    for (const buurt of await staff.locator('dl.facts a[href*="/plek/buurten/"]').evaluateAll((all) => all.map((a) => a.getAttribute('href')))) {
      if (!places.has(buurt)) {
        places.add(buurt);
        await staff.goto(`${base}${buurt}`);
        for (const sheet of await printLinks(staff)) sheets.add(sheet);
        await staff.goto(`${base}${place}`);
      }
    }
    for (const sheet of await printLinks(staff)) sheets.add(sheet);
  }
  assert.ok([...sheets].some((s) => s.includes('/plek/buurten/')), 'buurten are printed too');
  const over = [];
  // The width of A4 within the sheet's margins (186 mm at 96 dpi), so that a column is as wide as on paper.
  await staff.setViewportSize({ width: 703, height: 1000 });
  for (const sheet of sheets) {
    await staff.goto(`${base}${sheet}`);
    await staff.emulateMedia({ media: 'print' });
    // A table wider than its column would be cut off on paper (nothing scrolls there).
    const wide = await staff.locator('.table-wrap').evaluateAll((all) =>
      all.filter((w) => w.scrollWidth > w.clientWidth + 1).map((w) => w.getAttribute('aria-label')));
    await staff.emulateMedia({ media: null });
    const pages = pdfPages(await staff.pdf({ format: 'A4' }));
    if (pages !== 1 || wide.length > 0) over.push(`${sheet}: ${pages} pages, too wide: ${wide.join(', ')}`);
  }
  assert.deepEqual(over, [], `each of the ${sheets.size} one-pagers on one sheet`);
});

/** The one-pagers a place's page offers (one per tenant organisation). */
async function printLinks(page) {
  return page.locator('a[href*="/afdrukken?voor="]').evaluateAll((all) => all.map((a) => a.getAttribute('href')));
}
