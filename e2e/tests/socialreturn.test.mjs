// A supplier reports a placement and a purchase from a social enterprise; the buyer approves one and rejects the
// other; the progress and the calculation follow.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, seriousViolations, login } from './harness.mjs';

const env = serverAndBrowser(before, after);

/**
 * The first day of the month `months` before this one, or with `lastDayBefore` the day before it, as a date field
 * takes it. The demo's contract began 20 months before the day it was filled, so these dates lie in it on any day the
 * test runs.
 */
function monthStart(months, { lastDayBefore = false } = {}) {
  const now = new Date();
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, lastDayBefore ? 0 : 1));
  return day.toISOString().slice(0, 10);
}

/** Submits a form by its button and waits for the answer page. */
async function submit(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

test('a supplier reports, the buyer decides, progress and calculation update', async () => {
  const supplier = await (await env.browser.newContext({ bypassCSP: true })).newPage();
  await login(supplier, env.server.baseUrl, 'sroi@vandijk.test');
  await supplier.goto(`${env.server.baseUrl}/orgs/5/sr`);
  assert.match(await supplier.textContent('main'), /wat u nog moet leveren/);
  await supplier.click('text=Renovatie Schildersbuurt: dak, gevel en kozijnen');
  await supplier.waitForURL(/\/sr\/contracten\/\d+/);
  const contractPath = new URL(supplier.url()).pathname;
  assert.deepEqual(await seriousViolations(supplier), [], 'contract page for the supplier');

  await supplier.selectOption('#kind', 'placement');
  await supplier.fill('#person', 'VD-2026-07');
  // Six whole months, a year ago.
  await supplier.fill('#start', monthStart(12));
  await supplier.fill('#end', monthStart(6, { lastDayBefore: true }));
  await supplier.selectOption('#group', 'doelgroepregister');
  await supplier.fill('#hours_per_week', '18');
  await submit(supplier, 'form[action$="/bijdragen"] button[type=submit]');
  assert.match(await supplier.textContent('main'), /VD-2026-07/);

  await supplier.selectOption('#kind', 'purchase');
  await supplier.fill('#seller', 'Sociale Werkplaats Kozijnen');
  await supplier.selectOption('#certificate', 'code_so');
  await supplier.fill('#invoice', '4.000,00');
  await supplier.fill('#date', monthStart(10));
  await submit(supplier, 'form[action$="/bijdragen"] button[type=submit]');
  const reported = await supplier.textContent('main');
  assert.match(reported, /Sociale Werkplaats Kozijnen/);
  // By whole months (RULES.md, Social return): € 50.000 × 18/36 × 6/12 = € 12.500,00.
  assert.match(reported, /€ 12\.500,00/);

  const buyer = await (await env.browser.newContext({ bypassCSP: true })).newPage();
  await login(buyer, env.server.baseUrl, 'admin@woonstad.test');
  await buyer.goto(`${env.server.baseUrl}/orgs/1/sr`);
  assert.match(await buyer.textContent('main'), /Portefeuille/);
  assert.ok(await buyer.isVisible('figure.chart svg'), 'charts are drawn');
  assert.deepEqual(await seriousViolations(buyer), [], 'portfolio');
  await buyer.goto(`${env.server.baseUrl}${contractPath.replace('/orgs/5/', '/orgs/1/')}`);
  const before = await buyer.textContent('#progress ~ dl');
  const placement = buyer.locator('li.contribution', { hasText: 'VD-2026-07' });
  await placement.locator('input[name=reason]').fill('Geen plaatsingsovereenkomst bijgevoegd');
  await Promise.all([buyer.waitForNavigation(), placement.locator('button[value=reject]').click()]);
  // A decision is final: the page first says what it does, and only the confirmation decides.
  assert.match(await placement.locator('[data-summary]').textContent(), /U wijst deze bijdrage af, met als reden: „Geen plaatsingsovereenkomst bijgevoegd”/);
  assert.match(await placement.textContent(), /In behandeling/, "not decided before it is confirmed");
  await Promise.all([buyer.waitForNavigation(), placement.locator('button[name=confirmed]').click()]);
  const purchase = buyer.locator('li.contribution', { hasText: 'Sociale Werkplaats Kozijnen' });
  await Promise.all([buyer.waitForNavigation(), purchase.locator('button[value=approve]').click()]);
  assert.match(await purchase.locator('[data-summary]').textContent(), /U keurt deze bijdrage goed: € 4\.000,00 telt mee/);
  await Promise.all([buyer.waitForNavigation(), purchase.locator('button[name=confirmed]').click()]);
  const after = await buyer.textContent('main');
  assert.match(await buyer.locator('li.contribution', { hasText: 'VD-2026-07' }).textContent(), /Afgewezen/);
  assert.match(await buyer.locator('li.contribution', { hasText: 'Sociale Werkplaats Kozijnen' }).textContent(), /Goedgekeurd/);
  await buyer.locator('li.contribution', { hasText: 'Sociale Werkplaats Kozijnen' }).locator('summary').click();
  assert.match(await buyer.locator('li.contribution', { hasText: 'Sociale Werkplaats Kozijnen' }).textContent(), /€ 4\.000,00 excl\. btw × 100% = € 4\.000,00/);
  assert.notEqual(before, await buyer.textContent('#progress ~ dl'), 'progress moved');
  assert.match(after, /Geen plaatsingsovereenkomst bijgevoegd/);
  assert.deepEqual(await seriousViolations(buyer), [], 'contract page for the buyer');
});
