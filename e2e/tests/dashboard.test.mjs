// A board member of two tenant organisations logs in and lands where work waits for them, not on the first by
// name; their list starts with their own deadline, not the corporation's nearer one; they switch with one click,
// log out and in, and land where they chose. The dashboard is checked with axe-core on a desktop and a phone.
// Users are picked by their roles as the demo prints them, not by their names.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, seriousViolations, login } from './harness.mjs';

const env = serverAndBrowser(before, after);
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, bypassCSP: true };

/** The demo log-ins, once the server printed them all. */
async function logins() {
  for (let i = 0; i < 50 && env.server.logins.length < 5; i += 1) await new Promise((r) => setTimeout(r, 100));
  return env.server.logins;
}

/** `dd-mm-jjjj` in a line's due text, as a sortable `jjjj-mm-dd`. */
function dueDate(text) {
  const [, d, m, y] = text.match(/(\d{2})-(\d{2})-(\d{4})/);
  return `${y}-${m}-${d}`;
}

async function activeOrg(page) {
  return (await page.textContent('#active-org')).trim();
}

test('a board member lands where work waits, sees their own deadline first, and is remembered where they chose', async () => {
  const board = (await logins()).find((l) => (l.description.match(/ @ /g) ?? []).length >= 2);
  assert.ok(board, `a demo user in two organisations among ${JSON.stringify(env.server.logins)}`);
  const context = await env.browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await login(page, env.server.baseUrl, board.email);
  assert.equal(new URL(page.url()).pathname, '/dashboard');
  const landed = await activeOrg(page);

  // Work waits here, nothing in the other organisation.
  const lines = page.locator('ol[data-todo] > li');
  assert.ok((await lines.count()) >= 2, 'the list of work');
  assert.equal(await page.textContent('section[aria-labelledby=switch-org] [data-waiting]'), 'niets wacht');

  // The first line is the board's own deadline; the corporation's nearer deadline comes after, marked as theirs.
  const first = lines.first();
  assert.equal(await first.getAttribute('class'), '', 'the first line is ours and not late');
  assert.match(await first.textContent(), /Geef uw antwoord op/);
  const theirs = page.locator('ol[data-todo] > li.theirs').first();
  assert.match(await theirs.textContent(), /besluit over uw antwoord op/);
  assert.match(await theirs.textContent(), /wacht op de ander/);
  const ownDue = dueDate(await first.locator('.due').textContent());
  const theirDue = dueDate(await theirs.locator('.due').textContent());
  assert.ok(theirDue < ownDue, `the corporation's ${theirDue} is nearer than our ${ownDue}, yet ours leads`);
  assert.equal(new URL(await first.locator('a').getAttribute('href'), env.server.baseUrl).pathname.split('/')[3], 'overleg');
  assert.deepEqual(await seriousViolations(page), [], 'dashboard on a desktop');

  // One click to the other organisation.
  const other = page.locator('section[aria-labelledby=switch-org] button').first();
  const otherName = (await other.textContent()).replace(/^Werk voor /, '').trim();
  assert.notEqual(otherName, landed);
  await Promise.all([page.waitForNavigation(), other.click()]);
  assert.equal(await activeOrg(page), otherName);
  assert.match(await page.textContent('section[aria-labelledby=switch-org]'), /\d+ wachten? op u/, 'the work left behind is counted');
  assert.deepEqual(await seriousViolations(page), [], 'dashboard of the other organisation');

  // Log out and in: the choice is remembered, though the work is elsewhere.
  await Promise.all([page.waitForNavigation(), page.click('form[action="/logout"] button')]);
  await login(page, env.server.baseUrl, board.email);
  assert.equal(await activeOrg(page), otherName);
  await context.close();
});

test('the dashboard reads well on a phone and recent changes are sentences', async () => {
  const all = await logins();
  // The corporation's administrator: an administrator of one organisation whose dashboard says it is a corporation.
  const admins = all.filter((l) => / — admin @ [^,]+$/.test(l.description));
  const context = await env.browser.newContext(PHONE);
  const page = await context.newPage();
  let found = false;
  for (const admin of admins) {
    await login(page, env.server.baseUrl, admin.email);
    if (/Woningcorporatie/.test(await page.textContent('section[aria-labelledby=active-org]'))) {
      found = true;
      break;
    }
    await Promise.all([page.waitForNavigation(), page.click('form[action="/logout"] button')]);
  }
  assert.ok(found, 'a corporation administrator among the demo log-ins');
  const recent = await page.locator('section[aria-labelledby=recent] li').allTextContents();
  assert.ok(recent.length > 0, 'recent changes');
  for (const entry of recent) {
    assert.doesNotMatch(entry, /\b[a-z]+_[a-z_]+\b/, `a code in "${entry}"`);
    assert.match(entry, /— \S.+ \S/, `a sentence: "${entry}"`);
  }
  const modules = await page.locator('section[aria-labelledby=modules] li a').allTextContents();
  assert.deepEqual(modules, ['Bezit', 'Participatie', 'Overleg', 'Prestatieafspraken', 'Social return', 'Signalering', 'Nazorg', 'Initiatieven']);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the dashboard scrolls sideways by ${overflow}px on a phone`);
  assert.deepEqual(await seriousViolations(page), [], 'dashboard on a phone');
  await context.close();
});
