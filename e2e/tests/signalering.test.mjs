// Vroegsignalering from the landlord's ledger to the municipality's result and back, as the people do it: the
// corporation's staff finds the module in the menu, takes the template, brings in a broken ledger (refused with each
// problem by line and column, nothing changed) and then a good one of its own stock in Deventer; the verdicts show
// the household that meets every condition as signalled and the one that objected as not, with the reason. The
// municipality hears only that signals wait, finds the household in its inbox by name, records a contact attempt and
// a result that it sees summarised first (nothing is pre-selected, nothing recorded before the confirming button).
// The landlord learns only "Opgepakt (date)", never the kind of help, and pauses its collection. A read-only member
// reaches the module's home and figures but no page with persons (a 403), and never reads the tenant's name.
// axe-core on every page; the inbox and the signal on a phone do not scroll sideways.
// Run alone: `node --test tests/signalering.test.mjs` (`npm test` runs every file).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverAndBrowser, seriousViolations, login } from './harness.mjs';

const env = serverAndBrowser(before, after);
// bypassCSP lets axe-core be injected; the pages themselves run under the real policy in production.
const DESK = { viewport: { width: 1280, height: 900 }, bypassCSP: true };
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, bypassCSP: true };
const DATE = /\d{2}-\d{2}-\d{4}/;
// Invented people, with contracts the demo does not use (its own are "HC" + the unit's idExtern).
const TENANT = 'Sanne Oosterhuis';
const OBJECTOR = 'Ruben Veldkamp';
const CONTRACT = 'E2E-0001';
const OBJECTED = 'E2E-0002';
// The columns of docs/ledger-format.md, in its order: the template's header.
const HEADER =
  'contractnummer;eenheid;naam;adres;telefoon;email;bedrag;achterstandSinds;aanmaningDatum;aanbodDatum;' +
  'contactpogingDatum;contactpogingSoort;contactBereikt;schuldhulpGewezen;bezwaar;regeling';

// The server counts days in Dutch time; so does the test, whatever the machine's zone.
const AMSTERDAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
const TODAY = new Date(`${AMSTERDAM_DAY}T00:00:00Z`);
const daysAgo = (n) => new Date(TODAY.getTime() - n * 86_400_000);
const iso = (d) => d.toISOString().slice(0, 10);
/** As a Dutch ERP writes a date in the ledger: 4-12-2026. */
const ledgerDate = (d) => `${d.getUTCDate()}-${d.getUTCMonth() + 1}-${d.getUTCFullYear()}`;
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
  await Promise.all([page.waitForNavigation(), locator.click()]);
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

/** A ledger row with every condition met unless `over` says otherwise. */
function ledgerRow(over) {
  const row = {
    contractnummer: '',
    eenheid: '',
    naam: '',
    adres: '',
    telefoon: '06 12345678',
    email: '',
    bedrag: '612,40',
    achterstandSinds: ledgerDate(daysAgo(120)),
    aanmaningDatum: ledgerDate(daysAgo(60)),
    aanbodDatum: ledgerDate(daysAgo(45)),
    contactpogingDatum: ledgerDate(daysAgo(42)),
    contactpogingSoort: 'telefoon',
    contactBereikt: 'nee',
    schuldhulpGewezen: 'ja',
    bezwaar: 'nee',
    regeling: 'geen',
    ...over,
  };
  return HEADER.split(';').map((column) => row[column]).join(';');
}

test('a ledger signals a household; the municipality picks it up; the landlord learns only that', async () => {
  const base = env.server.baseUrl;
  const dir = mkdtempSync(join(tmpdir(), 'vh-ledger-'));
  try {
    // 1. The corporation's staff: the units, the module, the template.
    const staff = await newPage();
    await login(staff, base, 'medewerker@woonstad.test');
    await go(staff, staff.locator('nav.main-nav .menu-wide').getByRole('link', { name: 'Signalering' }));
    const corpId = new URL(staff.url()).pathname.match(/^\/orgs\/(\d+)\/signalering$/)?.[1];
    assert.ok(corpId, `the menu leads to the corporation's Signalering: ${staff.url()}`);
    assert.equal((await staff.textContent('h1')).trim(), 'Signalering');
    await assertAccessible(staff, 'Signalering home of the corporation');
    const ledgers = staff.getByRole('table').filter({ has: staff.getByRole('columnheader', { name: 'Bestand' }) });
    const ledgersBefore = await cells(ledgers);
    assert.ok(ledgersBefore.length > 0, 'the demo brought in ledgers before');

    // Two dwellings of the stock in Deventer (GM0150, the gemeente of Gemeente Voorbeeldstad), as the unit list shows.
    const units = await newPage();
    await login(units, base, 'medewerker@woonstad.test');
    await units.goto(`${base}/orgs/${corpId}/stock?gemeente=GM0150&soort=WOO`);
    const [first, second] = await units.locator('main table tbody tr').evaluateAll((rows) =>
      rows.slice(0, 2).map((row) => {
        const td = row.querySelectorAll('td');
        return {
          id: td[0].querySelector('.muted').textContent.trim(),
          street: td[0].querySelector('a').textContent.trim(),
          postcode: td[1].textContent.trim(),
          town: td[2].textContent.trim(),
        };
      }),
    );
    assert.equal(first.town, 'Deventer', `a unit in Deventer: ${JSON.stringify(first)}`);
    assert.match(first.id, /^VHE\d{8}$/);
    await assertAccessible(units, 'unit list');
    await units.context().close();

    const [download] = await Promise.all([
      staff.waitForEvent('download'),
      staff.getByRole('link', { name: 'Sjabloon downloaden' }).click(),
    ]);
    const template = readFileSync(await download.path(), 'utf8');
    assert.equal(template.trim(), HEADER, 'the template has the documented header');

    // A broken ledger is refused whole, every problem by line and column.
    const broken = join(dir, 'grootboek-fout.csv');
    writeFileSync(
      broken,
      [
        HEADER,
        ledgerRow({ contractnummer: CONTRACT, eenheid: first.id, naam: TENANT }),
        ledgerRow({ contractnummer: OBJECTED, eenheid: second.id, naam: OBJECTOR, achterstandSinds: '31-2-2026' }),
        ledgerRow({ contractnummer: 'E2E-0003', eenheid: second.id, naam: 'Iemand Anders', contactBereikt: 'misschien' }),
      ].join('\r\n') + '\r\n',
    );
    await staff.getByLabel('Grootboekbestand (CSV)').setInputFiles(broken);
    await go(staff, staff.getByRole('button', { name: 'Inbrengen en beslissen' }));
    assert.equal((await staff.textContent('h1')).trim(), 'Grootboek niet ingebracht');
    const refusal = await staff.textContent('[data-ledger-refused]');
    assert.match(refusal, /Het bestand grootboek-fout\.csv is niet ingebracht; er is niets veranderd\./);
    assert.match(refusal, /Er zijn 2 fouten gevonden\./);
    assert.deepEqual(await cells(staff.locator('table[data-problems]')), [
      ['3', 'achterstandSinds', '31-2-2026', 'is geschreven als datum, maar die dag bestaat niet (of ligt voor 1900 of na 2199)'],
      ['4', 'contactBereikt', 'misschien', 'moet ja of nee zijn'],
    ]);
    await assertAccessible(staff, 'refused ledger');
    await go(staff, staff.getByRole('navigation', { name: 'Signalering' }).getByRole('link', { name: 'Overzicht' }));
    assert.deepEqual(await cells(ledgers), ledgersBefore, 'the refused ledger changed nothing');

    // The good ledger: one household meets every condition, the other objected.
    const good = join(dir, 'grootboek-e2e.csv');
    writeFileSync(
      good,
      [
        HEADER,
        ledgerRow({ contractnummer: CONTRACT, eenheid: first.id, naam: TENANT, email: 's.oosterhuis@example.nl' }),
        ledgerRow({ contractnummer: OBJECTED, eenheid: second.id, naam: OBJECTOR, bedrag: '€ 1.234,56', bezwaar: 'ja' }),
      ].join('\r\n') + '\r\n',
    );
    await staff.getByLabel('Grootboekbestand (CSV)').setInputFiles(good);
    await go(staff, staff.getByRole('button', { name: 'Inbrengen en beslissen' }));
    assert.equal(new URL(staff.url()).pathname, `/orgs/${corpId}/signalering/grootboek`);
    assert.equal((await staff.textContent('h1')).trim(), 'Besluit per huishouden');
    assert.match(await staff.textContent('main [role=status]'), /Het grootboek is ingebracht en per huishouden beslist\./);
    // Decided, not sent: the page says what sending will do, and only the button sends.
    const pending = staff.locator('[data-pending]');
    assert.match(
      await pending.textContent(),
      new RegExp(`Grootboek grootboek-e2e\\.csv van ${shown(TODAY)}: 2 huishoudens, waarvan 1 gesignaleerd wordt\\.`),
    );
    assert.deepEqual(
      (await pending.locator('[data-summary] li').allTextContents()).map((t) => t.trim()),
      ['1 signaal naar Gemeente Voorbeeldstad'],
    );
    await assertAccessible(staff, 'verdicts page with the ledger waiting for its confirmation');
    await go(staff, pending.getByRole('button', { name: 'Signalen versturen' }));
    assert.match(await staff.textContent('main [role=status]'), /De signalen zijn verstuurd\./);
    assert.equal(await staff.locator('[data-pending]').count(), 0);
    assert.match(
      await staff.textContent('[data-last-ledger]'),
      new RegExp(`^Grootboek van ${shown(TODAY)}: 2 huishoudens, 1 gesignaleerd, \\d+ achterstanden opgelost`),
    );
    assert.equal((await staff.textContent('[data-count]')).trim(), '2 huishoudens in deze selectie.');
    const signalled = staff.locator(`tr[data-contract="${CONTRACT}"]`);
    const signalledCells = (await signalled.locator('td').allTextContents()).map((t) => t.trim());
    assert.deepEqual(signalledCells.slice(1, 6), [CONTRACT, TENANT, first.id, '€ 612,40', shown(daysAgo(120))]);
    assert.equal(await signalled.locator('[data-verdict]').getAttribute('data-verdict'), 'signalled');
    assert.equal(signalledCells[6], 'Gesignaleerd');
    const held = staff.locator(`tr[data-contract="${OBJECTED}"]`);
    assert.equal(await held.locator('[data-verdict]').getAttribute('data-verdict'), 'held');
    assert.deepEqual(
      (await held.locator('li').allTextContents()).map((t) => t.trim()),
      ['niet gesignaleerd: de huurder heeft bezwaar gemaakt'],
    );
    await assertAccessible(staff, 'verdicts page');
    await go(staff, staff.getByRole('navigation', { name: 'Selectie' }).getByRole('link', { name: 'Niet gesignaleerd' }));
    assert.deepEqual(
      await staff.locator('table[data-verdicts] tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.contract)),
      [OBJECTED],
      'the selection of households not signalled',
    );
    await assertAccessible(staff, 'verdicts not signalled');

    // 2. The municipality hears that signals wait, and nothing more.
    const gm = await newPage();
    await login(gm, base, 'beleid@voorbeeldstad.test');
    assert.match(await gm.textContent('header .notices-link'), /ongelezen melding/);
    await go(gm, gm.locator('header a.notices-link'));
    const notices = await gm.textContent('main');
    assert.match(notices, /Er wachten nieuwe signalen van vroegsignalering/);
    assert.ok(!notices.includes(TENANT) && !notices.includes(first.street), 'the notice names no one');
    await assertAccessible(gm, 'notices');
    await go(gm, gm.getByRole('link', { name: 'Er wachten nieuwe signalen van vroegsignalering' }).first());
    const gmId = new URL(gm.url()).pathname.match(/^\/orgs\/(\d+)\/signalering\/inbox$/)?.[1];
    assert.ok(gmId, `the notice leads to the inbox: ${gm.url()}`);
    assert.equal((await gm.textContent('h1')).trim(), 'Inbox');
    await assertAccessible(gm, 'inbox');
    const row = gm.locator('table[data-inbox] tbody tr', { hasText: TENANT });
    assert.equal(await row.count(), 1, 'the household is in the inbox');
    const inboxCells = (await row.locator('td').allTextContents()).map((t) => t.trim());
    assert.deepEqual(inboxCells.slice(1), [
      TENANT,
      `${first.street}, ${first.postcode} ${first.town}`,
      '€ 612,40',
      shown(daysAgo(120)),
      'Woonstad Voorbeeld',
      shown(TODAY),
    ]);
    assert.equal(await gm.locator('table[data-inbox]', { hasText: OBJECTOR }).count(), 0, 'the objector is not sent');
    // The household's name is the link (the reference number was).
    await go(gm, row.getByRole('link', { name: TENANT }));
    const signalPath = new URL(gm.url()).pathname;
    const signalId = signalPath.match(new RegExp(`^/orgs/${gmId}/signalering/inbox/(\\d+)$`))?.[1];
    assert.ok(signalId, `the signal's page: ${gm.url()}`);
    assert.equal((await gm.textContent('h1')).trim(), `Signaal ${signalId}`);
    const facts = await gm.textContent('[data-signal]');
    for (const part of [TENANT, '06 12345678', 's.oosterhuis@example.nl', '€ 612,40', 'Woonstad Voorbeeld']) {
      assert.ok(facts.includes(part), `the signal carries ${part}: ${facts}`);
    }
    assert.match(facts, /\(BAG \d{16}\)/, "the stock's address with its BAG id");
    assert.match(await gm.textContent('main'), /Nog geen contactpogingen vastgelegd\./);
    await assertAccessible(gm, 'signal page');

    // A contact attempt.
    const contact = gm.locator(`form[action$="/inbox/${signalId}/contact"]`);
    await contact.getByLabel('Soort').selectOption({ label: 'Telefoon' });
    await contact.getByLabel('Datum').fill(iso(TODAY));
    await contact.getByLabel('Dagdeel').selectOption({ label: 'Middag' });
    await contact.getByLabel('Ja, bereikt').check();
    await go(gm, contact.getByRole('button', { name: 'Contactpoging opslaan' }));
    assert.equal(new URL(gm.url()).pathname, signalPath);
    const contacts = await cells(gm.locator('table[data-contacts]'));
    assert.equal(contacts.length, 1, 'one contact attempt');
    assert.deepEqual(contacts[0].slice(0, 4), [shown(TODAY), 'Middag', 'Telefoon', 'Ja, bereikt']);
    assert.match(contacts[0][4], /^Fatima el Amrani\b/, 'with who recorded it');

    // The result: chosen from the national list, nothing pre-selected; summarised before it is recorded.
    const outcome = gm.locator('form[data-outcome-form]');
    const choice = outcome.getByLabel('Resultaat');
    assert.equal(await choice.inputValue(), '', 'no result is pre-selected');
    assert.equal(await choice.locator('option[selected]').count(), 0);
    await choice.selectOption({ label: 'Opgepakt: betalingsregeling getroffen' });
    await outcome.getByLabel('Datum').fill(iso(TODAY));
    await go(gm, outcome.getByRole('button', { name: 'Controleren' }));
    assert.match(
      await outcome.locator('[data-summary]').textContent(),
      new RegExp(
        '^Resultaat: Opgepakt: betalingsregeling getroffen\\. De verhuurder ziet: opgepakt\\. ' +
          `Het signaal wordt afgesloten en op ${DATE.source} verwijderd\\.$`,
      ),
    );
    assert.equal(await gm.evaluate(() => document.activeElement.closest('[data-outcome-form] [data-summary]') !== null), true);
    // What is confirmed is what the summary says: the choice is no longer editable once it is shown.
    assert.equal(await outcome.getByLabel('Resultaat').count(), 0, 'the result is fixed while it is confirmed');
    assert.equal(await outcome.locator('input[type=hidden][name=outcome]').inputValue(), 'opgepakt_betalingsregeling');
    assert.equal(await gm.locator('[data-result]').count(), 0, 'nothing recorded yet');
    await assertAccessible(gm, 'signal page with the summary of the result');
    await staff.goto(`${base}/orgs/${corpId}/signalering/verzonden`);
    const sentRow = staff.locator('table[data-sent] tbody tr', { hasText: CONTRACT });
    assert.equal((await sentRow.locator('[data-result]').textContent()).trim(), 'Wacht op de gemeente');
    await go(gm, outcome.getByRole('button', { name: 'Resultaat vastleggen' }));
    assert.equal(new URL(gm.url()).pathname, signalPath);
    assert.equal(
      (await gm.textContent('[data-result]')).trim(),
      `Opgepakt: betalingsregeling getroffen (${shown(TODAY)})`,
    );
    assert.equal(await gm.locator('form[data-outcome-form]').count(), 0, 'a closing result ends the work');
    await assertAccessible(gm, 'signal page with its result');

    // 3. The landlord learns that it was picked up, and when; not how.
    await staff.reload();
    assert.equal((await sentRow.locator('[data-result]').textContent()).trim(), `Opgepakt (${shown(TODAY)})`);
    assert.ok(!/betalingsregeling/i.test(await staff.textContent('body')), 'the list does not say how');
    await assertAccessible(staff, 'sent signals');
    await go(staff, sentRow.getByRole('link', { name: CONTRACT }));
    assert.equal((await staff.textContent('h1')).trim(), `Signaal voor contract ${CONTRACT}`);
    assert.equal((await staff.textContent('[data-result]')).trim(), `Opgepakt (${shown(TODAY)})`);
    assert.ok(!/betalingsregeling/i.test(await staff.textContent('body')), 'the signal does not say how');
    await assertAccessible(staff, 'sent signal');
    await go(staff, staff.getByRole('button', { name: 'Incasso pauzeren' }));
    assert.equal((await staff.textContent('[data-paused]')).trim(), `Incasso gepauzeerd sinds ${shown(TODAY)}.`);
    assert.equal(await staff.getByRole('button', { name: 'Incasso hervatten' }).count(), 1);
    assert.ok(!/betalingsregeling/i.test(await staff.textContent('body')));
    await assertAccessible(staff, 'sent signal with collection paused');

    // 4. A read-only member: the home and the figures, counts only; no page with persons.
    const reader = await newPage();
    await login(reader, base, 'lezer@woonstad.test');
    await go(reader, reader.locator('nav.main-nav .menu-wide').getByRole('link', { name: 'Signalering' }));
    assert.equal(new URL(reader.url()).pathname, `/orgs/${corpId}/signalering`);
    assert.match(await reader.textContent('[data-read-only]'), /U ziet hier alleen aantallen\./);
    const sub = reader.getByRole('navigation', { name: 'Signalering' }).getByRole('link');
    assert.deepEqual((await sub.allTextContents()).map((t) => t.trim()), ['Overzicht', 'Cijfers']);
    assert.equal(await reader.getByLabel('Grootboekbestand (CSV)').count(), 0, 'no upload for a reader');
    assert.ok(!(await reader.textContent('body')).includes(TENANT));
    await assertAccessible(reader, 'Signalering home, read-only');
    await go(reader, reader.getByRole('navigation', { name: 'Signalering' }).getByRole('link', { name: 'Cijfers' }));
    assert.equal((await reader.textContent('h1')).trim(), 'Cijfers');
    assert.ok(!(await reader.textContent('body')).includes(TENANT));
    await assertAccessible(reader, 'figures, read-only');
    for (const path of ['grootboek', 'verzonden']) {
      const response = await reader.goto(`${base}/orgs/${corpId}/signalering/${path}`);
      assert.equal(response.status(), 403, `a reader is refused ${path}`);
      assert.equal((await reader.textContent('h1')).trim(), 'Geen toegang');
      assert.ok(!(await reader.textContent('body')).includes(TENANT));
      await assertAccessible(reader, `403 page for ${path}`);
    }

    // On a phone, the inbox and the signal with its contact attempt do not scroll sideways.
    const phone = await newPage(PHONE);
    await login(phone, base, 'beleid@voorbeeldstad.test');
    const tooWide = [];
    // The inbox with its open signals (this one is closed now: the filter "Afgesloten" has it).
    for (const path of [`/orgs/${gmId}/signalering/inbox`, `/orgs/${gmId}/signalering/inbox?bak=gesloten`, signalPath]) {
      await phone.goto(`${base}${path}`);
      assert.ok((await phone.locator('main tbody tr').count()) > 0, `${path} shows signals`);
      tooWide.push(...(await sidewaysScroll(phone, path)));
      await assertAccessible(phone, `${path} on a phone`);
    }
    assert.ok((await phone.textContent('main')).includes(TENANT), 'the signal on a phone');
    assert.deepEqual(tooWide, [], 'pages that scroll sideways on a phone');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// A soft signal goes only to a partner the corporation's administrators put on its list of referral partners: the
// demo lists the wijkteam, not the Werkgeversservicepunt (a social-return coordinator). The administrator adds and
// takes off a partner through the page's picker; staff see the list but cannot change it, and the referral form
// offers exactly the listed partners.
test('a soft signal can go only to a referral partner the corporation listed', async () => {
  const base = env.server.baseUrl;
  const admin = await newPage();
  await login(admin, base, 'admin@woonstad.test');
  await go(admin, admin.locator('nav.main-nav .menu-wide').getByRole('link', { name: 'Signalering' }));
  const nav = admin.getByRole('navigation', { name: 'Signalering' });
  await go(admin, nav.getByRole('link', { name: 'Verwijspartners' }));
  assert.equal((await admin.textContent('h1')).trim(), 'Verwijspartners');
  const listed = async (page) =>
    (await page.locator('[data-partners] li').allTextContents()).map((t) => t.trim().replace(/\s*Van de lijst halen \(.*\)$/, ''));
  assert.deepEqual(await listed(admin), ['Wijkteam Centrum']);
  await assertAccessible(admin, 'referral partners');

  // Added through the picker, as a user does; then taken off again.
  await admin.locator('#partner_id-combobox').focus();
  await admin.keyboard.type('werkgevers');
  await admin.keyboard.press('ArrowDown');
  await admin.keyboard.press('Enter');
  await go(admin, admin.getByRole('button', { name: 'Op de lijst zetten' }));
  assert.match(await admin.textContent('[role=status]'), /Op de lijst gezet: Werkgeversservicepunt Voorbeeldstad\./);
  assert.deepEqual(await listed(admin), ['Werkgeversservicepunt Voorbeeldstad', 'Wijkteam Centrum']);
  await assertAccessible(admin, 'referral partners after adding');
  // The button's name begins with what it shows, and names the partner (label in name).
  await go(admin, admin.getByRole('button', { name: 'Van de lijst halen (Werkgeversservicepunt Voorbeeldstad)' }));
  assert.match(await admin.textContent('[role=status]'), /Van de lijst gehaald: Werkgeversservicepunt Voorbeeldstad\./);
  assert.deepEqual(await listed(admin), ['Wijkteam Centrum']);

  // Staff: the list without buttons, and the referral form of an internal signal with the wijkteam only.
  const staff = await newPage();
  await login(staff, base, 'medewerker@woonstad.test');
  const corpId = new URL(admin.url()).pathname.match(/^\/orgs\/(\d+)\//)?.[1];
  await staff.goto(`${base}/orgs/${corpId}/signalering/verwijspartners`);
  assert.deepEqual(await listed(staff), ['Wijkteam Centrum']);
  assert.equal(await staff.locator('main form').count(), 0, 'staff cannot change the list');
  await staff.goto(`${base}/orgs/${corpId}/signalering/zacht`);
  await go(staff, staff.locator('main tbody a', { hasText: 'Bewoner 2e verdieping' }).first());
  const offered = await staff.locator('#partner option').allTextContents();
  assert.deepEqual(offered.filter((o) => o !== '—'), ['Wijkteam Centrum']);
  await assertAccessible(staff, 'a soft signal with its referral form');
});
