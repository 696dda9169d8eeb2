// A tenant finds the groups for her address without logging in and asks to join on her phone; the board sees the
// request. Coverage names the blind spots. Both parties fill in the diagnosis and see the 2×2.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, seriousViolations, login } from './harness.mjs';

const env = serverAndBrowser(before, after);
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, bypassCSP: true };

test('a tenant finds her group and asks to join; the board reads it', async () => {
  // Find a real address of the demo stock in complex CPX000001 (Huurdersvereniging De Sleutel speaks for it).
  const office = await (await env.browser.newContext({ bypassCSP: true })).newPage();
  await login(office, env.server.baseUrl, 'admin@woonstad.test');
  await office.goto(`${env.server.baseUrl}/orgs/1/stock/units/1`);
  const [, street, number, postcode] = (await office.textContent('h1')).match(/^(.+?) (\d+)[^,]*, (\d{4}[A-Z]{2})/);
  assert.ok(street && number && postcode);

  const tenant = await (await env.browser.newContext(PHONE)).newPage();
  await tenant.goto(`${env.server.baseUrl}/login`);
  await tenant.click('text=Wie spreekt voor mijn woning?');
  await tenant.fill('#postcode', postcode.toLowerCase().replace(/(\d{4})/, '$1 '));
  await tenant.fill('#huisnummer', number);
  await Promise.all([tenant.waitForNavigation(), tenant.click('form.filters button[type=submit]')]);
  assert.match(await tenant.textContent('main'), /Huurdersvereniging De Sleutel/);
  assert.deepEqual(await seriousViolations(tenant), [], 'public lookup');
  const card = tenant.locator('section.card', { hasText: 'Huurdersvereniging De Sleutel' });
  await card.locator('summary').click();
  await card.locator('input[name=name]').fill('Fenna Huurder');
  await card.locator('input[name=contact]').fill('06 12345678');
  await Promise.all([tenant.waitForNavigation(), card.locator('button[type=submit]').click()]);
  assert.match(await tenant.textContent('main'), /Zonder uw toestemming/, 'consent is asked first');
  const again = tenant.locator('section.card', { hasText: 'Huurdersvereniging De Sleutel' });
  assert.equal(await again.locator('input[name=name]').inputValue(), 'Fenna Huurder', 'typed values kept');
  await again.locator('input[name=consent]').check();
  await Promise.all([tenant.waitForNavigation(), again.locator('button[type=submit]').click()]);
  assert.match(await tenant.textContent('main'), /Verstuurd/);

  const board = await (await env.browser.newContext({ bypassCSP: true })).newPage();
  await login(board, env.server.baseUrl, 'bestuur@desleutel.test');
  await board.goto(`${env.server.baseUrl}/orgs/2/participatie`);
  await Promise.all([board.waitForNavigation(), board.click('ul.groups a:has-text("Huurdersvereniging De Sleutel")')]);
  assert.match(await board.textContent('main'), /Fenna Huurder/);
  assert.deepEqual(await seriousViolations(board), [], 'group page');
});

test('coverage shows the blind spots, and the diagnosis places both parties', async () => {
  const page = await (await env.browser.newContext({ bypassCSP: true })).newPage();
  await login(page, env.server.baseUrl, 'admin@woonstad.test');
  await page.goto(`${env.server.baseUrl}/orgs/1/participatie`);
  await page.click('nav.subnav >> text=Dekking');
  await page.selectOption('#per', 'complex');
  await Promise.all([page.waitForNavigation(), page.click('form.filters button')]);
  const first = await page.locator('tbody tr').first().textContent();
  assert.match(first, /CPX00001[45]/, 'the uncovered complexes come first');
  assert.match(first, /100%/);
  assert.deepEqual(await seriousViolations(page), [], 'coverage');

  // The map draws every complex (without background tiles here) and the blind spots stand out in red.
  const tiles = [];
  page.on('requestfailed', (r) => { if (r.url().includes('service.pdok.nl')) tiles.push(r.url()); });
  await page.click('text=Op de kaart');
  await page.waitForSelector('#coverage-map[data-loaded]');
  assert.ok(Number(await page.getAttribute('#coverage-map', 'data-loaded')) >= 1, 'coverage drawn');
  await page.waitForSelector('path.coverage-none');
  assert.ok(await page.locator('path.coverage-none').count() >= 1, 'a blind spot on the map');
  // Each dot is named for a screen reader by what its tooltip says (it was announced as nothing).
  const label = await page.locator('path.coverage-none').first().getAttribute('aria-label');
  assert.ok(label && label.length > 3, `a dot has a name: ${label}`);
  assert.deepEqual(await seriousViolations(page), [], 'coverage map');

  await page.click('nav.subnav >> text=Diagnose');
  for (const axis of ['c', 'r']) {
    for (let i = 0; i < 10; i++) await page.check(`input[name=${axis}${i}][value="${axis === 'c' ? 4 : 2}"]`);
  }
  for (let i = 0; i < 8; i++) await page.check(`input[name=g${i}][value="3"]`);
  await Promise.all([page.waitForNavigation(), page.click('text=Antwoorden opslaan')]);
  assert.match(await page.locator('.q-tr').textContent(), /Corporatie/);
  assert.match(await page.textContent('#result'), /Hoeder van participatie/);
  assert.deepEqual(await seriousViolations(page), [], 'diagnosis');
});

test("a group's invitation reaches its achterban through the corporation's approval", async () => {
  const board = await (await env.browser.newContext(PHONE)).newPage();
  await login(board, env.server.baseUrl, 'bestuur@desleutel.test');
  await board.goto(`${env.server.baseUrl}/orgs/2/participatie`);
  await Promise.all([board.waitForNavigation(), board.click('ul.groups a:has-text("Huurdersvereniging De Sleutel")')]);
  await board.fill('#subject', 'Uitnodiging jaarvergadering');
  await board.fill('#body', 'Beste huurder, kom op 20 januari naar onze jaarvergadering in het buurthuis.');
  await Promise.all([board.waitForNavigation(), board.click('text=Ter goedkeuring aanbieden')]);
  assert.match(await board.textContent('#achterban ~ ul, section[aria-labelledby=achterban]'), /wacht op goedkeuring/);

  const office = await (await env.browser.newContext({ bypassCSP: true })).newPage();
  await login(office, env.server.baseUrl, 'admin@woonstad.test');
  await office.goto(`${env.server.baseUrl}/orgs/1/participatie`);
  const item = office.locator('li.case', { hasText: 'Uitnodiging jaarvergadering' });
  await Promise.all([office.waitForNavigation(), item.locator('button[value=approve]').click()]);
  const sent = await office.locator('li.case', { hasText: 'Uitnodiging jaarvergadering' }).textContent();
  const [, emailed, letters] = sent.match(/(\d+) per e-mail · (\d+) per brief/);
  assert.ok(Number(emailed) > 0 && Number(letters) > 0, sent);
  assert.deepEqual(await seriousViolations(office), [], 'participation page with messages');

  const admin = await (await env.browser.newContext()).newPage();
  await login(admin, env.server.baseUrl, 'beheer@volkshuis.test');
  await admin.goto(`${env.server.baseUrl}/admin/outbox`);
  assert.equal(await admin.locator('text=Uitnodiging jaarvergadering').count(), Number(emailed), 'one mail per address');

  await board.reload();
  const counts = await board.textContent('section[aria-labelledby=achterban]');
  assert.match(counts, new RegExp(`verstuurd: ${emailed} per e-mail, ${letters} per brief`));
  assert.doesNotMatch(counts, /@example\.nl/, 'the group never sees addresses');
});
