// Knowing when the other side acts: a tenant board asks the corporation a question; the corporation's administrator
// sees it in the header's count and on the notices page, follows it to the case, and has a mail with the link at
// once; a staff member who chose the daily digest gets no mail for it, only the digest (sent now from the page).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, seriousViolations, login } from './harness.mjs';

const env = serverAndBrowser(before, after);
// bypassCSP lets axe-core be injected; the pages themselves run under the real policy in production.
const DESKTOP = { viewport: { width: 1280, height: 900 }, bypassCSP: true };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, bypassCSP: true };
const CASE_TITLE = 'Renovatie en isolatie complex De Linde';
const QUESTION = 'Hoeveel woningen krijgen vloerisolatie?';
const LINE = `Huurdersvereniging De Sleutel stelde een vraag over: ${CASE_TITLE}`;

/** Submits a form by its button and waits for the answer page. */
async function submit(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

async function newPage(options = DESKTOP) {
  return (await env.browser.newContext(options)).newPage();
}

/** The outbox as the platform administrator sees it: [{ to, subject, href }], newest first. */
async function outbox(admin) {
  await admin.goto(`${env.server.baseUrl}/admin/outbox`);
  return admin.$$eval('main tbody tr', (rows) =>
    rows.map((row) => {
      const cells = row.querySelectorAll('td');
      const link = cells[2].querySelector('a');
      return { to: cells[1].textContent.trim(), subject: link.textContent.trim(), href: link.getAttribute('href') };
    }),
  );
}

/** The body of one outbox message. */
async function mailBody(admin, href) {
  await admin.goto(`${env.server.baseUrl}${href}`);
  return admin.textContent('pre.mail');
}

test('the other side acts: a notice in the app, a mail at once, or only the digest', async () => {
  const base = env.server.baseUrl;

  // Bram (staff of the corporation) reaches his notices from the header and chooses the evening digest.
  const bram = await newPage();
  await login(bram, base, 'medewerker@woonstad.test');
  await Promise.all([bram.waitForURL(/\/account\/notifications$/), bram.click('header a.notices-link')]);
  assert.match(await bram.textContent('h1'), /Meldingen/);
  assert.ok(await bram.isChecked('#mail-immediate'), 'at once until chosen otherwise');
  assert.deepEqual(await seriousViolations(bram), [], 'notices page');
  await bram.check('#mail-digest');
  await submit(bram, 'form[action="/account/notifications"] button[type=submit]');
  assert.match(await bram.textContent('main'), /Uw keuze is opgeslagen/);
  assert.ok(await bram.isChecked('#mail-digest'));

  // Dirk, on the tenant board, asks a question on a request of the corporation.
  const dirk = await newPage(PHONE);
  await login(dirk, base, 'bestuur@desleutel.test');
  await dirk.goto(`${base}/orgs/2/overleg`);
  await dirk.click(`text=${CASE_TITLE}`);
  await dirk.waitForURL(/\/overleg\/\d+$/);
  const caseId = new URL(dirk.url()).pathname.split('/').pop();
  await dirk.fill('#question', QUESTION);
  await submit(dirk, 'form[action$="/vragen"] button[type=submit]');
  assert.match(await dirk.textContent('main'), new RegExp(QUESTION));
  assert.equal(await dirk.locator('header .badge').count(), 0, 'the one who asked is not told');

  // Anna, the corporation's administrator, sees the count in the header, the notice, and follows it.
  const anna = await newPage(PHONE);
  await login(anna, base, 'admin@woonstad.test');
  assert.equal((await anna.textContent('header .notices-link .badge')).trim(), '1');
  assert.match(await anna.textContent('header .notices-link'), /1 ongelezen melding/);
  await Promise.all([anna.waitForURL(/\/account\/notifications$/), anna.click('header a.notices-link')]);
  assert.match(await anna.textContent('main'), new RegExp(LINE));
  const fits = await anna.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  assert.ok(fits, 'the notices page fits a phone screen');
  assert.deepEqual(await seriousViolations(anna), [], 'notices page on a phone');
  await Promise.all([anna.waitForURL(new RegExp(`/orgs/1/overleg/${caseId}$`)), anna.click(`text=${LINE}`)]);
  assert.match(await anna.textContent('main'), new RegExp(QUESTION));

  // The outbox: Anna's mail went at once, with the link to the case; nothing for Bram yet.
  const admin = await newPage();
  await login(admin, base, 'beheer@volkshuis.test');
  let mails = await outbox(admin);
  const annas = mails.find((m) => m.to === 'admin@woonstad.test' && m.subject === LINE);
  assert.ok(annas, `a mail to Anna: ${JSON.stringify(mails)}`);
  assert.ok(!mails.some((m) => m.to === 'medewerker@woonstad.test'), 'no mail at once for a digest reader');
  const body = await mailBody(admin, annas.href);
  assert.ok(body.includes(`${base}/orgs/1/overleg/${caseId}`), body);
  assert.match(body, /Door Dirk Bakker namens Huurdersvereniging De Sleutel\./);
  assert.ok(body.includes(`${base}/account/notifications`), 'where to choose less mail');

  // Bram sees the notice in the app, waiting for the evening's digest, and sends the digest now.
  await bram.goto(`${base}/account/notifications`);
  const waiting = await bram.textContent('main');
  assert.match(waiting, new RegExp(LINE));
  assert.match(waiting, /1 melding wacht op het overzicht van \d{2}-\d{2}-\d{4} 18:00\./);
  await submit(bram, 'form[action="/account/notifications/digest"] button[type=submit]');
  assert.match(await bram.textContent('main'), /Het overzicht is onderweg naar uw e-mailadres/);

  // The job worker (every few seconds) sends it: one digest, with the line and the link.
  let digest;
  for (let tries = 0; tries < 30 && !digest; tries += 1) {
    mails = await outbox(admin);
    digest = mails.find((m) => m.to === 'medewerker@woonstad.test');
    if (!digest) await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  assert.ok(digest, 'the digest reached the outbox');
  assert.match(digest.subject, /^Volkshuis: 1 melding \(\d{2}-\d{2}-\d{4}\)$/);
  assert.equal(mails.filter((m) => m.to === 'medewerker@woonstad.test').length, 1, 'the digest only');
  const digestBody = await mailBody(admin, digest.href);
  assert.match(digestBody, /^Dit gebeurde sinds uw vorige overzicht:/);
  assert.ok(digestBody.includes(LINE) && digestBody.includes(`${base}/orgs/1/overleg/${caseId}`), digestBody);
  await bram.goto(`${base}/account/notifications`);
  assert.doesNotMatch(await bram.textContent('main'), /wacht op het overzicht/);
});
