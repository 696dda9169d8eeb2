// The English interface is English: every demo role switches to English and walks the pages its links reach (a few of
// each kind), and no page shows a Dutch interface text — neither a sentence from the Dutch Fluent files that English
// translates otherwise, nor a Dutch word that only the interface uses. The demo's own data (case texts, group names)
// is Dutch and may stay so, as do elements marked `lang="nl"` and the legal terms shown beside the English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverAndBrowser, login } from './harness.mjs';

const env = serverAndBrowser(before, after);
const here = dirname(fileURLToPath(import.meta.url));
const i18n = join(here, '..', '..', 'crates', 'web', 'i18n');

const ROLES = [
  'beheer@volkshuis.test',
  'admin@woonstad.test',
  'lezer@woonstad.test',
  'bestuur@desleutel.test',
  'secretaris@bewonersraadnoord.test',
  'beleid@voorbeeldstad.test',
  'sroi@vandijk.test',
  'coordinator@wijkteam.test',
  'sroi@wsp.test',
];

// Dutch words the interface and the domain's explanations use and the demo's data does not. Legal terms kept beside
// the English (Overlegwet, instemmingsrecht, adviesrecht, bewonerscommissie, huurdersorganisatie, …) are not here.
const DUTCH_WORDS = [
  'Overzicht', 'Uitloggen', 'Opslaan', 'Annuleren', 'Wijzigen', 'Verwijderen', 'Toevoegen', 'Zoeken', 'Terug naar',
  'eenheden', 'huurdersvertegenwoordiging', 'vertegenwoordiging', 'werkdag', 'na ontvangst', 'termijn',
  'tot en met', 'telt niet', 'Geen toegang', 'Gezamenlijke procesregisseur', 'Hoeder van participatie',
  'Voorlopende vertegenwoordigers', 'Ontwikkelpunt participatie', 'blinde vlek', 'Bijdrage', 'Verstuurd',
  'beantwoord', 'Nog geen', 'in beeld',
];
// Words that contain a marker but are English or legal names (`termijn` in the Algemene termijnenwet).
const ALLOWED = [/Algemene termijnenwet/g, /Besluit gelijkstelling[^.]*/g];

/** `id → text` of the plain messages (no arguments) of every Fluent file of a language. */
function messages(lang) {
  const out = new Map();
  for (const file of readdirSync(join(i18n, lang)).filter((f) => f.endsWith('.ftl'))) {
    let id = null;
    for (const line of readFileSync(join(i18n, lang, file), 'utf8').split('\n')) {
      const start = line.match(/^([a-z][a-z0-9-]*)\s*=\s*(.*)$/);
      if (start) {
        id = `${file}:${start[1]}`;
        out.set(id, start[2].trim());
      } else if (id && /^\s+\S/.test(line) && !/^\s+[[*.]/.test(line)) {
        out.set(id, `${out.get(id)} ${line.trim()}`.trim());
      } else {
        id = null;
      }
    }
  }
  return out;
}

/** Dutch interface sentences that English says otherwise: three words or more, without arguments. */
function dutchSentences() {
  const [nl, en] = [messages('nl'), messages('en')];
  return [...nl]
    .filter(([id, text]) => !text.includes('{') && text.split(/\s+/).length >= 3 && en.get(id) !== text)
    .map(([, text]) => text);
}

/** The text a page shows (and its labels for assistive technology), outside elements marked Dutch. */
async function visibleText(page) {
  return page.evaluate(() => {
    const parts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (node.parentElement.closest('body [lang="nl"], script, style')) continue;
      parts.push(node.textContent.replace(/\s+/g, ' ').trim());
    }
    for (const el of document.querySelectorAll('[title], [aria-label], [placeholder], input[type=submit][value]')) {
      if (el.closest('body [lang="nl"]')) continue;
      for (const attribute of ['title', 'aria-label', 'placeholder', 'value']) {
        if (attribute === 'value' && el.type !== 'submit') continue;
        const value = el.getAttribute(attribute);
        if (value) parts.push(value);
      }
    }
    return parts.filter(Boolean).join('\n');
  });
}

/** Dutch interface texts found in `text`. */
function dutchIn(text, sentences) {
  let cleaned = text;
  for (const allowed of ALLOWED) cleaned = cleaned.replace(allowed, '');
  const found = sentences.filter((s) => cleaned.includes(s));
  for (const word of DUTCH_WORDS) {
    if (new RegExp(`(^|[^\\p{L}])${word}([^\\p{L}]|$)`, 'u').test(cleaned)) found.push(word);
  }
  return found;
}

/** Walks the pages reachable from the dashboard: at most two of each kind (ids replaced by `N`), `limit` in all. */
async function walk(page, visit, limit = 70) {
  const seen = new Set();
  const kinds = new Map();
  const queue = ['/dashboard'];
  while (queue.length && seen.size < limit) {
    const path = queue.shift();
    const kind = path.replace(/\d+/g, 'N').replace(/\?.*$/, '');
    if (seen.has(path) || (kinds.get(kind) ?? 0) >= 2) continue;
    seen.add(path);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    const response = await page.goto(env.server.baseUrl + path);
    if (!response || !(response.headers()['content-type'] ?? '').includes('text/html')) continue;
    await visit(path);
    const links = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')));
    for (const href of links) {
      if (!href.startsWith('/') || href.startsWith('//')) continue;
      const target = href.split('#')[0];
      // Downloads, feeds and the map's data are not pages; logging out would end the walk.
      if (/logout|uitloggen|\.(csv|xlsx|json|ics|pdf)\b|export|download|rapport|documenten\//i.test(target)) continue;
      if (!seen.has(target)) queue.push(target);
    }
  }
  return seen.size;
}

test('the detector finds Dutch on the Dutch pages', async () => {
  const sentences = dutchSentences();
  assert.ok(sentences.length > 300, `${sentences.length} Dutch sentences from the Fluent files`);
  const page = await (await env.browser.newContext()).newPage();
  await login(page, env.server.baseUrl, 'admin@woonstad.test');
  await page.goto(`${env.server.baseUrl}/orgs/1/participatie/diagnose`);
  const found = dutchIn(await visibleText(page), sentences);
  assert.ok(found.length >= 5, `Dutch found on the Dutch diagnosis page: ${found.join(' | ')}`);
  await page.context().close();
});

test('every role reads English everywhere it goes', { timeout: 900_000 }, async () => {
  const sentences = dutchSentences();
  const problems = [];
  const visited = [];
  let pages = 0;
  for (const email of ROLES) {
    const page = await (await env.browser.newContext()).newPage();
    await login(page, env.server.baseUrl, email);
    await Promise.all([page.waitForLoadState('load'), page.click('button[name=lang][value=en]')]);
    assert.equal(await page.getAttribute('html', 'lang'), 'en', email);
    const walked = await walk(page, async (path) => {
      visited.push(path);
      for (const dutch of dutchIn(await visibleText(page), sentences)) problems.push(`${email} ${path}: ${dutch}`);
    });
    pages += walked;
    await page.context().close();
  }
  assert.ok(pages >= 60, `${pages} pages walked`);
  // Every module's main pages were among them.
  for (const part of ['/stock', '/overleg', '/participatie/diagnose', '/participatie/dekking', '/sr', '/admin']) {
    assert.ok(visited.some((path) => path.includes(part)), `${part} walked`);
  }
  if (process.env.VOLKSHUIS_E2E_VERBOSE) console.log(visited.join('\n'));
  assert.deepEqual(problems, []);
});
