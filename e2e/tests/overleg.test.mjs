// A board member of a tenant organisation answers an advice request on a phone, in the evening; the corporation
// does not follow the advice and replies with its reasons; the case shows from when the plan may be carried out.
import { test } from 'node:test';
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverAndBrowser, seriousViolations, login } from './harness.mjs';

const env = serverAndBrowser(before, after);
const dir = mkdtempSync(join(tmpdir(), 'vh-e2e-overleg-'));
// bypassCSP lets axe-core be injected; the pages themselves run under the real policy in production.
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, bypassCSP: true };
// The demo names its plans after the year of the coming July (`plan_year` in crates/demo/src/overleg_cases.rs).
const today = new Date();
const PLAN_YEAR = today.getMonth() >= 6 ? today.getFullYear() + 1 : today.getFullYear();
const CLEANING = `Servicekosten ${PLAN_YEAR}: schoonmaak trappenhuizen`;

/** The board member of De Sleutel on a phone, on the consent request about cleaning that waits for an answer. */
async function cleaningCaseOnPhone() {
  const phone = await env.browser.newContext(PHONE);
  const page = await phone.newPage();
  await login(page, env.server.baseUrl, 'bestuur@desleutel.test');
  await page.goto(`${env.server.baseUrl}/orgs/2/overleg`);
  await page.click(`text=${CLEANING}`);
  await page.waitForURL(/\/overleg\/\d+$/);
  return { phone, page, caseUrl: page.url() };
}

/** The page fits the screen: nothing scrolls sideways. */
async function fitsWidth(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

test('a board member answers an advice request on a phone and the corporation replies', async () => {
  const phone = await env.browser.newContext(PHONE);
  const page = await phone.newPage();
  await login(page, env.server.baseUrl, 'bestuur@desleutel.test');
  await page.goto(`${env.server.baseUrl}/orgs/2/overleg`);
  assert.match(await page.textContent('h1'), /Overleg — Huurdersvereniging De Sleutel/);
  assert.match(await page.textContent('main'), /Wat ligt er voor ons/);
  assert.ok(await fitsWidth(page), 'the list fits a phone screen');
  assert.deepEqual(await seriousViolations(page), [], 'what awaits us');

  await page.click('text=Renovatie en isolatie complex De Linde');
  await page.waitForURL(/\/overleg\/\d+$/);
  const caseUrl = page.url();
  assert.match(await page.textContent('main'), /Antwoord uiterlijk/);
  assert.match(await page.textContent('main'), /6 weken na ontvangst \(art\. 5 Overlegwet\)/);
  assert.ok(await fitsWidth(page), 'the case fits a phone screen');
  assert.deepEqual(await seriousViolations(page), [], 'case page on a phone');

  // No answer is chosen in advance: every radio is empty on load.
  const radios = await page.$$eval('input[name="answer_kind"]', (inputs) => inputs.map((i) => i.checked));
  assert.ok(radios.length > 0, 'the answer form has its choices');
  assert.deepEqual(radios, radios.map(() => false), 'no answer is pre-selected');

  // An advice without its text comes back with a clear message and the chosen answer kept.
  await page.check('#answer-advice');
  await Promise.all([page.waitForLoadState('load'), page.click('text=Antwoord controleren >> nth=-1')]);
  assert.match(await page.textContent('main'), /Schrijf het advies, de zienswijze of de voorwaarden uit/);
  assert.ok(await page.isChecked('#answer-advice'));

  const advice = join(dir, 'advies.pdf');
  writeFileSync(advice, '%PDF-1.4\n% advies van de huurdersvereniging\n%%EOF\n');
  await page.fill('#answer_text', 'Wij adviseren positief, mits de vloeren ook worden geïsoleerd.');
  await Promise.all([page.waitForLoadState('load'), page.click('text=Antwoord controleren >> nth=-1')]);
  // The confirmation step says what the board gives before anything is sent.
  assert.match(await page.textContent('h1'), /Controleer en bevestig/);
  assert.match(
    await page.textContent('[data-summary]'),
    /U geeft advies over “Renovatie en isolatie complex De Linde”; de corporatie besluit uiterlijk \d{2}-\d{2}-\d{4}/,
  );
  // The focus is on that summary (it stayed at the top of the page): what a screen reader reads next.
  assert.equal(await page.evaluate(() => document.activeElement.hasAttribute('data-summary')), true);
  assert.ok(await fitsWidth(page), 'the confirmation fits a phone screen');
  assert.deepEqual(await seriousViolations(page), [], 'confirmation on a phone');
  await page.setInputFiles('#documents', advice);
  await Promise.all([page.waitForURL(/notice=answer_sent/), page.click('text=Bevestigen en versturen')]);
  assert.match(await page.textContent('main'), /Uw antwoord is verstuurd; de corporatie krijgt er bericht van\./);
  const answered = await page.textContent('main');
  assert.match(answered, /Wacht op besluit/);
  assert.match(answered, /mits de vloeren ook worden geïsoleerd/);
  assert.match(answered, /advies\.pdf/);

  // The corporation decides at its desk.
  const desk = await env.browser.newContext({ bypassCSP: true });
  const office = await desk.newPage();
  await login(office, env.server.baseUrl, 'admin@woonstad.test');
  await office.goto(`${env.server.baseUrl}/orgs/1/overleg`);
  await office.click('text=Renovatie en isolatie complex De Linde');
  await office.waitForURL(/\/overleg\/\d+$/);
  assert.match(await office.textContent('main'), /Besluit en gemotiveerde reactie uiterlijk/);
  await office.selectOption('#decision', 'not_followed');
  await office.fill('#reply_text', 'De vloeren zijn in 2019 al geïsoleerd; dat staat in het bijgevoegde rapport.');
  await Promise.all([office.waitForLoadState('load'), office.click('text=Besluit controleren >> nth=-1')]);
  assert.match(await office.textContent('[data-summary]'), /U volgt het advies over “Renovatie en isolatie complex De Linde” niet/);
  await Promise.all([office.waitForURL(/notice=decision_sent/), office.click('text=Bevestigen en versturen')]);
  const decided = await office.textContent('main');
  assert.match(decided, /Advies niet gevolgd/);
  assert.match(decided, /Mag worden uitgevoerd vanaf/);
  assert.match(decided, /3 dagen na ontvangst van de gemotiveerde reactie/);
  assert.deepEqual(await seriousViolations(office), [], 'decided case');

  // Back on the phone, the organisation reads the reply and prints the case for its archive.
  await page.goto(caseUrl);
  assert.match(await page.textContent('main'), /De vloeren zijn in 2019 al geïsoleerd/);
  assert.match(await page.textContent('main'), /Afgerond/);
  await page.click('text=Afdrukken of bewaren als PDF');
  await page.waitForURL(/afdrukken$/);
  assert.match(await page.textContent('main'), /Verloop/);
  assert.match(await page.textContent('main'), /Besluit vastgelegd/);
  await desk.close();
  await phone.close();
});

test('consent is never pre-selected and the board confirms what it gives', async () => {
  const { phone, page, caseUrl } = await cleaningCaseOnPhone();

  // On load no answer is checked, not even "Instemming".
  const checked = await page.$$eval('input[name="answer_kind"]', (inputs) => inputs.map((i) => i.checked));
  assert.equal(checked.length, 3, 'consent, with conditions, refused');
  assert.deepEqual(checked, [false, false, false], 'no answer is pre-selected');

  // One tap on the button without a choice sends nothing: it comes back asking for a choice.
  await Promise.all([page.waitForLoadState('load'), page.click('text=Antwoord controleren >> nth=-1')]);
  assert.match(await page.textContent('main'), /Kies een antwoord: er is niets vooraf gekozen/);
  assert.match(await page.textContent('main'), /Wacht op antwoord/);
  // The focus is on the answers to choose from (it stayed at the top, the message far below), and focusing one
  // chooses nothing.
  assert.equal(await page.evaluate(() => document.activeElement.name), 'answer_kind');
  assert.deepEqual(await page.$$eval('input[name="answer_kind"]', (inputs) => inputs.map((i) => i.checked)), [false, false, false]);

  // Choosing consent shows its consequence before it is sent.
  await page.check('#answer-consent_given');
  await Promise.all([page.waitForLoadState('load'), page.click('text=Antwoord controleren >> nth=-1')]);
  assert.match(
    await page.textContent('[data-summary]'),
    new RegExp(`U stemt in met “${CLEANING}”; de corporatie mag dit uitvoeren vanaf \\d{2}-\\d{2}-\\d{4}\\.`),
  );
  assert.deepEqual(await seriousViolations(page), [], 'consent confirmation');

  // Going back sends nothing and keeps the choice.
  await Promise.all([page.waitForLoadState('load'), page.click('text=Terug: wijzigen')]);
  assert.ok(await page.isChecked('#answer-consent_given'));
  await page.goto(caseUrl);
  assert.match(await page.textContent('main'), /Wacht op antwoord/);
  await phone.close();
});

test('an answer half written survives a question asked on the same page, and not the next sign-in', async () => {
  const { phone, page, caseUrl } = await cleaningCaseOnPhone();
  const draft = 'Wij stemmen in, mits de schoonmaak ook de bergingen omvat.';
  await page.fill('#answer_text', draft);
  await page.fill('#question', 'Wie controleert de schoonmaak?');
  await Promise.all([page.waitForLoadState('load'), page.click('form[action$="/vragen"] button[type=submit]')]);
  assert.match(await page.textContent('#questions ~ *'), /Wie controleert de schoonmaak\?/, 'the question was sent');
  assert.equal(await page.inputValue('#question'), '', 'a sent question is not put back');
  assert.equal(await page.inputValue('#answer_text'), draft, 'the answer being written is put back');
  assert.equal(
    await page.textContent('#answer_text-restored'),
    'Uw nog niet verstuurde tekst is teruggezet.',
  );
  assert.equal(await page.getAttribute('#answer_text', 'aria-describedby'), 'answer_text-restored');
  assert.deepEqual(await seriousViolations(page), [], 'the case with a text put back');

  // Whoever signs in next in this tab finds nothing of it.
  await Promise.all([page.waitForLoadState('load'), page.click('form.logout button')]);
  await login(page, env.server.baseUrl, 'bestuur@desleutel.test');
  await page.goto(caseUrl);
  assert.equal(await page.inputValue('#answer_text'), '');
  assert.equal(await page.$('#answer_text-restored'), null);
  await phone.close();
});
