// A calendar subscription (ADR 0034): the corporation plans a meeting with an hour and a place; a board member of
// the tenant organisation makes a calendar address on the account page, and what a calendar app fetches from it —
// parsed by ical.js, a real iCalendar parser — holds the board's next deadline on its day and the meeting at its
// hour in Amsterdam time; after revoking, the address answers 404.
import { test } from 'node:test';
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { serverAndBrowser, seriousViolations, login } from './harness.mjs';

const env = serverAndBrowser(before, after);
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, bypassCSP: true };

/** A date `days` from now as a date input takes it (YYYY-MM-DD). */
function isoInDays(days) {
  const d = new Date(Date.now() + days * 24 * 3600 * 1000);
  return d.toISOString().slice(0, 10);
}

/** dd-mm-yyyy as the pages show dates, as YYYY-MM-DD. */
function iso(shown) {
  const [d, m, y] = shown.split('-');
  return `${y}-${m}-${d}`;
}

/** The page fits the screen: nothing scrolls sideways. */
async function fitsWidth(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

test('a board member subscribes to the deadlines and meetings of their organisations', async () => {
  const base = env.server.baseUrl;

  // The corporation plans the autumn meeting with De Sleutel, at an hour and a place.
  const desk = await env.browser.newContext({ bypassCSP: true });
  const office = await desk.newPage();
  await login(office, base, 'admin@woonstad.test');
  const day = isoInDays(14);
  await office.goto(`${base}/orgs/1/overleg/jaar/${day.slice(0, 4)}`);
  assert.deepEqual(await seriousViolations(office), [], 'the year page with the meeting form');
  // The partner through the picker (a combobox over the hidden select), as a user does.
  await office.locator('#meeting_tenant-combobox').focus();
  await office.keyboard.type('sleutel');
  await office.keyboard.press('ArrowDown');
  await office.keyboard.press('Enter');
  assert.equal(await office.inputValue('#meeting_tenant'), '2', 'De Sleutel chosen');
  await office.fill('#held_on', day);
  await office.fill('#title', 'Najaarsoverleg');
  await office.fill('#starts_at', '19:30');
  await office.fill('#ends_at', '21:30');
  await office.fill('#place', 'Buurthuis De Linde, zaal 2');
  await Promise.all([office.waitForURL(/vergaderingen\/\d+\?notice=saved/), office.click('button:has-text("Vergadering plannen")')]);
  const planned = await office.textContent('[data-meeting-plan]');
  assert.match(planned, /19:30–21:30 uur/);
  assert.match(planned, /Buurthuis De Linde, zaal 2/);
  assert.deepEqual(await seriousViolations(office), [], 'the meeting page with its plan form');
  await desk.close();

  // The board member finds the next deadline of De Sleutel's first open case.
  const phone = await env.browser.newContext(PHONE);
  const page = await phone.newPage();
  await login(page, base, 'bestuur@desleutel.test');
  await page.goto(`${base}/orgs/2/overleg`);
  const first = page.locator('li.case:has(.deadline)').first();
  const title = (await first.locator('strong').textContent()).trim();
  const shownDeadline = (await first.locator('.deadline time').textContent()).match(/\d{2}-\d{2}-\d{4}/)[0];

  // The account page explains how to subscribe; the address is made and shown once.
  await page.goto(`${base}/account/calendar`);
  assert.match(await page.textContent('h1'), /Agenda-abonnement/);
  assert.match(await page.textContent('main'), /Outlook/);
  assert.ok(await fitsWidth(page), 'the page fits a phone screen');
  assert.deepEqual(await seriousViolations(page), [], 'account page before');
  await Promise.all([page.waitForLoadState('load'), page.click('button:has-text("Agenda-adres maken")')]);
  const url = await page.inputValue('#ical-url');
  assert.match(url, new RegExp(`^${base}/calendar/vhc_[A-Za-z0-9_-]+\\.ics$`));
  assert.ok(await fitsWidth(page), 'the long address fits a phone screen');
  assert.deepEqual(await seriousViolations(page), [], 'account page with the new address');
  await page.goto(`${base}/account/calendar`);
  assert.ok(!(await page.content()).includes(url), 'the address is shown once');

  // A calendar app fetches it without a session, and a real parser reads it.
  const response = await fetch(url);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^text\/calendar/);
  const calendar = new ICAL.Component(ICAL.parse(await response.text()));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(zone);
  }
  const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
  assert.equal(new Set(events.map((e) => e.uid)).size, events.length, 'every event once');

  const deadline = events.find((e) => e.summary.endsWith(`: ${title}`) || e.summary.includes(`: ${title} (`));
  assert.ok(deadline, `the deadline of “${title}” among ${events.map((e) => e.summary).join(' | ')}`);
  assert.match(deadline.summary, /^(Antwoord|Besluit en reactie) uiterlijk: /);
  assert.ok(deadline.startDate.isDate, 'a deadline is an all-day event');
  assert.equal(deadline.startDate.toString(), iso(shownDeadline), 'on the day the page shows');
  assert.match(deadline.component.getFirstPropertyValue('url'), new RegExp(`^${base}/orgs/2/overleg/\\d+$`));

  const meeting = events.find((e) => e.summary === 'Najaarsoverleg — Woonstad Voorbeeld');
  assert.ok(meeting, 'the planned meeting');
  assert.equal(meeting.startDate.isDate, false, 'a meeting has a time');
  assert.equal(meeting.startDate.toString(), `${day}T19:30:00`);
  assert.equal(meeting.endDate.toString(), `${day}T21:30:00`);
  assert.equal(meeting.startDate.zone.tzid, 'Europe/Amsterdam');
  // The zone the feed defines is Amsterdam's: 19:30 is 18:30 UTC in winter, 17:30 in summer.
  const offset = new Date(`${day}T12:00:00Z`).toLocaleString('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', hour12: false });
  const utcHour = 19 - (Number(offset) - 12);
  assert.equal(meeting.startDate.toJSDate().toISOString(), `${day}T${String(utcHour).padStart(2, '0')}:30:00.000Z`);
  assert.equal(meeting.location, 'Buurthuis De Linde, zaal 2');

  // Revoked on the page: the address answers 404 from then on.
  await Promise.all([page.waitForURL(/notice=revoked/), page.click('button:has-text("Adres intrekken")')]);
  assert.match(await page.textContent('main'), /Uw agenda-adres is ingetrokken/);
  assert.equal((await fetch(url)).status, 404);
  await phone.close();
});
