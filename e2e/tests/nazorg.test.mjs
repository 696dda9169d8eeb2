// Nazorg (issue 21) from the sale through the talk before it to a three-year check with a follow-up action, as the
// people do it: the corporation's staff finds the module in the menu, picks a rental home of De Vlinderhof from the
// stock, records its sale to the tenant (first with a wrong percentage: the field says so and keeps what was typed),
// sees the buyer's facts with the owner's share from today's Koopgarant table (70%), and finds the home gone from the
// stock list while its own page says it was sold. The talk: without the buyer's consent it is refused with every
// answer kept; with "Ja" a summary comes first and only the confirming button records it. A koopcoach is assigned.
// The sale is three years and a month old, so its three-year check is overdue: the dashboard says one more check is
// late; the check, opened from the Nazorg work list, is refused with payment problems and no follow-up action
// (everything kept), then saved with one, done late. The koopcoach sees the buyer under "Mijn kopers" and writes the
// log. A read-only member reaches the counts but gets a 403 on the buyer and never reads the name. The owner's example
// calculation opens without an account, filled with the contract's figures from the buyer's page, and computes the
// buy-back price for a rise and a fall in value. axe-core on every page; the buyer's page, the check and the module's
// home on a phone do not scroll sideways.
// Run alone: `node --test tests/nazorg.test.mjs` (`npm test` runs every file).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, seriousViolations, login } from './harness.mjs';

const env = serverAndBrowser(before, after);
// bypassCSP lets axe-core be injected; the pages themselves run under the real policy in production.
const DESK = { viewport: { width: 1280, height: 900 }, bypassCSP: true };
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, bypassCSP: true };
// An invented buyer; the demo's own buyers have other names.
const BUYER = 'Annelies Koopman';
const EMAIL = 'annelies.koopman@example.nl';
const PHONE_NUMBER = '06 98765432';
const COACH = 'Hanna Visser';
const COACH_ORG = 'Wijkteam Centrum';
const ACTION = 'Budgetgesprek en betalingsregeling met de VvE';
const TOPIC = 'Budget doorgenomen; regeling met de VvE voorbereid';
const SOLD_COUNT = 'Verkochte woningen (niet teruggekocht)';

// The server counts days in Dutch time; so does the test, whatever the machine's zone.
const AMSTERDAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
const TODAY = new Date(`${AMSTERDAM_DAY}T00:00:00Z`);
const iso = (d) => d.toISOString().slice(0, 10);
/** As the pages show a date: 04-12-2026. */
const shown = (d) => iso(d).split('-').reverse().join('-');
const daysFrom = (d, n) => new Date(d.getTime() + n * 86_400_000);
/** The same day `months` months later (the day is at most 28, so every month has it). */
const monthsFrom = (d, months) => {
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  return new Date(Date.UTC(Math.floor(total / 12), total % 12, d.getUTCDate()));
};
// Delivered at the notary three years and a month ago: the three-year check was due a month ago.
const DAY = new Date(Date.UTC(TODAY.getUTCFullYear(), TODAY.getUTCMonth(), Math.min(TODAY.getUTCDate(), 28)));
const SOLD_ON = monthsFrom(DAY, -37);
const DUE_3 = monthsFrom(SOLD_ON, 36);
const DUE_6 = monthsFrom(SOLD_ON, 72);
const TALK_ON = daysFrom(SOLD_ON, -60);
const ACTION_DUE = daysFrom(TODAY, 14);

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

/** `[]` when the page fits the screen's width; otherwise what sticks out, to name in the failure. */
async function sidewaysScroll(page, name) {
  const { scroll, client, wide } = await page.evaluate(() => {
    const client = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('main *')]
      .filter((e) => e.getBoundingClientRect().right > client + 1 && !e.parentElement.closest('table'))
      .map((e) => {
        const data = [...e.attributes].filter((a) => a.name.startsWith('data-')).map((a) => `[${a.name}]`);
        return `${e.tagName.toLowerCase()}${data.join('')}`;
      });
    return { scroll: document.documentElement.scrollWidth, client, wide };
  });
  return scroll <= client ? [] : [`${name}: ${scroll}px wide in ${client}px (${[...new Set(wide)].join(', ')})`];
}

/** The cells of a table's body rows, trimmed. */
async function cells(table) {
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent.trim())),
  );
}

/** A definition list as label → value. */
async function facts(list) {
  return list.evaluate((dl) => {
    const out = {};
    for (const dt of dl.querySelectorAll('dt')) out[dt.textContent.trim()] = dt.nextElementSibling.textContent.trim();
    return out;
  });
}

/** The units the stock list shows for a search: idExtern, street and town; and its "Getoond … van N" total. */
async function stockSearch(page, query) {
  await page.getByLabel('Zoeken (straat, postcode, plaats, id)').fill(query);
  await go(page, page.locator('form.filters button'));
  const rows = await page.locator('main table tbody tr').evaluateAll((rows) =>
    rows.map((row) => {
      const td = row.querySelectorAll('td');
      return {
        id: td[0].querySelector('.muted').textContent.trim(),
        street: td[0].querySelector('a').textContent.trim(),
        href: td[0].querySelector('a').getAttribute('href'),
        town: td[2].textContent.trim(),
      };
    }),
  );
  const shownCount = await page.locator('main [role=status]', { hasText: 'Getoond' }).textContent();
  const total = Number(shownCount.match(/van ([\d.]+)/)[1].replaceAll('.', ''));
  return { rows, total };
}

/** The dashboard's line on late checks after a sale: how many, or 0 when there is none. */
async function lateChecks(page) {
  const line = page.locator('[data-todo] li a', { hasText: 'na de verkoop' });
  if ((await line.count()) === 0) return { count: 0, text: '' };
  const text = (await line.textContent()).trim();
  return { count: Number(text.match(/^(\d+) /)[1]), text };
}

test('a home sold to its tenant: the talk, a koopcoach, an overdue three-year check with its action', async () => {
  const base = env.server.baseUrl;

  // 1. The corporation's staff: the dashboard before, the module from the menu.
  const staff = await newPage();
  await login(staff, base, 'medewerker@woonstad.test');
  assert.equal(new URL(staff.url()).pathname, '/dashboard');
  const lateBefore = await lateChecks(staff);
  await assertAccessible(staff, 'dashboard');
  await go(staff, staff.locator('nav.main-nav .menu-wide').getByRole('link', { name: 'Nazorg' }));
  const corpId = new URL(staff.url()).pathname.match(/^\/orgs\/(\d+)\/nazorg$/)?.[1];
  assert.ok(corpId, `the menu leads to the corporation's Nazorg: ${staff.url()}`);
  assert.equal((await staff.textContent('h1')).trim(), 'Nazorg');
  const countsBefore = await facts(staff.locator('[data-counts]'));
  await assertAccessible(staff, 'Nazorg home of the corporation');

  // A rental home of De Vlinderhof, as the stock list shows it.
  const units = await newPage();
  await login(units, base, 'medewerker@woonstad.test');
  await units.goto(`${base}/orgs/${corpId}/stock`);
  const vlinderhof = await stockSearch(units, 'Vlinderhof');
  assert.ok(vlinderhof.rows.length > 0, 'the stock has rental homes in De Vlinderhof');
  const home = vlinderhof.rows[0];
  assert.equal(home.town, 'Deventer', `a home in Deventer: ${JSON.stringify(home)}`);
  assert.match(home.id, /^VHE\d{8}$/);
  const ADDRESS = `${home.street}, ${home.town}`;
  await assertAccessible(units, 'stock list searched');

  // 2. The sale: first with a wrong percentage; the field says so and everything typed stays.
  await go(staff, staff.getByRole('link', { name: 'Verkoop vastleggen' }));
  assert.equal(new URL(staff.url()).pathname, `/orgs/${corpId}/nazorg/verkopen/nieuw`);
  assert.equal((await staff.textContent('h1')).trim(), 'Verkoop vastleggen');
  assert.match(await staff.textContent('main form'), /controles gepland 3 en 6 jaar na de datum van levering\./);
  await assertAccessible(staff, 'sale form');
  const sale = staff.locator('main form');
  await sale.getByLabel('Eenheid', { exact: true }).fill(home.id);
  await sale.getByLabel('Datum van levering (notaris)').fill(iso(SOLD_ON));
  await sale.getByLabel('Koopprijs').fill('160.000,00');
  await sale.getByLabel('Waarde', { exact: true }).fill('200000');
  await sale.getByLabel('Soort waarde').selectOption({ label: 'Getaxeerde waarde' });
  await sale.getByLabel('Voorwaarden').selectOption({ label: 'Koopgarant' });
  await sale.getByLabel('Korting (%)').fill('120');
  await sale.getByLabel('Naam van de koper').fill(BUYER);
  await sale.getByLabel('E-mailadres').fill(EMAIL);
  await sale.getByLabel('Telefoonnummer').fill(PHONE_NUMBER);
  const refused = await go(staff, sale.getByRole('button', { name: 'Verkoop vastleggen' }));
  assert.equal(refused.status(), 422);
  assert.equal(new URL(staff.url()).pathname, `/orgs/${corpId}/nazorg/verkopen/nieuw`);
  assert.match(await staff.textContent('main [role=alert]'), /^Het formulier bevat fouten; ze staan bij de velden\.$/);
  assert.match(await staff.textContent('#discount-error'), /^Vul een percentage tussen 0 en 100 in/);
  assert.equal(await staff.getAttribute('#discount', 'aria-invalid'), 'true');
  assert.equal(await staff.locator('.field-error').count(), 1, 'only the percentage is wrong');
  const kept = {
    '#unit': home.id,
    '#sold_on': iso(SOLD_ON),
    '#price': '160.000,00',
    '#value': '200000',
    '#value_kind': 'taxatie',
    '#condition': 'koopgarant',
    '#discount': '120',
    '#owner_share': '',
    '#buyer_name': BUYER,
    '#buyer_email': EMAIL,
    '#buyer_phone': PHONE_NUMBER,
  };
  for (const [field, value] of Object.entries(kept)) {
    assert.equal(await staff.locator(field).inputValue(), value, `${field} is kept as typed`);
  }
  await assertAccessible(staff, 'sale form with an error');
  // The right discount; the owner's share left empty: today's table gives it, filled in to be checked against the
  // contract before anything is stored.
  await sale.getByLabel('Korting (%)').fill('20');
  const derived = await go(staff, sale.getByRole('button', { name: 'Verkoop vastleggen' }));
  assert.equal(derived.status(), 422);
  assert.match(await staff.textContent('#owner_share-error'), /Koopgarant-tabel is het aandeel van de eigenaar 70%/);
  assert.equal(await staff.locator('#owner_share').inputValue(), '70');
  await go(staff, staff.locator('main form').getByRole('button', { name: 'Verkoop vastleggen' }));
  const salePath = new URL(staff.url()).pathname;
  const saleId = salePath.match(new RegExp(`^/orgs/${corpId}/nazorg/verkopen/(\\d+)$`))?.[1];
  assert.ok(saleId, `the buyer's page: ${staff.url()}`);
  assert.equal((await staff.textContent('h1')).trim(), 'Verkochte woning');
  assert.match(await staff.textContent('main [role=status]'), /^De verkoop is vastgelegd\./);
  const saleFacts = await facts(staff.locator('[data-sale-facts]'));
  assert.deepEqual(saleFacts, {
    Adres: ADDRESS,
    Koper: BUYER,
    'E-mailadres': EMAIL,
    Telefoonnummer: PHONE_NUMBER,
    'Verkocht op': shown(SOLD_ON),
    Koopprijs: '€ 160.000,00',
    'Getaxeerde waarde': '€ 200.000,00',
    Voorwaarden: 'Koopgarant',
    Korting: '20%',
    'Aandeel eigenaar in waardeontwikkeling': '70%',
    Complex: 'CPX000003',
    // Koopgarant: the buyer's data is kept while the obligation to buy back runs (ADR 0066).
    'Gegevens van de koper': 'bewaard zolang de terugkoopverplichting loopt',
  });
  assert.equal(await staff.locator('[data-below-ninety]').count(), 1, '80% of the value: the page warns');
  assert.equal((await staff.textContent('[data-no-talk]')).trim(), 'Het gesprek is nog niet vastgelegd.');
  const checksOfSale = staff.locator('[data-sale-checks] > li');
  assert.deepEqual(
    await checksOfSale.evaluateAll((items) =>
      items.map((li) => [li.dataset.state, li.querySelector('strong').textContent.trim()]),
    ),
    [
      ['te_laat', 'Controle na 3 jaar'],
      ['gepland', 'Controle na 6 jaar'],
    ],
  );
  assert.match(await checksOfSale.nth(0).textContent(), new RegExp(`Uiterlijk ${shown(DUE_3)} — Te laat`));
  assert.match(await checksOfSale.nth(1).textContent(), new RegExp(`Uiterlijk ${shown(DUE_6)} — Gepland`));
  await assertAccessible(staff, "buyer's page after the sale");

  // The home left the rental stock; its own page still knows it, and says it was sold.
  const after = await stockSearch(units, 'Vlinderhof');
  assert.equal(after.total, vlinderhof.total - 1, 'one rental home fewer in De Vlinderhof');
  assert.ok(!after.rows.some((r) => r.id === home.id), 'the sold home is not in the list');
  const byId = await stockSearch(units, home.id);
  assert.deepEqual(byId.rows, [], 'a search for the sold home finds nothing');
  assert.equal(byId.total, 0);
  await assertAccessible(units, 'stock list without the sold home');
  await units.goto(`${base}${home.href}`);
  assert.match(await units.textContent('h1'), new RegExp(`^${home.street}, \\d{4}[A-Z]{2} ${home.town}$`));
  const onUnit = units.locator('[data-nazorg]');
  assert.equal((await onUnit.locator('li').textContent()).trim(), `Verkocht aan de huurder op ${shown(SOLD_ON)}`);
  assert.equal(await onUnit.getByRole('link', { name: 'Verkoop vastleggen' }).count(), 0, 'not sold twice');
  await assertAccessible(units, "the sold unit's page");
  await go(units, onUnit.getByRole('link', { name: `Verkocht aan de huurder op ${shown(SOLD_ON)}` }));
  assert.equal(new URL(units.url()).pathname, salePath, "the unit's page leads to the buyer's");
  await units.context().close();

  // 3. The talk before the sale: consent is asked, never assumed; a summary before anything is recorded.
  await go(staff, staff.getByRole('link', { name: 'Gesprek vastleggen' }));
  assert.equal(new URL(staff.url()).pathname, `${salePath}/gesprek`);
  assert.equal((await staff.textContent('h1')).trim(), 'Gesprek vóór de verkoop');
  assert.equal(await staff.locator('input[name=consent]:checked').count(), 0, 'no consent is pre-selected');
  await assertAccessible(staff, 'talk form');
  const talk = staff.locator('main form');
  await talk.getByLabel('Gevoerd op').fill(iso(TALK_ON));
  const items = await talk.locator('textarea').evaluateAll((areas) => areas.map((a) => a.id));
  assert.ok(items.length >= 4, `the checklist has its items: ${items}`);
  const answers = Object.fromEntries(items.map((id, i) => [id, `Besproken, punt ${i + 1}: de koper weet het.`]));
  for (const [id, answer] of Object.entries(answers)) await staff.locator(`#${id}`).fill(answer);
  await talk.getByLabel('Maandlasten als eigenaar', { exact: true }).fill('812,50');
  await talk.getByLabel('Huur nu').fill('690');
  const noConsent = await go(staff, talk.getByRole('button', { name: 'Verder naar de samenvatting' }));
  assert.equal(noConsent.status(), 422);
  assert.match(await staff.textContent('#consent-error'), /^Kies het antwoord van de koper: wel of geen nazorg\./);
  for (const [id, answer] of Object.entries(answers)) {
    assert.equal(await staff.locator(`#${id}`).inputValue(), answer, `${id} is kept`);
  }
  assert.equal(await staff.locator('#owning').inputValue(), '812,50');
  assert.equal(await staff.locator('#rent').inputValue(), '690');
  assert.equal(await staff.locator('#held_on').inputValue(), iso(TALK_ON));
  assert.equal(await staff.locator('input[name=consent]:checked').count(), 0, 'still nothing chosen for the buyer');
  await assertAccessible(staff, 'talk form without consent');
  await talk.getByLabel('Ja, de koper stemt in met nazorg').check();
  await go(staff, talk.getByRole('button', { name: 'Verder naar de samenvatting' }));
  const confirm = staff.locator('[data-confirm]');
  assert.equal((await confirm.locator('h2').textContent()).trim(), 'Klopt dit?');
  // The focus is on the summary (it stayed at the top of the page): what a screen reader reads next.
  assert.equal(await staff.evaluate(() => document.activeElement.hasAttribute('data-summary')), true);
  const summary = (await confirm.locator('li').allTextContents()).map((t) => t.trim());
  assert.equal(summary[0], `Het gesprek is gevoerd op ${shown(TALK_ON)}.`);
  assert.equal(summary[1], 'Maandlasten als eigenaar € 812,50 tegenover huur € 690,00: verschil € 122,50 per maand.');
  assert.match(summary[2], /^De koper stemt in met nazorg: .*controles na 3 en 6 jaar\.$/);
  assert.equal(await staff.locator('main textarea').count(), 0, 'what is confirmed is what the summary says');
  await assertAccessible(staff, 'talk summary');
  await go(staff, confirm.getByRole('button', { name: 'Bevestigen en vastleggen' }));
  assert.equal(new URL(staff.url()).pathname, salePath);
  assert.equal((await staff.textContent('main [role=status]')).trim(), 'Het gesprek is vastgelegd.');
  const talkFacts = await facts(staff.locator('[data-talk]'));
  assert.match(talkFacts['Gevoerd op'], new RegExp(`^${shown(TALK_ON)} — Bram Jansen$`));
  assert.equal(talkFacts['Maandlasten als eigenaar'], '€ 812,50');
  assert.equal(talkFacts['Verschil per maand'], '€ 122,50');
  assert.equal(await staff.getAttribute('[data-consent]', 'data-consent'), 'ja');
  assert.equal(talkFacts['Toestemming voor nazorg'], 'Ja, de koper stemt in met nazorg');

  // The koopcoach.
  assert.equal((await staff.textContent('[data-coach]')).trim(), 'Er is nog geen koopcoach toegewezen.');
  await staff
    .getByLabel('Koopcoach (medewerker van een partnerorganisatie)')
    .selectOption({ label: `${COACH} — ${COACH_ORG}` });
  await go(staff, staff.getByRole('button', { name: 'Koopcoach opslaan' }));
  // Who gets the buyer's data is named before it is handed over.
  assert.match(await staff.textContent('[data-summary]'), new RegExp(`${COACH_ORG} ziet daarna de naam en contactgegevens`));
  await assertAccessible(staff, 'koopcoach confirmation');
  await go(staff, staff.getByRole('button', { name: 'Ja, wijs deze koopcoach toe' }));
  assert.equal((await staff.textContent('main [role=status]')).trim(), 'De koopcoach is opgeslagen.');
  assert.equal((await staff.textContent('[data-coach]')).trim(), `${COACH} (${COACH_ORG})`);
  await assertAccessible(staff, "buyer's page with talk and koopcoach");
  const exampleHref = await staff.getAttribute('[data-example]', 'href');

  // 4. The three-year check is overdue: the dashboard says so, the work list leads to it.
  await go(staff, staff.locator('nav.main-nav .menu-wide').getByRole('link', { name: 'Overzicht' }));
  const lateNow = await lateChecks(staff);
  assert.equal(lateNow.count, lateBefore.count + 1, `one more late check: ${lateNow.text}`);
  assert.equal(
    lateNow.text,
    lateNow.count === 1
      ? '1 controle na de verkoop van een woning is te laat'
      : `${lateNow.count} controles na de verkoop van woningen zijn te laat`,
  );
  await assertAccessible(staff, 'dashboard with a late check');
  await go(staff, staff.locator('[data-todo] li a', { hasText: 'na de verkoop' }));
  assert.equal(new URL(staff.url()).pathname, `/orgs/${corpId}/nazorg`);
  const countsNow = await facts(staff.locator('[data-counts]'));
  assert.equal(Number(countsNow['Controles te laat']), Number(countsBefore['Controles te laat']) + 1);
  assert.equal(
    Number(countsNow[SOLD_COUNT]),
    Number(countsBefore[SOLD_COUNT]) + 1,
  );
  const line = staff.locator('table[data-checks] tbody tr', { hasText: BUYER });
  assert.equal(await line.count(), 1, 'the check is on the work list');
  assert.equal(await line.getAttribute('data-state'), 'te_laat');
  assert.deepEqual((await line.locator('td').allTextContents()).map((t) => t.trim()), [
    ADDRESS,
    BUYER,
    'na 3 jaar',
    shown(DUE_3),
    'Te laat',
  ]);
  await assertAccessible(staff, 'Nazorg home with the work list');
  await go(staff, line.getByRole('link', { name: ADDRESS }));
  const checkPath = new URL(staff.url()).pathname;
  assert.match(checkPath, new RegExp(`^/orgs/${corpId}/nazorg/controles/\\d+$`));
  assert.equal((await staff.textContent('h1')).trim(), 'Controle na 3 jaar');
  assert.equal(await staff.getAttribute('[data-check] [data-state]', 'data-state'), 'te_laat');
  await assertAccessible(staff, 'three-year check');

  // Payment problems without a follow-up action: refused, everything kept.
  const check = staff.locator(`main form[action="${checkPath}"]`);
  const NOTES = 'Twee maanden achter met de VvE-bijdrage; de koper wil de woning houden.';
  await check.getByLabel('Gedaan op').fill(iso(TODAY));
  await check.getByLabel('Staat van onderhoud').selectOption({ label: 'Redelijk' });
  await check.getByLabel('Deelname aan de VvE').selectOption({ label: 'Passief (betaalt, komt niet)' });
  await check.getByRole('group', { name: 'Heeft de eigenaar betalingsproblemen?' }).getByLabel('Ja').check();
  await check.getByRole('group', { name: 'Wil de eigenaar de woning terugverkopen?' }).getByLabel('Nee').check();
  await check.getByLabel('Aantekeningen').fill(NOTES);
  const without = await go(staff, check.getByRole('button', { name: 'Controle opslaan' }));
  assert.equal(without.status(), 422);
  assert.match(await staff.textContent('#action_description-error'), /^Deze antwoorden vragen om een vervolgactie/);
  assert.equal(await staff.locator('#done_on').inputValue(), iso(TODAY));
  assert.equal(await staff.locator('#maintenance').inputValue(), 'redelijk');
  assert.equal(await staff.locator('#participation').inputValue(), 'passief');
  assert.ok(await staff.locator('#payment_problems-ja').isChecked(), 'payment problems: ja, kept');
  assert.ok(await staff.locator('#sell_back-nee').isChecked(), 'sell back: nee, kept');
  assert.equal(await staff.locator('#notes').inputValue(), NOTES);
  assert.equal(await staff.getAttribute('[data-check] [data-state]', 'data-state'), 'te_laat', 'nothing recorded');
  assert.equal((await staff.textContent('#actions-h + p')).trim(), 'Er zijn geen vervolgacties.');
  await assertAccessible(staff, 'check refused without a follow-up action');
  // With an action: what, who, when.
  await check.getByLabel('Wat', { exact: true }).fill(ACTION);
  await check.getByLabel('Wie', { exact: true }).fill(COACH);
  await check.getByLabel('Klaar op').fill(iso(ACTION_DUE));
  await go(staff, check.getByRole('button', { name: 'Controle opslaan' }));
  assert.equal(new URL(staff.url()).pathname, checkPath);
  assert.equal((await staff.textContent('main [role=status]')).trim(), 'De controle is vastgelegd.');
  const done = await facts(staff.locator('[data-check]'));
  assert.equal(done.Stand, 'Te laat gedaan');
  assert.equal(await staff.getAttribute('[data-check] [data-state]', 'data-state'), 'laat_gedaan');
  assert.equal(done['Gedaan op'], `${shown(TODAY)} — Bram Jansen`);
  const actions = (await staff.locator('[data-actions] > li').allTextContents()).map((t) =>
    t.replace(/\s+/g, ' ').trim(),
  );
  assert.deepEqual(actions, [
    `${ACTION} — ${COACH}, uiterlijk ${shown(ACTION_DUE)} Afgerond`,
  ]);
  await assertAccessible(staff, 'check done late with its action');
  // The buyer's page tells the same; the dashboard's count is back.
  await go(staff, staff.getByRole('link', { name: ADDRESS }));
  assert.equal(new URL(staff.url()).pathname, salePath);
  const first = staff.locator('[data-sale-checks] > li').first();
  assert.equal(await first.getAttribute('data-state'), 'laat_gedaan');
  assert.match(await first.textContent(), /Te laat gedaan/);
  assert.match(await first.textContent(), /betalingsproblemen/);
  assert.ok(
    (await first.textContent()).includes(`${ACTION} — ${COACH}, uiterlijk ${shown(ACTION_DUE)}`),
    'the action on the buyer\'s page',
  );
  await assertAccessible(staff, "buyer's page with the check done");
  await staff.goto(`${base}/dashboard`);
  assert.equal((await lateChecks(staff)).count, lateBefore.count, 'the late check is done');
  await assertAccessible(staff, 'dashboard after the check');

  // 5. The koopcoach: the buyer under "Mijn kopers", and the log.
  const coach = await newPage();
  await login(coach, base, 'coordinator@wijkteam.test');
  await go(coach, coach.locator('nav.main-nav .menu-wide').getByRole('link', { name: 'Nazorg' }));
  const coachOrg = new URL(coach.url()).pathname.match(/^\/orgs\/(\d+)\/nazorg$/)?.[1];
  assert.ok(coachOrg && coachOrg !== corpId, `the coach's own organisation: ${coach.url()}`);
  assert.equal((await coach.textContent('main h2')).trim(), 'Mijn kopers');
  const mine = coach.locator('table[data-buyers] tbody tr', { hasText: BUYER });
  assert.deepEqual((await mine.locator('td').allTextContents()).map((t) => t.trim()), [BUYER, ADDRESS, shown(SOLD_ON)]);
  await assertAccessible(coach, "koopcoach's Nazorg home");
  await go(coach, mine.getByRole('link', { name: BUYER }));
  assert.equal(new URL(coach.url()).pathname, `/orgs/${coachOrg}/nazorg/verkopen/${saleId}`);
  assert.equal((await facts(coach.locator('[data-sale-facts]'))).Koper, BUYER);
  assert.equal(await coach.getAttribute('[data-consent]', 'data-consent'), 'ja');
  assert.equal(await coach.locator('form[action$="/koopcoach"]').count(), 0, 'the coach does not assign coaches');
  assert.equal(await coach.getByRole('link', { name: 'Gesprek opnieuw vastleggen' }).count(), 0);
  assert.equal(await coach.locator('a[href*="/controles/"]').count(), 0, 'the corporation does the checks');
  await assertAccessible(coach, "buyer's page for the koopcoach");
  const log = coach.locator('form[action$="/logboek"]');
  await log.getByLabel('Datum', { exact: true }).fill(iso(TODAY));
  await log.getByLabel('Soort contact').fill('huisbezoek');
  await log.getByLabel('Onderwerp').fill(TOPIC);
  await log.getByLabel('Vervolg').fill('Over een maand nabellen');
  await go(coach, log.getByRole('button', { name: 'Opslaan in logboek' }));
  assert.equal(new URL(coach.url()).pathname, `/orgs/${coachOrg}/nazorg/verkopen/${saleId}`);
  assert.equal((await coach.textContent('main [role=status]')).trim(), 'Het logboek is bijgewerkt.');
  assert.deepEqual(await cells(coach.locator('table[data-log]')), [
    [shown(TODAY), 'huisbezoek', TOPIC, 'Over een maand nabellen', COACH],
  ]);
  await assertAccessible(coach, "buyer's page with the coach's log");
  // The corporation reads the same log.
  await staff.goto(`${base}${salePath}`);
  assert.deepEqual((await cells(staff.locator('table[data-log]')))[0].slice(1, 3), ['huisbezoek', TOPIC]);
  await assertAccessible(staff, "buyer's page with the coach's log, for the corporation");

  // 6. A read-only member: the counts, no buyer.
  const reader = await newPage();
  await login(reader, base, 'lezer@woonstad.test');
  await go(reader, reader.locator('nav.main-nav .menu-wide').getByRole('link', { name: 'Nazorg' }));
  assert.equal(new URL(reader.url()).pathname, `/orgs/${corpId}/nazorg`);
  assert.match(await reader.textContent('[data-read-only]'), /^U ziet hier alleen aantallen/);
  const readerCounts = await facts(reader.locator('[data-counts]'));
  // Counted too, as masked counts are shown: 1 to 4 as "minder dan 5", the rest rounded to fives (half up).
  const masked = (n) => (n >= 1 && n <= 4 ? 'minder dan 5' : String(Math.floor((n + 2) / 5) * 5));
  assert.equal(readerCounts[SOLD_COUNT], masked(Number(countsNow[SOLD_COUNT])), 'the reader counts the sale too');
  assert.equal(await reader.locator('table[data-checks]').count(), 0, 'no work list for a reader');
  assert.equal(await reader.getByRole('link', { name: 'Verkoop vastleggen' }).count(), 0);
  assert.ok(!(await reader.textContent('body')).includes(BUYER));
  await assertAccessible(reader, 'Nazorg home, read-only');
  for (const path of [salePath, `${salePath}/gesprek`, checkPath]) {
    const response = await reader.goto(`${base}${path}`);
    assert.equal(response.status(), 403, `a reader is refused ${path}`);
    assert.equal((await reader.textContent('h1')).trim(), 'Geen toegang');
    assert.ok(!(await reader.textContent('body')).includes(BUYER), `${path} does not name the buyer`);
    await assertAccessible(reader, `403 page for ${path}`);
  }

  // 7. On a phone, the buyer's page and the check do not scroll sideways.
  const phone = await newPage(PHONE);
  await login(phone, base, 'medewerker@woonstad.test');
  const tooWide = [];
  for (const path of [salePath, checkPath, `/orgs/${corpId}/nazorg`]) {
    await phone.goto(`${base}${path}`);
    tooWide.push(...(await sidewaysScroll(phone, path)));
    await assertAccessible(phone, `${path} on a phone`);
  }
  assert.deepEqual(tooWide, [], 'pages that scroll sideways on a phone');
  await phone.goto(`${base}${salePath}`);
  assert.ok((await phone.textContent('main')).includes(BUYER), "the buyer's page on a phone");

  // 8. The owner's example calculation, without an account: the contract's figures from the buyer's page.
  assert.match(exampleHref, /^\/nazorg\/rekenvoorbeeld\?/);
  assert.ok(!exampleHref.includes('Koopman'), 'the link carries figures, no person');
  const owner = await newPage();
  await owner.goto(`${base}${exampleHref}`);
  assert.equal(new URL(owner.url()).pathname, '/nazorg/rekenvoorbeeld', 'open without logging in');
  assert.match(await owner.textContent('h1'), /^Rekenvoorbeeld terugkoop/);
  assert.equal(await owner.locator('[data-buyback-lines]').count(), 0, 'no calculation before the value now');
  assert.equal(await owner.getByLabel('Koopprijs die u betaalde (€)').inputValue(), '160000,00');
  assert.equal(await owner.getByLabel('Marktwaarde bij aankoop (€)').inputValue(), '200000,00');
  assert.equal(await owner.getByLabel('Uw aandeel in de waardeontwikkeling (%)').inputValue(), '70');
  await assertAccessible(owner, 'example calculation with the contract');
  // "250.000" could be 250 euros as well as 250 thousand: the field asks again, keeping what was typed.
  await owner.getByLabel('Marktwaarde nu, zonder uw verbeteringen (€)').fill('250.000');
  await owner.getByLabel('Waarde van uw verbeteringen (€, mag leeg)').fill('10000');
  await go(owner, owner.getByRole('button', { name: 'Berekenen' }));
  assert.match(await owner.textContent('#waarde_nu-error'), /Dit bedrag is dubbelzinnig/, 'and says why');
  assert.equal(await owner.locator('#waarde_nu').inputValue(), '250.000');
  assert.equal(await owner.locator('#verbeteringen').inputValue(), '10000');
  assert.equal(await owner.locator('[data-buyback-lines]').count(), 0);
  await assertAccessible(owner, 'example calculation with a field error');
  await owner.getByLabel('Marktwaarde nu, zonder uw verbeteringen (€)').fill('250.000,00');
  await go(owner, owner.getByRole('button', { name: 'Berekenen' }));
  const lines = await owner.locator('[data-buyback-lines] tr').evaluateAll((rows) =>
    rows.map((r) => [r.querySelector('th').textContent.trim(), r.querySelector('td').textContent.trim()]),
  );
  // 160,000 + 70% of (250,000 − 200,000) + 10,000.
  assert.deepEqual(lines.find(([what]) => what.startsWith('Aandeel van de eigenaar')), [
    'Aandeel van de eigenaar (70%) in de waardeontwikkeling',
    '€ 35.000,00',
  ]);
  assert.deepEqual(lines.at(-1), ['Terugkoopprijs: koopprijs + aandeel eigenaar + verbeteringen', '€ 205.000,00']);
  await assertAccessible(owner, 'example calculation');
  // A fall in value is shared too: 70% of −20,000.
  await owner.getByLabel('Marktwaarde nu, zonder uw verbeteringen (€)').fill('180000');
  await owner.getByLabel('Waarde van uw verbeteringen (€, mag leeg)').fill('');
  await go(owner, owner.getByRole('button', { name: 'Berekenen' }));
  assert.equal(
    (await owner.locator('[data-buyback-lines] tr').last().locator('td').textContent()).trim(),
    '€ 146.000,00',
  );
});
