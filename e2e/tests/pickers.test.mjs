// Pick, don't type (issue 18, ADR 0035): a corporation chooses the complexes of an Overleg request by keyboard only
// — type, arrow, Enter — and sends it; the social-return report shows only the fields of the kind chosen (all of
// them without a script); a form with an error comes back with everything typed. axe-core on every changed page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, seriousViolations, login } from './harness.mjs';

const env = serverAndBrowser(before, after);
// bypassCSP lets axe-core be injected; the pages themselves run under the real policy in production.
const DESK = { viewport: { width: 1280, height: 900 }, bypassCSP: true };

/** Script errors and failed requests of a page (the favicon is another part of issue 18). */
function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) {
      errors.push(`${response.status()} ${response.url()}`);
    }
  });
  return errors;
}

/** The combobox a picker made of the field `name`. */
function combobox(page, name) {
  return page.locator(`#${name}-combobox`);
}

/** The options of the open list, as the user reads them. */
async function shownOptions(page, name) {
  const list = await combobox(page, name).getAttribute('aria-controls');
  return page.$$eval(`#${list} [role=option]`, (items) => items.map((i) => i.textContent));
}

test('a corporation chooses a complex by keyboard only and sends the request', async () => {
  const context = await env.browser.newContext(DESK);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await login(page, env.server.baseUrl, 'admin@woonstad.test');
  await page.goto(`${env.server.baseUrl}/orgs/1/overleg/nieuw`);

  // Enhanced: the checkboxes are out of sight, a combobox in their place.
  const box = combobox(page, 'clusters');
  assert.equal(await box.getAttribute('role'), 'combobox');
  assert.equal(await box.getAttribute('aria-expanded'), 'false');
  assert.ok(!(await page.isVisible('#clusters-picker .picker-options')), 'the checkboxes are replaced');
  assert.deepEqual(await seriousViolations(page), [], 'request form with pickers');

  // A name that begins with what is typed comes before one that only holds it: "linde" lists De Linde before De
  // Vlinderhof, whatever their codes.
  await box.focus();
  await page.keyboard.type('linde');
  const lindes = await shownOptions(page, 'clusters');
  assert.ok(lindes.length >= 2 && lindes.some((o) => o.includes('Vlinderhof')), `both found: ${lindes}`);
  assert.match(lindes[0], /^De Linde/, `De Linde first: ${lindes}`);
  await box.fill('');
  await page.keyboard.press('Escape');

  // The complex to choose: the third of the stock, found by part of its code.
  const codes = await page.$$eval('input[name=clusters]', (inputs) => inputs.map((i) => i.value));
  assert.ok(codes.length >= 3, `the demo stock has complexes: ${codes}`);
  const wanted = codes[2];

  // Keyboard only: focus the field, type, arrow down, Enter.
  await box.focus();
  await page.keyboard.type(wanted.slice(-4));
  assert.equal(await box.getAttribute('aria-expanded'), 'true', 'typing opens the list');
  const options = await shownOptions(page, 'clusters');
  assert.ok(options.length >= 1 && options.every((o) => o.includes(wanted.slice(-4))), `filtered: ${options}`);
  assert.match(await page.textContent('#clusters-picker [role=status]'), /\d+ resultaa?te?n?/);
  assert.deepEqual(await seriousViolations(page), [], 'the open list');
  await page.keyboard.press('ArrowDown');
  const active = await box.getAttribute('aria-activedescendant');
  assert.ok(active, 'an option is active');
  assert.match(await page.textContent(`#${active}`), new RegExp(wanted));
  await page.keyboard.press('Enter');
  assert.equal(await box.getAttribute('aria-expanded'), 'false', 'Enter chooses and closes');
  assert.ok(await page.isChecked(`input[name=clusters][value="${wanted}"]`), 'the form holds the choice');
  const chip = page.locator('#clusters-picker .picker-chip');
  assert.equal(await chip.count(), 1);
  assert.match(await chip.textContent(), new RegExp(`\\(${wanted}\\)`), 'chosen by its name and code');

  // Escape closes the list without choosing; arrow up opens it at the end.
  await page.keyboard.type('CPX');
  await page.keyboard.press('ArrowUp');
  assert.equal(await box.getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('Escape');
  assert.equal(await box.getAttribute('aria-expanded'), 'false');
  assert.equal(await chip.count(), 1, 'Escape chose nothing');
  await page.keyboard.press('Escape');
  assert.equal(await box.inputValue(), '', 'a second Escape clears what was typed');

  // The partner by keyboard too, then the rest of the form, and Enter in the title sends it.
  await combobox(page, 'tenant_org_id').focus();
  await page.keyboard.type('sleutel');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  assert.match(await combobox(page, 'tenant_org_id').inputValue(), /De Sleutel/);
  assert.notEqual(await page.inputValue('#tenant_org_id'), '', 'the select holds the partner');
  await page.selectOption('#kind', 'advice'); // nothing is chosen in advance
  await page.selectOption('#subject', 'maintenance');
  await page.focus('#explanation');
  await page.keyboard.type('Wij willen de gevels schilderen. Graag uw advies.');
  await page.focus('#title');
  await page.keyboard.type('Gevels schilderen');
  await Promise.all([page.waitForURL(/\/overleg\/\d+\?notice=saved/), page.keyboard.press('Enter')]);
  assert.match(await page.textContent('main'), new RegExp(`\\(${wanted}\\)`), 'the case names the complex');
  assert.deepEqual(errors, [], 'no console errors');
  await context.close();
});

test('a request with an error comes back with everything typed, the complex still chosen', async () => {
  const context = await env.browser.newContext(DESK);
  const page = await context.newPage();
  await login(page, env.server.baseUrl, 'admin@woonstad.test');
  await page.goto(`${env.server.baseUrl}/orgs/1/overleg/nieuw`);
  const codes = await page.$$eval('input[name=clusters]', (inputs) => inputs.map((i) => i.value));
  const box = combobox(page, 'clusters');
  await box.focus();
  await page.keyboard.type(codes[0]);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.fill('#explanation', 'Een uitleg die niet verloren mag gaan');
  // No title and no partner: refused.
  await Promise.all([page.waitForLoadState('load'), page.click('form button[type=submit].primary')]);
  assert.match(await page.textContent('main'), /Kies een huurdersorganisatie waarmee u overlegt/);
  assert.equal(await page.inputValue('#explanation'), 'Een uitleg die niet verloren mag gaan');
  assert.ok(await page.isChecked(`input[name=clusters][value="${codes[0]}"]`), 'the complex is still chosen');
  assert.match(await page.textContent('#clusters-picker .picker-chosen'), new RegExp(codes[0]));
  assert.equal(await combobox(page, 'tenant_org_id').getAttribute('aria-invalid'), 'true', 'the error is at the field');
  assert.deepEqual(await seriousViolations(page), [], 'the form with its errors');
  await context.close();
});

/** The supplier's contract page of the demo contract. */
async function contractPage(context) {
  const page = await context.newPage();
  await login(page, env.server.baseUrl, 'sroi@vandijk.test');
  await page.goto(`${env.server.baseUrl}/orgs/5/sr`);
  await Promise.all([page.waitForURL(/\/sr\/contracten\/\d+/), page.click('main table a[href*="/sr/contracten/"]')]);
  return page;
}

test("the report form shows only the chosen kind's fields, and all of them without a script", async () => {
  const context = await env.browser.newContext(DESK);
  const page = await contractPage(context);
  const visible = async (ids) => Promise.all(ids.map((id) => page.isVisible(`#${id}`)));
  assert.equal(await page.inputValue('#kind'), 'placement');
  assert.deepEqual(await visible(['person', 'group', 'start', 'seller', 'training', 'description', 'date']),
    [true, true, true, false, false, false, false], 'a placement');
  await page.selectOption('#kind', 'apprenticeship');
  assert.deepEqual(await visible(['person', 'training', 'group', 'seller', 'date']), [true, true, false, false, false]);
  await page.selectOption('#kind', 'purchase');
  assert.deepEqual(await visible(['seller', 'invoice', 'date', 'person', 'hours']), [true, true, true, false, false]);
  await page.selectOption('#kind', 'other');
  assert.deepEqual(await visible(['description', 'hours', 'date', 'seller', 'person']), [true, true, true, false, false]);
  assert.deepEqual(await seriousViolations(page), [], 'the report form');

  // A purchase with a wrong amount comes back with everything typed and only the purchase fields shown.
  await page.selectOption('#kind', 'purchase');
  await page.fill('#seller', 'Sociale Werkplaats Kozijnen');
  await page.selectOption('#certificate', 'code_so');
  await page.fill('#invoice', 'veel');
  // Chromium has a date picker, which shows the date in its locale's order: the written format's hint ("dd-mm-jjjj")
  // would contradict it, so it is gone from sight and from the field's description.
  assert.equal(await page.isVisible('#date-hint'), false);
  assert.equal(await page.getAttribute('#date', 'aria-describedby'), null);
  await page.fill('#date', '2026-02-01');
  await Promise.all([page.waitForLoadState('load'), page.click('form[action$="/bijdragen"] button[type=submit]')]);
  assert.equal(await page.inputValue('#kind'), 'purchase');
  assert.equal(await page.inputValue('#seller'), 'Sociale Werkplaats Kozijnen');
  assert.equal(await page.inputValue('#date'), '2026-02-01');
  assert.ok(await page.isVisible('#invoice-error'), 'the message at the amount');
  assert.ok(!(await page.isVisible('#person')), 'still only the purchase fields');
  assert.deepEqual(await seriousViolations(page), [], 'the report form with its error');
  await context.close();

  const plain = await env.browser.newContext({ ...DESK, javaScriptEnabled: false });
  const without = await contractPage(plain);
  for (const id of ['person', 'group', 'training', 'seller', 'description', 'date']) {
    assert.ok(await without.isVisible(`#${id}`), `${id} shows without a script`);
  }
  await plain.close();
});

test('without a script the pickers are plain controls that still send the form', async () => {
  const context = await env.browser.newContext({ ...DESK, javaScriptEnabled: false });
  const page = await context.newPage();
  await login(page, env.server.baseUrl, 'admin@woonstad.test');
  await page.goto(`${env.server.baseUrl}/orgs/1/overleg/nieuw`);
  assert.equal(await page.locator('[role=combobox]').count(), 0);
  const first = page.locator('input[name=clusters]').first();
  const code = await first.getAttribute('value');
  await first.check();
  await page.selectOption('#tenant_org_id', { label: 'Huurdersvereniging De Sleutel' });
  await page.selectOption('#kind', 'advice'); // nothing is chosen in advance
  await page.selectOption('#subject', 'maintenance');
  await page.fill('#title', 'Zonder script');
  await page.fill('#explanation', 'Graag uw advies.');
  await Promise.all([page.waitForURL(/\/overleg\/\d+\?notice=saved/), page.click('form button[type=submit].primary')]);
  assert.match(await page.textContent('main'), new RegExp(`\\(${code}\\)`));
  await context.close();
});

test('the other changed pages are clean for axe-core, with and without their lists open', async () => {
  const context = await env.browser.newContext(DESK);
  const page = await context.newPage();
  const errors = watchErrors(page);
  const check = async (path, what) => {
    await page.goto(`${env.server.baseUrl}${path}`);
    assert.deepEqual(await seriousViolations(page), [], what);
  };
  await login(page, env.server.baseUrl, 'admin@woonstad.test');
  await check('/orgs/1/stock', 'unit list with its complex and buurt pickers');
  await combobox(page, 'complex').focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await combobox(page, 'complex').getAttribute('aria-expanded'), 'true');
  assert.deepEqual(await seriousViolations(page), [], 'the complex filter open');
  await page.keyboard.press('Enter');
  await Promise.all([page.waitForLoadState('load'), page.click('form.filters button[type=submit]')]);
  assert.match(page.url(), /complex=CPX/, 'the filter by the complex chosen');
  await check('/orgs/1/stock/clusters', 'complexes by name');
  assert.match(await page.textContent('main'), /\d+ complex(en)?\b/);
  await check('/orgs/1/participatie', 'groups with names of their areas, and the public contact');
  await check('/orgs/1/participatie/groepen/nieuw', 'group form');
  await page.selectOption('#area_kind', 'buurten');
  assert.ok(!(await page.isVisible('#area_complexes-picker')) && (await page.isVisible('#area_buurten-picker')));
  assert.deepEqual(await seriousViolations(page), [], 'group form for buurten');
  await page.goto(`${env.server.baseUrl}/orgs/1/sr`);
  await Promise.all([page.waitForURL(/\/sr\/contracten\/\d+/), page.click('main table a[href*="/sr/contracten/"]')]);
  const marks = page.locator('details:has(form[action$="/huurder"]) > summary');
  if ((await marks.count()) > 0) await marks.first().click();
  assert.deepEqual(await seriousViolations(page), [], 'contract page with the tenant form open');
  await check('/orgs/1/sr/contracten/nieuw', 'new contract with organisation pickers');
  await check('/doe-mee?postcode=&huisnummer=', 'public page asking for a postcode');
  assert.match(await page.textContent('main'), /Vul uw postcode in/);

  assert.deepEqual(errors, [], 'no script errors or failed requests');
  await context.close();

  const admin = await (await env.browser.newContext(DESK)).newPage();
  await login(admin, env.server.baseUrl, 'beheer@volkshuis.test');
  for (const [path, what] of [['/admin/users/new', 'new user with an organisation picker'], ['/admin/audit', 'audit filter']]) {
    await admin.goto(`${env.server.baseUrl}${path}`);
    assert.deepEqual(await seriousViolations(admin), [], what);
  }
  await admin.context().close();
});
