// An outside auditor's crawl: for an anonymous visitor and for every demo account (logged in through the real form),
// follow breadth-first every same-origin link a page offers for GET and check every page reached: an answer below
// 400, no uncaught script error and no console error (a missing favicon counts), no raw Fluent message id and no
// unfilled `{ $var }` in what a person reads, `<html lang>` set, no serious or critical axe-core violation; and on a
// phone (390 × 844) no sideways scrolling on the first pages of each account. Download links (exports, evidence,
// calendar feeds) are not opened as pages but must answer below 400. Every finding names the account and the URL.
// Addresses that differ only in their numbers are opened twice per account at most, to stay within a few minutes.
// `CRAWL_VERBOSE=1` prints every address opened.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverAndBrowser, seriousViolations, login } from './harness.mjs';

const env = serverAndBrowser(before, after);
const here = dirname(fileURLToPath(import.meta.url));

/** The demo accounts (crates/demo/src/lib.rs, `USERS`); `null` is the anonymous visitor. */
const ACCOUNTS = [
  null,
  'beheer@volkshuis.test',
  'admin@woonstad.test',
  'medewerker@woonstad.test',
  'lezer@woonstad.test',
  'bestuur@desleutel.test',
  'secretaris@bewonersraadnoord.test',
  'beleid@voorbeeldstad.test',
  'sroi@vandijk.test',
  'coordinator@wijkteam.test',
  'sroi@wsp.test',
];

/** Pages opened per account at most. */
const MAX_PAGES = 150;
/** Addresses of one shape (numbers replaced, same query keys) opened per account at most: a unit, a case, a group… */
const PER_PATTERN = 2;
/** Pages per account also looked at on a phone. */
const PHONE_PAGES = 15;
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** Links that are not pages to open. Each is still requested (HEAD) and must answer below 400, except logout. */
const DOWNLOAD = [
  /\.(csv|xlsx|pdf|ics|zip|json|geojson|topojson)$/i, // exports, calendar feeds, data files
  /\/(export|exports|download|downloads|evidence|bewijs|feed)(\/|$)/i,
];
/** Never followed: it would end the session the crawl is auditing. */
const NEVER = [/^\/logout(\/|$)/];

/** A 1 × 1 transparent PNG: the map tiles come from PDOK, not from us, and the crawl must not depend on the net. */
const EMPTY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/** Every Fluent message and term id in the app's texts: seen as a word on a page, a text was not looked up. */
function fluentIds() {
  const ids = new Set();
  const i18n = join(here, '..', '..', 'crates', 'web', 'i18n');
  for (const lang of readdirSync(i18n)) {
    for (const file of readdirSync(join(i18n, lang)).filter((f) => f.endsWith('.ftl'))) {
      for (const line of readFileSync(join(i18n, lang, file), 'utf8').split('\n')) {
        const id = line.match(/^(-?[a-zA-Z][\w-]*)\s*=/);
        // Only ids with a hyphen: a one-word id ("dashboard") may well be a word of the text itself.
        if (id && /[a-z]-[a-z]/i.test(id[1])) ids.add(id[1]);
      }
    }
  }
  return ids;
}

/** The shape of an address: numbers in the path become `#`, the query keeps its keys (sorted), not their values. */
function pattern(url) {
  const path = url.pathname.replace(/\/\d+(?=\/|$)/g, '/#');
  const keys = [...new Set([...url.searchParams.keys()])].sort();
  return keys.length ? `${path}?${keys.join('&')}` : path;
}

/** The address without its fragment, or `null` when it is not ours to follow. */
function normalise(href, base, origin) {
  let url;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  url.hash = '';
  return url;
}

/** Crawls as one account; returns the findings (each naming the account and the URL) and what it did. */
async function crawl(email) {
  const who = email ?? 'anonymous';
  const { baseUrl } = env.server;
  const origin = new URL(baseUrl).origin;
  const context = await env.browser.newContext({ bypassCSP: true, viewport: DESKTOP }); // bypassCSP: axe is injected
  await context.route(/service\.pdok\.nl/, (route) => route.fulfill({ status: 200, contentType: 'image/png', body: EMPTY_PNG }));
  const page = await context.newPage();
  const findings = [];
  let current;
  let events = [];
  page.on('pageerror', (error) => events.push(`uncaught script error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') events.push(`console error: ${message.text()} (${message.location().url ?? ''})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && response.request().resourceType() !== 'document') {
      events.push(`${response.status()} for ${response.request().resourceType()} ${response.url()}`);
    }
  });
  const problem = (url, what) => findings.push(`${who} ${url}: ${what}`);

  if (email) {
    await login(page, baseUrl, email);
    if (new URL(page.url()).pathname === '/login') problem(page.url(), 'the demo log-in did not get past the form');
    for (const event of events) problem(`${baseUrl}/login`, event);
  }
  const ids = fluentIds();
  const start = normalise(email ? page.url() : '/', baseUrl, origin);
  const queue = [{ url: start, from: '(start)' }];
  const seen = new Set([start.href]);
  const perPattern = new Map();
  const axed = new Set();
  const downloads = new Map();
  let langSwitchVisited = false;
  let iconChecked = false;
  let opened = 0;
  let phoned = 0;

  while (queue.length && opened < MAX_PAGES) {
    const { url, from } = queue.shift();
    const key = pattern(url);
    if ((perPattern.get(key) ?? 0) >= PER_PATTERN) continue;
    perPattern.set(key, (perPattern.get(key) ?? 0) + 1);
    opened += 1;
    if (process.env.CRAWL_VERBOSE) console.log(`${who} opens ${url.href}`);
    events = [];
    current = url.href;
    let response;
    try {
      response = await page.goto(current, { waitUntil: 'load' });
    } catch (error) {
      problem(current, `could not be opened (linked from ${from}): ${error.message.split('\n')[0]}`);
      continue;
    }
    const status = response?.status() ?? 0;
    if (status >= 400 || status === 0) problem(current, `answered ${status} (linked from ${from})`);
    const landed = normalise(page.url(), baseUrl, origin);
    if (landed) seen.add(landed.href);
    if (email && landed?.pathname === '/login') problem(current, `sent a signed-in user to the log-in page (linked from ${from})`);
    const html = (response?.headers()['content-type'] ?? '').startsWith('text/html');
    if (!html) continue;
    // A page with scripts may fetch more after `load` (the maps): its errors count too. Pages without wait for nothing.
    if (await page.evaluate(() => document.scripts.length > 0)) {
      await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
    }
    if (!iconChecked) {
      iconChecked = true;
      const declared = await page.evaluate(() => document.querySelector('link[rel~=icon]')?.href ?? null);
      if (!declared) problem(current, 'names no icon (<link rel="icon">): browsers ask /favicon.ico instead');
      for (const icon of new Set([declared ?? `${origin}/favicon.ico`, `${origin}/favicon.ico`])) {
        const answer = await context.request.get(icon);
        if (answer.status() >= 400) problem(current, `its icon ${icon} answered ${answer.status()}`);
      }
    }

    const facts = await page.evaluate(() => {
      const attrs = [...document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')].flatMap((el) =>
        ['aria-label', 'title', 'placeholder', 'alt'].map((a) => el.getAttribute(a)).filter(Boolean),
      );
      return {
        lang: document.documentElement.getAttribute('lang'),
        text: [document.title, document.body?.innerText ?? '', ...attrs].join('\n'),
        links: [...document.querySelectorAll('a[href]')].map((a) => ({ href: a.getAttribute('href'), download: a.hasAttribute('download') })),
      };
    });
    if (!facts.lang) problem(current, '<html> has no lang');
    const placeholders = facts.text.match(/\{\s*\$[\w-]+\s*\}|\{\s*-[\w-]+\s*\}/g);
    if (placeholders) problem(current, `unfilled Fluent placeholders: ${[...new Set(placeholders)].join(', ')}`);
    const words = facts.text.split(/[^\w-]+/).filter((w) => ids.has(w));
    if (words.length) problem(current, `raw Fluent message ids in the text: ${[...new Set(words)].join(', ')}`);
    if (!axed.has(key)) {
      axed.add(key);
      for (const violation of await seriousViolations(page)) problem(current, `axe: ${violation}`);
    }
    if (phoned < PHONE_PAGES) {
      phoned += 1;
      await page.setViewportSize(PHONE);
      const widths = await page.evaluate(() => ({ scroll: document.scrollingElement.scrollWidth, inner: window.innerWidth }));
      if (widths.scroll > widths.inner + 1) problem(current, `scrolls sideways on a phone: ${widths.scroll} px wide in ${widths.inner} px`);
      await page.setViewportSize(DESKTOP);
    }
    for (const event of events) problem(current, event);

    for (const link of facts.links) {
      const next = normalise(link.href, current, origin);
      if (!next || seen.has(next.href)) continue;
      seen.add(next.href);
      if (NEVER.some((re) => re.test(next.pathname))) continue;
      if (link.download || DOWNLOAD.some((re) => re.test(next.pathname))) {
        if (!downloads.has(pattern(next))) downloads.set(pattern(next), { url: next.href, from: current });
        continue;
      }
      // The language switch (`?lang=`) is followed once: each further one shows the same pages in the other language.
      if (next.searchParams.has('lang')) {
        if (langSwitchVisited) continue;
        langSwitchVisited = true;
      }
      queue.push({ url: next, from: current });
    }
  }
  for (const { url, from } of downloads.values()) {
    const answer = await context.request.fetch(url, { method: 'HEAD', maxRedirects: 0 });
    if (answer.status() >= 400) problem(url, `download answered ${answer.status()} (linked from ${from})`);
  }
  await context.close();
  return { findings, opened, left: queue.length, patterns: perPattern.size, downloads: downloads.size };
}

for (const email of ACCOUNTS) {
  test(`crawl as ${email ?? 'an anonymous visitor'}: every linked page works, reads and is accessible`, async () => {
    const started = Date.now();
    const { findings, opened, left, patterns, downloads } = await crawl(email);
    console.log(
      `${email ?? 'anonymous'}: ${opened} pages (${patterns} shapes, ${downloads} downloads, ${left} left in the queue) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    assert.deepEqual(findings, [], `${findings.length} findings as ${email ?? 'anonymous'}:\n${findings.join('\n')}`);
  });
}
