// What a person does first: log in (and fail to), see the dashboard, make a form mistake, switch language,
// use a phone. Every page visited is checked with axe-core for serious or critical WCAG violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, seriousViolations, login } from './harness.mjs';


const env = serverAndBrowser(before, after);

async function newPage(options = {}) {
  // bypassCSP lets the test inject axe-core; the pages themselves run under the strict policy.
  const context = await env.browser.newContext({ bypassCSP: true, ...options });
  return context.newPage();
}

async function assertAccessible(page, name) {
  const violations = await seriousViolations(page);
  assert.deepEqual(violations, [], `${name} has accessibility violations`);
}

test('a failed login says why and keeps the address', async () => {
  const page = await newPage();
  await page.goto(`${env.server.baseUrl}/login`);
  assert.equal(await page.getAttribute('html', 'lang'), 'nl');
  await assertAccessible(page, 'login page');
  await login(page, env.server.baseUrl, 'lezer@woonstad.test', 'verkeerd wachtwoord');
  assert.match(await page.textContent('#login-error'), /E-mailadres of wachtwoord klopt niet/);
  assert.equal(await page.inputValue('#email'), 'lezer@woonstad.test');
  assert.equal(await page.inputValue('#password'), '');
  // The password to type again has the focus; the title says there is an error.
  await page.waitForFunction(() => document.title.startsWith('Fout: '));
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'password');
  await assertAccessible(page, 'login page with error');
});

test('logging in shows the dashboard of the organisation', async () => {
  const page = await newPage();
  await login(page, env.server.baseUrl, 'admin@woonstad.test');
  assert.equal(new URL(page.url()).pathname, '/dashboard');
  assert.match(await page.textContent('h1'), /Welkom, Anna de Vries/);
  assert.match(await page.textContent('#active-org'), /Woonstad Voorbeeld/);
  await assertAccessible(page, 'dashboard');
  await page.click('text=Leden en gegevens van de organisatie');
  assert.match(await page.textContent('h1'), /Woonstad Voorbeeld/);
  await assertAccessible(page, 'organisation page');
  // A new API key is shown once: the focus goes to it (it stayed at the top, above the list of keys).
  await page.getByRole('link', { name: 'API-sleutels', exact: true }).click();
  await page.getByLabel('Waarvoor (bijv. ERP-koppeling)', { exact: true }).fill('Koppeling huurderving');
  await page.getByRole('button', { name: 'Nieuwe sleutel', exact: true }).click();
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-labelledby') === 'new-token');
  assert.match(await page.textContent('#token-secret'), /\S{20,}/);
  await assertAccessible(page, 'new API key');
});

test('an invalid form comes back with everything typed', async () => {
  const page = await newPage();
  await login(page, env.server.baseUrl, 'beheer@volkshuis.test');
  await page.goto(`${env.server.baseUrl}/admin/orgs/new`);
  await assertAccessible(page, 'new organisation form');
  await page.fill('#name', 'Huurdersraad Zuid');
  await page.fill('#code', 'zuid raad!');
  await page.selectOption('#kind', 'tenant_organisation');
  await page.click('button.primary');
  assert.equal(await page.inputValue('#name'), 'Huurdersraad Zuid');
  assert.equal(await page.inputValue('#code'), 'zuid raad!');
  assert.equal(await page.inputValue('#kind'), 'tenant_organisation');
  assert.match(await page.textContent('#code-error'), /kleine letters \(a–z\), cijfers en streepjes/, 'the error says what a code may hold');
  assert.equal(await page.getAttribute('#code', 'aria-invalid'), 'true');
  // The field to fix has the focus, and the title says there is an error (what a screen reader reads first).
  await page.waitForFunction(() => document.title.startsWith('Fout: '));
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'code');
  await assertAccessible(page, 'form with errors');
  await page.fill('#code', 'hr-zuid');
  await page.click('button.primary');
  assert.equal(new URL(page.url()).pathname, '/admin/orgs');
  assert.match(await page.textContent('main'), /Huurdersraad Zuid/);
  for (const path of ['/admin/orgs', '/admin/users', '/admin/audit', '/admin/outbox']) {
    await page.goto(`${env.server.baseUrl}${path}`);
    await assertAccessible(page, path);
  }
});

test('the language switch turns the interface English and back', async () => {
  const page = await newPage();
  await login(page, env.server.baseUrl, 'medewerker@woonstad.test');
  await page.click('button[name=lang][value=en]');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.textContent('h1'), /Welcome, Bram Jansen/);
  assert.match(await page.textContent('main'), /Housing corporation/);
  await assertAccessible(page, 'English dashboard');
  await page.click('button[name=lang][value=nl]');
  assert.match(await page.textContent('h1'), /Welkom, Bram Jansen/);
});

test('admin pages fit a phone screen', async () => {
  const page = await newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  await login(page, env.server.baseUrl, 'beheer@volkshuis.test');
  for (const path of ['/admin/orgs', '/admin/users', '/admin/users/new', '/admin/audit', '/admin/outbox', '/admin/orgs/1/edit']) {
    await page.goto(`${env.server.baseUrl}${path}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px on a phone`);
  }
});

test('pages fit a phone screen', async () => {
  const page = await newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  await page.goto(`${env.server.baseUrl}/login`);
  await login(page, env.server.baseUrl, 'bestuur@desleutel.test');
  const pages = ['/dashboard', '/orgs/2', '/login'];
  for (const path of pages) {
    await page.goto(`${env.server.baseUrl}${path}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px on a phone`);
  }
  await page.goto(`${env.server.baseUrl}/dashboard`);
  // The board member landed where work waits; one click works for the other organisation.
  const other = page.locator('section[aria-labelledby=switch-org] button').first();
  const name = (await other.textContent()).replace(/^Werk voor /, '').trim();
  await Promise.all([page.waitForNavigation(), other.click()]);
  assert.equal((await page.textContent('#active-org')).trim(), name);
  await page.screenshot({ path: 'test-results/dashboard-phone.png', fullPage: true });
});
