// The main navigation for every demo role, on a desktop (1280 px) and a phone (375 px): the right links and no
// others, each one opening with itself marked as the current place; on a phone a "Menu" disclosure opened with the
// keyboard; breadcrumbs on deep pages; a read-only user without controls that end in "Geen toegang"; the idle
// import page without a progress bar; chart labels that fit. Every page is checked with axe-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, seriousViolations, login } from './harness.mjs';

const env = serverAndBrowser(before, after);

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 740 };

// The demo organisations get their ids in the order the demo creates them (crates/demo/src/lib.rs).
const [WOONSTAD, SLEUTEL, NOORD, GEMEENTE, VAN_DIJK, WIJKTEAM, WSP] = [1, 2, 3, 4, 5, 6, 7];

const corporation = (o) => ['/dashboard', `/orgs/${o}/stock`, `/orgs/${o}/participatie`, `/orgs/${o}/overleg`, `/orgs/${o}/afspraken`, `/orgs/${o}/sr`, `/orgs/${o}/signalering`, `/orgs/${o}/nazorg`, `/orgs/${o}/initiatieven`, `/orgs/${o}`];
const tenant = (o) => ['/dashboard', `/orgs/${o}/participatie`, `/orgs/${o}/overleg`, `/orgs/${o}/afspraken`, `/orgs/${o}/initiatieven`, `/orgs/${o}`];
// A partner coordinates social return, receives Signalering's referrals and coaches buyers (Nazorg); a supplier only reports social return.
const socialReturnOnly = (o) => ['/dashboard', `/orgs/${o}/sr`, `/orgs/${o}`];
const partner = (o) => ['/dashboard', `/orgs/${o}/sr`, `/orgs/${o}/signalering`, `/orgs/${o}/nazorg`, `/orgs/${o}/initiatieven`, `/orgs/${o}`];

/** Every demo role with the menu its organisation reaches (Dirk belongs to two tenant organisations: either). */
const ROLES = [
  { email: 'beheer@volkshuis.test', menus: [['/dashboard', '/admin/orgs']] },
  { email: 'admin@woonstad.test', menus: [corporation(WOONSTAD)] },
  { email: 'medewerker@woonstad.test', menus: [corporation(WOONSTAD)] },
  { email: 'lezer@woonstad.test', menus: [corporation(WOONSTAD)] },
  { email: 'bestuur@desleutel.test', menus: [tenant(SLEUTEL), tenant(NOORD)] },
  { email: 'secretaris@bewonersraadnoord.test', menus: [tenant(NOORD)] },
  { email: 'beleid@voorbeeldstad.test', menus: [['/dashboard', `/orgs/${GEMEENTE}/participatie/dekking`, `/orgs/${GEMEENTE}/afspraken`, `/orgs/${GEMEENTE}/sr`, `/orgs/${GEMEENTE}/signalering`, `/orgs/${GEMEENTE}/nazorg`, `/orgs/${GEMEENTE}`]] },
  { email: 'sroi@vandijk.test', menus: [socialReturnOnly(VAN_DIJK)] },
  { email: 'coordinator@wijkteam.test', menus: [partner(WIJKTEAM)] },
  { email: 'sroi@wsp.test', menus: [partner(WSP)] },
];

async function newPage(viewport) {
  // bypassCSP lets the test inject axe-core; the pages themselves run under the strict policy.
  const context = await env.browser.newContext({ bypassCSP: true, viewport });
  const page = await context.newPage();
  // Script errors, and answers of 400 or more to anything the page loads. The browser's own request for
  // /favicon.ico is left out: that address is not a page of ours to link (another change serves it).
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400 && new URL(response.url()).pathname !== '/favicon.ico') errors.push(`${response.status()} ${response.url()}`);
  });
  page.consoleErrors = errors;
  return page;
}

/** The main menu as a person (or a screen reader) meets it: only links that are shown. */
function mainMenu(page) {
  return page.getByRole('navigation', { name: 'Hoofdmenu' });
}

/** The hrefs of the shown menu links, and the ones marked as the current place. */
async function menuLinks(page) {
  const links = mainMenu(page).getByRole('link');
  const all = [];
  const current = [];
  for (const link of await links.all()) {
    const href = await link.getAttribute('href');
    all.push(href);
    if ((await link.getAttribute('aria-current')) === 'page') current.push(href);
  }
  return { all, current };
}

async function assertAccessible(page, what) {
  assert.deepEqual(await seriousViolations(page), [], `${what} has accessibility violations`);
}

test('on a desktop each role sees its modules, each link opens and is marked there', async () => {
  for (const role of ROLES) {
    const page = await newPage(DESKTOP);
    await login(page, env.server.baseUrl, role.email);
    const { all, current } = await menuLinks(page);
    const expected = role.menus.find((menu) => menu.join() === all.join());
    assert.ok(expected, `menu of ${role.email}: ${all.join(', ')}`);
    assert.deepEqual(current, ['/dashboard'], `${role.email} is on the dashboard`);
    assert.equal(await page.isVisible('nav.main-nav summary'), false, 'no Menu button on a desktop');
    await assertAccessible(page, `dashboard of ${role.email}`);
    for (const href of expected.slice(1)) {
      const response = await page.goto(`${env.server.baseUrl}${href}`);
      assert.equal(response.status(), 200, `${role.email} opens ${href}`);
      assert.deepEqual((await menuLinks(page)).current, [href], `${role.email} at ${href}`);
      await assertAccessible(page, `${href} for ${role.email}`);
    }
    assert.deepEqual(page.consoleErrors, [], `console errors for ${role.email}`);
    await page.context().close();
  }
});

test('on a phone the menu is one button, opened and used with the keyboard only', async () => {
  for (const role of ROLES) {
    const page = await newPage(PHONE);
    await login(page, env.server.baseUrl, role.email);
    const summary = page.locator('nav.main-nav summary');
    assert.equal(await summary.isVisible(), true, `a Menu button for ${role.email}`);
    assert.equal((await summary.textContent()).trim(), 'Menu: Overzicht', 'it names where the user is');
    assert.deepEqual((await menuLinks(page)).all, [], 'closed, the menu shows no links');
    await assertAccessible(page, `phone dashboard of ${role.email}`);

    // Tab from the top of the page to the button: the skip link, the brand, then the menu.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await summary.evaluate((el) => el === document.activeElement), true, 'the third stop is the menu');
    await page.keyboard.press('Enter');
    const { all, current } = await menuLinks(page);
    const expected = role.menus.find((menu) => menu.join() === all.join());
    assert.ok(expected, `phone menu of ${role.email}: ${all.join(', ')}`);
    assert.deepEqual(current, ['/dashboard']);
    await assertAccessible(page, `open phone menu of ${role.email}`);

    // The next Tab reaches the first link; go to the second one (the first module, or the administration).
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const target = await page.evaluate(() => document.activeElement.getAttribute('href'));
    assert.equal(target, expected[1], 'the keyboard walks the menu in order');
    await Promise.all([page.waitForURL(`**${target}`), page.keyboard.press('Enter')]);
    assert.match(await summary.textContent(), /^Menu: /);
    await summary.click();
    assert.deepEqual((await menuLinks(page)).current, [target], `${target} is marked on a phone`);
    await assertAccessible(page, `${target} on a phone for ${role.email}`);
    // Nothing sticks out sideways on a phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${target} is ${overflow}px wider than the phone`);
    await page.context().close();
  }
});

test('deep pages carry breadcrumbs, the last one the page itself', async () => {
  const page = await newPage(DESKTOP);
  await login(page, env.server.baseUrl, 'lezer@woonstad.test');
  await page.goto(`${env.server.baseUrl}/orgs/${WOONSTAD}/overleg?alle=1`);
  await page.click('ul.cases li.case a >> nth=0');
  await page.waitForURL(/\/overleg\/\d+$/);
  const crumbs = page.getByRole('navigation', { name: 'Kruimelpad' });
  assert.deepEqual(await crumbs.getByRole('link').evaluateAll((a) => a.map((l) => l.getAttribute('href'))), [`/orgs/${WOONSTAD}/overleg`]);
  const here = crumbs.locator('li[aria-current=page]');
  assert.equal((await here.textContent()).trim(), (await page.textContent('h1')).trim(), 'the last crumb is the case');
  assert.deepEqual((await menuLinks(page)).current, [`/orgs/${WOONSTAD}/overleg`]);
  await assertAccessible(page, 'case page with breadcrumbs');

  await page.goto(`${env.server.baseUrl}/orgs/${WOONSTAD}/stock/clusters`);
  await page.click('tbody a >> nth=0');
  await page.waitForURL(/\/stock\/clusters\/\d+$/);
  await page.click('tbody a >> nth=0');
  await page.waitForURL(/\/stock\/units\/\d+$/);
  const trail = await crumbs.getByRole('link').allTextContents();
  assert.deepEqual(trail.slice(0, 2), ['Bezit', 'Complexen']);
  assert.equal(trail.length, 3, 'Bezit › Complexen › the complex › the unit');
  await assertAccessible(page, 'unit page with breadcrumbs');
});

test('a read-only user is offered no control that the server refuses; staff is', async () => {
  const pagesOf = async (page) => {
    const paths = [`/orgs/${WOONSTAD}/stock`, `/orgs/${WOONSTAD}/stock/clusters`, `/orgs/${WOONSTAD}/participatie`,
      `/orgs/${WOONSTAD}/overleg?alle=1`, `/orgs/${WOONSTAD}/sr`, `/orgs/${WOONSTAD}`];
    // One of each deep page: a case, a contract, a group.
    for (const [list, link] of [[`/orgs/${WOONSTAD}/overleg?alle=1`, 'ul.cases li.case a'], [`/orgs/${WOONSTAD}/sr`, 'tbody a'], [`/orgs/${WOONSTAD}/participatie`, 'ul.groups a']]) {
      await page.goto(`${env.server.baseUrl}${list}`);
      paths.push(await page.getAttribute(`${link} >> nth=0`, 'href'));
    }
    return paths;
  };
  const reader = await newPage(DESKTOP);
  await login(reader, env.server.baseUrl, 'lezer@woonstad.test');
  for (const path of await pagesOf(reader)) {
    await reader.goto(`${env.server.baseUrl}${path}`);
    const posts = await reader.$$eval('form[method=post]', (forms) => forms.map((f) => f.getAttribute('action')).filter((a) => a.startsWith('/orgs/') && a !== '/orgs/switch'));
    assert.deepEqual(posts, [], `a read-only user is shown forms on ${path}`);
    assert.equal(await reader.isVisible('a[href$="/stock/import"]'), false, `no import link on ${path}`);
    await assertAccessible(reader, `${path} for a read-only user`);
  }
  const staff = await newPage(DESKTOP);
  await login(staff, env.server.baseUrl, 'medewerker@woonstad.test');
  await staff.goto(`${env.server.baseUrl}/orgs/${WOONSTAD}/stock`);
  assert.equal(await staff.isVisible('nav.subnav a[href$="/stock/import"]'), true, 'staff imports stock');
  await staff.goto(`${env.server.baseUrl}/orgs/${WOONSTAD}/overleg`);
  assert.equal(await staff.isVisible(`a[href="/orgs/${WOONSTAD}/overleg/nieuw"]`), true, 'staff sends requests');
  await staff.goto(`${env.server.baseUrl}/orgs/${WOONSTAD}/sr`);
  assert.equal(await staff.isVisible(`a[href="/orgs/${WOONSTAD}/sr/contracten/nieuw"]`), true, 'staff adds contracts');
  await staff.goto(`${env.server.baseUrl}/orgs/${WOONSTAD}/participatie`);
  assert.equal(await staff.isVisible(`a[href="/orgs/${WOONSTAD}/participatie/groepen/nieuw"]`), true, 'staff adds groups');
  assert.equal(await staff.isVisible('form[action$="/participatie/huurders"]'), false, 'the contact list is for administrators');
});

test('the idle import page shows no progress bar and chart labels fit a phone', async () => {
  const page = await newPage(DESKTOP);
  await login(page, env.server.baseUrl, 'medewerker@woonstad.test');
  await page.goto(`${env.server.baseUrl}/orgs/${WOONSTAD}/stock/import`);
  assert.equal(await page.isVisible('#upload-progress'), false, 'no progress before an upload');
  assert.deepEqual((await menuLinks(page)).current, [`/orgs/${WOONSTAD}/stock`]);
  assert.equal(await page.getAttribute(`nav.subnav a[href="/orgs/${WOONSTAD}/stock/import"]`, 'aria-current'), 'page');

  const phone = await newPage(PHONE);
  await login(phone, env.server.baseUrl, 'admin@woonstad.test');
  await phone.goto(`${env.server.baseUrl}/orgs/${WOONSTAD}/sr`);
  const labels = await phone.$$eval('ul.bars li', (items) => items.map((li) => {
    const box = li.closest('figure').getBoundingClientRect();
    const label = li.querySelector('.bar-label').getBoundingClientRect();
    return { text: li.textContent.trim(), fits: label.left >= box.left - 1 && label.right <= box.right + 1 };
  }));
  assert.ok(labels.length > 0, 'the portfolio has bars');
  assert.deepEqual(labels.filter((l) => !l.fits), [], 'every label fits its chart');
  await assertAccessible(phone, 'portfolio on a phone');
});
