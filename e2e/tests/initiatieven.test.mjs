// Initiatieven (issue 22) from a submitted plan through coaching to a running initiative with a vacant unit and a
// budget grant, as the people do it: a member of a tenant organisation opens /doe-mee, follows its link to the public
// page of initiatives and brings in a plan for his organisation (first with errors: each field says so and everything
// typed stays), then writes the business plan (costs above income: the page says by how much; fixed, it adds up).
// The corporation's staff member finds it under Initiatieven, makes himself its coach and moves it idea → plan →
// agreement; a skip from a page opened earlier is refused with its reason, and so is running before any agreement.
// He lends a vacant unit from the candidates (the demo's lent shop is not offered again), sets a liveability budget
// and grants from it, records spending (refused without evidence, then with it), moves it to running and records
// this year's outcome; the budget shows granted, spent and left. The initiator sees the support and publishes a
// summary, which an anonymous visitor reads on /initiatieven without the people behind it. A read-only member sees
// the list and the initiative but no form. axe-core on every page; the initiative's page on a phone does not scroll
// sideways.
// Run alone: `node --test tests/initiatieven.test.mjs` (`npm test` runs every file).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, seriousViolations, login } from './harness.mjs';

const env = serverAndBrowser(before, after);
// bypassCSP lets axe-core be injected; the pages themselves run under the real policy in production.
const DESK = { viewport: { width: 1280, height: 900 }, bypassCSP: true };
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, bypassCSP: true };

// An invented initiative; the demo's own are a repair café, a garden and a car club.
const TITLE = 'Buurtwerkplaats De Kolk';
const DESCRIPTION = 'Een werkplaats waar buurtbewoners samen meubels opknappen en leren lassen.';
const PLACE = 'Havenkwartier, Deventer';
const BUURT = 'BU01500103';
const WHO = 'Zeven bewoners van het Havenkwartier en een meubelmaker';
const TENANT_ORG = 'Huurdersvereniging De Sleutel';
const INITIATOR = 'Dirk Bakker';
const STAFF = 'Bram Jansen';
const BUDGET = 'Leefbaarheid Havenkwartier';
const FIRST_TALK = 'Kennismaking in de werkplaats; begroting doorgenomen';
const SUMMARY = 'Elke dinsdagavond en zaterdag open: samen meubels opknappen in het Havenkwartier.';
// The demo's repair café is lent the empty shop at Beukerstraat 20; a unit lent now is no candidate.
const DEMO_LENT = 'Beukerstraat 20';

// The server counts days in Dutch time; so does the test, whatever the machine's zone.
const AMSTERDAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
const TODAY = new Date(`${AMSTERDAM_DAY}T00:00:00Z`);
const YEAR = TODAY.getUTCFullYear();
const iso = (d) => d.toISOString().slice(0, 10);
/** As the pages show a date: 04-12-2026. */
const shown = (d) => iso(d).split('-').reverse().join('-');

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
        return `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${data.join('')}`;
      });
    return { scroll: document.documentElement.scrollWidth, client, wide };
  });
  return scroll <= client ? [] : [`${name}: ${scroll}px wide in ${client}px (${[...new Set(wide)].join(', ')})`];
}

/** A definition list as label → value. */
async function facts(list) {
  return list.evaluate((dl) => {
    const out = {};
    for (const dt of dl.querySelectorAll('dt')) out[dt.textContent.trim()] = dt.nextElementSibling.textContent.trim();
    return out;
  });
}

/** The texts of a list's items as shown (what is hidden left out), whitespace folded. */
async function items(list) {
  const texts = await list.locator('li').evaluateAll((lis) => lis.map((li) => li.innerText));
  return texts.map((t) => t.replace(/\s+/g, ' ').trim());
}

/** The status notice of the page. */
async function notice(page) {
  return (await page.textContent('main [role=status]')).trim();
}

test('a plan brought in, coached to a running initiative with a vacant unit and a grant, then published', async () => {
  const base = env.server.baseUrl;

  // 1. A member of the tenant organisation: from /doe-mee to the public page of initiatives.
  const member = await newPage();
  await login(member, base, 'bestuur@desleutel.test');
  await member.goto(`${base}/doe-mee`);
  await assertAccessible(member, '/doe-mee');
  await go(member, member.locator('main [data-initiatives-link] a'));
  assert.equal(new URL(member.url()).pathname, '/initiatieven');
  assert.equal((await member.textContent('h1')).trim(), 'Kom maar op met uw plan');
  const publishedBefore = await items(member.locator('main [data-published]'));
  assert.ok(publishedBefore.some((t) => t.startsWith('Repaircafé Beukerstraat')), 'the demo shows its repair café');
  assert.ok(!publishedBefore.some((t) => t.includes(TITLE)));
  await assertAccessible(member, 'public page of initiatives, signed in');

  // 2. The plan brought in: a description missing, a buurt code too short and nothing asked. Refused, all kept.
  await go(member, member.locator('main').getByRole('link', { name: 'Plan indienen' }));
  assert.equal(new URL(member.url()).pathname, '/initiatieven/nieuw');
  assert.equal((await member.textContent('h1')).trim(), 'Plan indienen');
  await assertAccessible(member, 'new initiative form');
  const form = member.locator('main form');
  await form.getByLabel('Bij welke corporatie').selectOption({ label: 'Woonstad Voorbeeld' });
  await form.getByLabel('Naam van het initiatief').fill(TITLE);
  await form.getByLabel('Waar (adres, complex of buurt)').fill(PLACE);
  await form.getByLabel('Buurtcode').fill('BU0150');
  await form.getByLabel('Wie zitten erachter?').fill(WHO);
  await form.getByLabel('Namens').selectOption({ label: TENANT_ORG });
  const refused = await go(member, form.getByRole('button', { name: 'Indienen' }));
  assert.equal(refused.status(), 422);
  assert.equal(new URL(member.url()).pathname, '/initiatieven/nieuw');
  assert.equal((await member.textContent('#description-error')).trim(), 'Vul dit veld in.');
  assert.equal((await member.textContent('#buurt-error')).trim(), 'Een buurtcode is BU gevolgd door 8 cijfers.');
  assert.equal((await member.textContent('#needs-error')).trim(), 'Kies ten minste één.');
  assert.equal(await member.locator('.field-error').count(), 3, 'only the three wrong fields');
  assert.equal(await member.getAttribute('#buurt', 'aria-invalid'), 'true');
  const kept = { '#title': TITLE, '#place': PLACE, '#buurt': 'BU0150', '#who': WHO, '#description': '' };
  for (const [field, value] of Object.entries(kept)) {
    assert.equal(await member.locator(field).inputValue(), value, `${field} is kept as typed`);
  }
  assert.equal(await member.locator('#corporation option:checked').textContent(), 'Woonstad Voorbeeld');
  assert.equal(await member.locator('#on_behalf option:checked').textContent(), TENANT_ORG);
  await assertAccessible(member, 'new initiative form with errors');
  await form.getByLabel('Wat wilt u doen?').fill(DESCRIPTION);
  await form.getByLabel('Buurtcode').fill(BUURT.toLowerCase());
  await form.getByLabel('Ruimte').check();
  await form.getByLabel('Geld').check();
  await go(member, form.getByRole('button', { name: 'Indienen' }));
  const ownPath = new URL(member.url()).pathname;
  const id = ownPath.match(/^\/initiatieven\/mijn\/(\d+)$/)?.[1];
  assert.ok(id, `the initiator's page: ${member.url()}`);
  assert.equal(await notice(member), 'Uw initiatief is ingediend. De corporatie neemt contact met u op.');
  assert.deepEqual(await facts(member.locator('[data-own]')), {
    Corporatie: 'Woonstad Voorbeeld',
    Fase: 'Idee',
    Coach: 'Nog geen coach.',
  });
  assert.equal((await member.textContent('main [data-plan-ok]')).trim(), 'Er is nog geen plan.');
  await assertAccessible(member, "initiator's page of a new idea");

  // 3. The business plan: costs above income, the page says by how much; fixed, it adds up.
  const own = member.locator(`main form[action="${ownPath}"]`);
  await own.getByLabel('Inkomsten').fill('Bijdragen deelnemers; 1.200,00\nFonds voor buurtinitiatieven; 800');
  await own.getByLabel('Kosten').fill('Huur werkplaats; 1.500,00\nGereedschap; 900');
  await own.getByLabel('Wie draagt het risico?').fill('Stichting De Kolk');
  await go(member, own.getByRole('button', { name: 'Opslaan' }));
  assert.equal(new URL(member.url()).pathname, ownPath);
  assert.equal(await notice(member), 'Opgeslagen.');
  assert.equal(await member.getAttribute('main [data-plan-ok]', 'data-plan-ok'), 'false');
  assert.deepEqual(await items(member.locator('main [data-plan-ok]')), [
    'De kosten zijn € 400,00 hoger dan de inkomsten.',
  ]);
  assert.equal(await member.locator('#costs').inputValue(), 'Huur werkplaats; 1.500,00\nGereedschap; 900,00');
  await assertAccessible(member, "initiator's page with a plan in deficit");
  await own.getByLabel('Kosten').fill('Huur werkplaats; 1.100,00\nGereedschap; 900');
  await go(member, own.getByRole('button', { name: 'Opslaan' }));
  assert.equal(await member.getAttribute('main [data-plan-ok]', 'data-plan-ok'), 'true');
  assert.deepEqual(await items(member.locator('main [data-plan-ok]')), [
    'Het plan sluit: inkomsten € 2.000,00, kosten € 2.000,00, saldo € 0,00.',
  ]);
  await assertAccessible(member, "initiator's page with a plan that adds up");

  // 4. The corporation's staff member finds it under Initiatieven and becomes its coach.
  const staff = await newPage();
  await login(staff, base, 'medewerker@woonstad.test');
  await go(staff, staff.locator('nav.main-nav .menu-wide').getByRole('link', { name: 'Initiatieven' }));
  const corpId = new URL(staff.url()).pathname.match(/^\/orgs\/(\d+)\/initiatieven$/)?.[1];
  assert.ok(corpId, `the menu leads to the corporation's Initiatieven: ${staff.url()}`);
  const home = `/orgs/${corpId}/initiatieven`;
  const row = staff.locator('table[data-initiatives] tbody tr', { hasText: TITLE });
  assert.equal(await row.count(), 1, 'the new initiative is on the list');
  assert.equal(await row.getAttribute('data-stage'), 'idee');
  const demoStages = await staff
    .locator('table[data-initiatives] tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.dataset.stage));
  for (const stage of ['loopt', 'plan', 'beeindigd']) assert.ok(demoStages.includes(stage), `a demo one at ${stage}`);
  await assertAccessible(staff, "the corporation's Initiatieven");
  await go(staff, row.getByRole('link', { name: TITLE }));
  const path = `${home}/${id}`;
  assert.equal(new URL(staff.url()).pathname, path);
  assert.equal((await staff.textContent('h1')).trim(), TITLE);
  const initiativeFacts = await facts(staff.locator('[data-initiative]'));
  assert.equal(initiativeFacts['Ingediend door'], `${INITIATOR} (namens ${TENANT_ORG})`);
  assert.equal(initiativeFacts.Buurt, BUURT);
  assert.equal(initiativeFacts['Wat vraagt u van de corporatie?'], 'Ruimte, Geld');
  assert.equal((await staff.textContent('[data-coach]')).trim(), 'Nog geen coach.');
  assert.equal((await staff.textContent('main [data-stage]')).trim(), 'Nu: Idee');
  await assertAccessible(staff, 'initiative page, an idea');
  await staff.getByLabel('Coach (medewerker van de corporatie)').selectOption({ label: STAFF });
  await go(staff, staff.getByRole('button', { name: 'Coach opslaan' }));
  assert.equal(await notice(staff), 'De coach is opgeslagen.');
  assert.equal((await staff.textContent('[data-coach]')).trim(), STAFF);

  // A contact in the log, then idea → plan.
  const logForm = staff.locator(`main form[action="${path}/logboek"]`);
  await logForm.getByLabel('Datum').fill(iso(TODAY));
  await logForm.getByLabel('Wat is er besproken?').fill(FIRST_TALK);
  await logForm.getByLabel('Volgende stap').fill('Een pand zoeken');
  await go(staff, logForm.getByRole('button', { name: 'Opslaan in logboek' }));
  assert.equal(await notice(staff), 'Het logboek is bijgewerkt.');
  assert.deepEqual(await items(staff.locator('main [data-log]')), [
    `${shown(TODAY)} — ${FIRST_TALK} · Volgende stap: Een pand zoeken (${STAFF})`,
  ]);
  const stageForm = staff.locator(`main form[action="${path}/fase"]`);
  const moves = (await stageForm.locator('label').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
  assert.deepEqual(moves.slice(0, 2), [
    'Naar Plan',
    'Naar Beëindigd — Schrijf bij het beëindigen op wat er geleerd is.',
  ]);
  await stageForm.getByRole('radio', { name: 'Naar Plan' }).check();
  await go(staff, stageForm.getByRole('button', { name: 'Naar fase' }));
  assert.equal(await notice(staff), 'De fase is gewijzigd.');
  assert.equal((await staff.textContent('main [data-stage]')).trim(), 'Nu: Plan');
  await assertAccessible(staff, 'initiative page at the plan stage');

  // A second tab, opened now, still offers the way back to idea; meanwhile plan → agreement (the plan adds up).
  const earlier = await staff.context().newPage();
  await earlier.goto(`${base}${path}`);
  await stageForm.getByRole('radio', { name: 'Naar Afspraak' }).check();
  await go(staff, stageForm.getByRole('button', { name: 'Naar fase' }));
  assert.equal((await staff.textContent('main [data-stage]')).trim(), 'Nu: Afspraak');
  // From agreement back to idea skips the plan: refused with its reason, the stage unchanged.
  const earlierForm = earlier.locator(`main form[action="${path}/fase"]`);
  await earlierForm.getByRole('radio', { name: 'Naar Idee' }).check();
  const skip = await go(earlier, earlierForm.getByRole('button', { name: 'Naar fase' }));
  assert.equal(skip.status(), 422);
  assert.equal((await earlier.textContent('#to-error')).trim(), 'Een initiatief gaat één fase vooruit of terug.');
  assert.equal((await earlier.textContent('main [data-stage]')).trim(), 'Nu: Afspraak');
  await assertAccessible(earlier, 'a skipped stage refused');
  await earlier.close();
  // Running needs an agreement first: the page says so beside the choice, and the move is refused with it.
  const blocked =
    'Naar de fase loopt kan pas met minstens één afspraak (ruimte, geld, zelfbeheer, toestemming of advies).';
  assert.equal((await staff.textContent('[data-blocked=loopt]')).trim(), `— ${blocked}`);
  await stageForm.getByRole('radio', { name: /^Naar Loopt/ }).check();
  const early = await go(staff, stageForm.getByRole('button', { name: 'Naar fase' }));
  assert.equal(early.status(), 422);
  assert.equal((await staff.textContent('#to-error')).trim(), blocked);
  assert.equal((await staff.textContent('main [data-stage]')).trim(), 'Nu: Afspraak');
  await assertAccessible(staff, 'running refused before an agreement');

  // 5. Space: a vacant unit from the candidates; the demo's lent shop is not among them.
  await staff.goto(`${base}${path}`);
  const loanForm = staff.locator(`main form[action="${path}/ruimte"]`);
  const candidates = await loanForm
    .getByLabel('Eenheid (leeg of niet voor wonen)')
    .locator('option')
    .evaluateAll((options) => options.filter((o) => o.value).map((o) => ({ value: o.value, text: o.textContent })));
  assert.ok(candidates.length > 10, `${candidates.length} candidates`);
  assert.ok(!candidates.some((c) => c.text.startsWith(`${DEMO_LENT},`)), 'a unit lent now is not offered');
  const unit = candidates[0];
  // "address (idExtern) — why it may be lent": its kind when it is no home, or that it stands empty.
  const unitAddress = unit.text.replace(/ \(VHE\d{8}\) — .+$/, '');
  const unitId = unit.text.match(/\((VHE\d{8})\) — (.+\(\w+\)|staat leeg)/)?.[1];
  assert.ok(unitId, unit.text);
  await loanForm.getByLabel('Eenheid (leeg of niet voor wonen)').selectOption(unit.value);
  await loanForm.getByLabel('Huur per maand').fill('350');
  await loanForm.getByLabel('Korting (%)').fill('50');
  await loanForm.getByLabel('Vanaf').fill(iso(TODAY));
  await go(staff, loanForm.getByRole('button', { name: 'Uitlenen' }));
  assert.equal(await notice(staff), 'De ruimte is vastgelegd.');
  assert.deepEqual(await items(staff.locator('main [data-loans]')), [
    `${unitAddress}: huur € 350,00, korting 50%, vanaf ${shown(TODAY)}`,
  ]);
  const after = await staff
    .locator(`main form[action="${path}/ruimte"] #unit option`)
    .evaluateAll((options) => options.map((o) => o.value));
  assert.ok(!after.includes(unit.value), 'the lent unit is no candidate any more');
  await assertAccessible(staff, 'initiative page with a unit lent');
  // The unit is vacant: its page in the stock says so.
  const stock = await newPage();
  await login(stock, base, 'medewerker@woonstad.test');
  await stock.goto(`${base}/orgs/${corpId}/stock?q=${unitId}`);
  await go(stock, stock.locator('main table tbody tr').first().locator('a').first());
  const unitFacts = await facts(stock.locator('main dl.facts').first());
  assert.equal(unitFacts.idExtern, unitId);
  // The VERA name when the reference list is loaded, else the code.
  assert.match(unitFacts.Status, /^(Leegstand|LEE)\b/, `${unitId} is vacant`);
  await stock.context().close();

  // 6. Money: a liveability budget for the buurt, a grant from it, spending with evidence.
  await go(staff, staff.locator('nav.subnav').getByRole('link', { name: 'Leefbaarheidsbudgetten' }));
  assert.equal(new URL(staff.url()).pathname, `${home}/budgetten`);
  await assertAccessible(staff, 'liveability budgets');
  const budgetForm = staff.locator(`main form[action="${home}/budgetten"]`);
  await budgetForm.getByLabel('Jaar').fill(String(YEAR));
  await budgetForm.getByLabel('Gebiedscode').fill(BUURT);
  await budgetForm.getByLabel('Naam').fill(BUDGET);
  await budgetForm.getByLabel('Bedrag').fill('2500');
  await go(staff, budgetForm.getByRole('button', { name: 'Budget opslaan' }));
  assert.equal(await notice(staff), 'Opgeslagen.');
  const budgetRow = staff.locator('table[data-budgets] tbody tr', { hasText: BUDGET });
  assert.deepEqual((await budgetRow.locator('td').allTextContents()).map((t) => t.trim()), [
    String(YEAR),
    BUURT,
    BUDGET,
    '€ 2.500,00',
    '€ 0,00',
    '€ 0,00',
    '€ 2.500,00',
  ]);
  await assertAccessible(staff, 'liveability budgets with the new one');
  await staff.goto(`${base}${path}`);
  const grantForm = staff.locator(`main form[action="${path}/geld"]`);
  await grantForm.getByLabel('Budget', { exact: true }).selectOption({ label: `${BUDGET} ${YEAR} — € 2.500,00` });
  await grantForm.getByLabel('Bedrag', { exact: true }).fill('1000');
  await go(staff, grantForm.getByRole('button', { name: 'Toekennen' }));
  assert.equal(await notice(staff), 'De toekenning is vastgelegd.');
  const grantLine = `€ 1.000,00 uit ${BUDGET} ${YEAR} op ${shown(TODAY)}`;
  // The grant's line as shown, without the closed spending form's summary.
  const grantShown = async () =>
    (await items(staff.locator('main [data-grants]')))[0].replace(/ Uitgave vastleggen$/, '');
  assert.equal(await grantShown(), `${grantLine}, besteed € 0,00`);
  // Spending without evidence is refused; with the receipt described, recorded.
  const spend = async (evidence) => {
    const grant = staff.locator('main [data-grants] > li').first();
    // The form is folded away, and comes back unfolded with what was typed after a refusal.
    if (!(await grant.locator('details').evaluate((d) => d.open))) {
      await grant.locator('summary', { hasText: 'Uitgave vastleggen' }).click();
    }
    await grant.getByLabel('Datum').fill(iso(TODAY));
    await grant.getByLabel('Bedrag').fill('400');
    await grant.getByLabel('Waaraan').fill('Werkbank en lasapparaat');
    await grant.getByLabel('Bewijs').fill(evidence);
    return go(staff, grant.getByRole('button', { name: 'Uitgave opslaan' }));
  };
  const noEvidence = await spend('');
  assert.equal(noEvidence.status(), 422);
  // The message stands at the evidence field of the grant's own form, which has the focus.
  assert.match(await staff.textContent('main [data-grants] .field-error[id^="spend_evidence-"]'), /^Beschrijf de bon/);
  assert.equal(await staff.evaluate(() => document.activeElement.name), 'spend_evidence');
  await assertAccessible(staff, 'spending refused without evidence');
  await spend('Factuur 2231 van Lastechniek Deventer; kopie bij De Sleutel');
  assert.equal(await notice(staff), 'De uitgave is vastgelegd.');
  assert.equal(await grantShown(), `${grantLine}, besteed € 400,00`);

  // 7. Running now, with this year's outcome.
  await stageForm.getByRole('radio', { name: 'Naar Loopt' }).check();
  await go(staff, stageForm.getByRole('button', { name: 'Naar fase' }));
  assert.equal(await notice(staff), 'De fase is gewijzigd.');
  assert.equal((await staff.textContent('main [data-stage]')).trim(), 'Nu: Loopt');
  const outcomeForm = staff.locator(`main form[action="${path}/opbrengst"]`);
  await outcomeForm.getByLabel('Jaar', { exact: true }).fill(String(YEAR));
  await outcomeForm.getByLabel('Deelnemers').fill('25');
  await outcomeForm.getByLabel('Vrijwilligers').fill('4');
  await outcomeForm.getByLabel('Banen voor mensen met afstand tot de arbeidsmarkt').fill('2');
  await outcomeForm.getByLabel('Bezoekers').fill('120');
  await outcomeForm.getByLabel('Kort verhaal').fill('Twaalf kasten en een bank gered van de stort.');
  await go(staff, outcomeForm.getByRole('button', { name: 'Opbrengst opslaan' }));
  assert.equal(await notice(staff), 'De opbrengst is vastgelegd.');
  assert.deepEqual(await items(staff.locator('main [data-outcomes]')), [
    `${YEAR}: 25 deelnemers, 4 vrijwilligers, 2 banen, 120 bezoekers Twaalf kasten en een bank gered van de stort.`,
  ]);
  const log = await items(staff.locator('main [data-log]'));
  assert.deepEqual(log.slice(0, 3), [
    `${shown(TODAY)} — Afspraak → Loopt (${STAFF})`,
    `${shown(TODAY)} — Plan → Afspraak (${STAFF})`,
    `${shown(TODAY)} — Idee → Plan (${STAFF})`,
  ], 'the moves are in the log, newest first');
  await assertAccessible(staff, 'initiative page, running');

  // On a phone the initiative's page fits the screen.
  const phone = await newPage(PHONE);
  await login(phone, base, 'medewerker@woonstad.test');
  await phone.goto(`${base}${path}`);
  assert.deepEqual(await sidewaysScroll(phone, 'initiative page on a phone'), []);
  await assertAccessible(phone, 'initiative page on a phone');
  await phone.context().close();

  // The budget shows what was granted, spent and is left; the home page the outcome for the buurt.
  await staff.goto(`${base}${home}/budgetten`);
  assert.deepEqual(
    (await staff.locator('table[data-budgets] tbody tr', { hasText: BUDGET }).locator('td').allTextContents()).map(
      (t) => t.trim(),
    ),
    [String(YEAR), BUURT, BUDGET, '€ 2.500,00', '€ 1.000,00', '€ 400,00', '€ 1.500,00'],
  );
  await staff.goto(`${base}${home}`);
  const outcomeRow = staff.locator('table[data-outcomes] tbody tr', { hasText: BUURT });
  assert.deepEqual((await outcomeRow.locator('td').allTextContents()).map((t) => t.trim()), [
    BUURT,
    String(YEAR),
    '1',
    '25',
    '4',
    '2',
    '120',
  ]);
  const listed = staff.locator('table[data-initiatives] tbody tr', { hasText: TITLE });
  assert.equal(await listed.getAttribute('data-stage'), 'loopt');
  await assertAccessible(staff, "the corporation's Initiatieven with the outcome");
  await staff.context().close();

  // 8. The initiator sees the support and publishes a summary.
  await member.goto(`${base}${ownPath}`);
  // The page is named after the initiative (it read only "Uw initiatief").
  assert.equal((await member.textContent('h1')).trim(), TITLE);
  const ownFacts = await facts(member.locator('[data-own]'));
  assert.deepEqual(ownFacts, { Corporatie: 'Woonstad Voorbeeld', Fase: 'Loopt', Coach: STAFF });
  assert.equal(await member.locator(`main form[action="${ownPath}"]`).count(), 0, 'past the plan, the coach edits');
  const support = (await member.textContent('main section[aria-labelledby=support-h]')).replace(/\s+/g, ' ');
  assert.ok(support.includes(`${unitAddress}: huur € 350,00, korting 50%`), support);
  assert.ok(support.includes(`${grantLine}, besteed € 400,00`), support);
  assert.ok(support.includes(`${YEAR}: 25 deelnemers`), support);
  await member.getByLabel('Samenvatting voor de openbare pagina').fill(SUMMARY);
  await go(member, member.getByRole('button', { name: 'Openbaar maken' }));
  // Asked once more, with what goes public.
  assert.ok((await member.textContent('[data-confirm]')).includes(SUMMARY));
  await go(member, member.getByRole('button', { name: 'Ja, maak openbaar' }));
  assert.equal(await notice(member), 'Het initiatief is openbaar gemaakt.');
  const onPublic = (await member.textContent('main p[data-published]')).trim();
  assert.equal(onPublic, 'Dit initiatief staat op de openbare pagina.');
  await assertAccessible(member, "initiator's page, published");
  await member.context().close();

  // 9. An anonymous visitor reads it on the public page: name, stage and summary, not the people.
  const visitor = await newPage();
  await visitor.goto(`${base}/initiatieven`);
  assert.equal(new URL(visitor.url()).pathname, '/initiatieven');
  const card = visitor.locator('main [data-published] li', { hasText: TITLE });
  assert.equal(await card.count(), 1);
  assert.equal((await card.locator('h3').textContent()).trim(), TITLE);
  assert.equal((await card.locator('.badge').textContent()).trim(), 'Loopt');
  assert.ok((await card.textContent()).includes(SUMMARY));
  const publicText = await visitor.textContent('main');
  for (const person of [WHO, INITIATOR, STAFF, DESCRIPTION]) {
    assert.ok(!publicText.includes(person), `the public page does not show ${person}`);
  }
  assert.equal(await visitor.locator('main').getByRole('link', { name: 'Plan indienen' }).count(), 1);
  await assertAccessible(visitor, 'public page of initiatives, anonymous');
  await visitor.context().close();
});

test('a read-only member sees the initiatives but no form', async () => {
  const base = env.server.baseUrl;
  const reader = await newPage();
  await login(reader, base, 'lezer@woonstad.test');
  await go(reader, reader.locator('nav.main-nav .menu-wide').getByRole('link', { name: 'Initiatieven' }));
  const home = new URL(reader.url()).pathname;
  assert.match(home, /^\/orgs\/\d+\/initiatieven$/);
  const rows = reader.locator('table[data-initiatives] tbody tr');
  assert.ok((await rows.count()) >= 3, 'the demo initiatives are listed');
  assert.equal(await reader.locator('main form').count(), 0, 'no form on the list');
  await assertAccessible(reader, 'Initiatieven, read-only');
  await go(reader, rows.filter({ hasText: 'Repaircafé Beukerstraat' }).getByRole('link'));
  assert.match(new URL(reader.url()).pathname, new RegExp(`^${home}/\\d+$`));
  assert.equal((await reader.textContent('h1')).trim(), 'Repaircafé Beukerstraat');
  assert.equal((await reader.textContent('main [data-stage]')).trim(), 'Nu: Loopt');
  assert.ok((await items(reader.locator('main [data-loans]')))[0].startsWith('Beukerstraat 20'));
  assert.equal(await reader.locator('main form').count(), 0, 'no form on the initiative');
  assert.equal(await reader.locator('main details').count(), 0, 'no hidden form either');
  await assertAccessible(reader, 'initiative, read-only');
  await go(reader, reader.locator('nav.subnav').getByRole('link', { name: 'Leefbaarheidsbudgetten' }));
  assert.ok((await reader.locator('table[data-budgets] tbody tr').count()) >= 1);
  assert.equal(await reader.locator('main form').count(), 0, 'no form on the budgets');
  await assertAccessible(reader, 'liveability budgets, read-only');
  await reader.context().close();
});
