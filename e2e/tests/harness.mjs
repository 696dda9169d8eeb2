// Starts the real `volkshuis demo` binary on a fresh SQLite file and Debian's Chromium, headless.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const require = createRequire(import.meta.url);

export const PASSWORD = 'volkshuis-demo';

/** Starts the server; resolves with its base URL and a stop function. */
export async function startServer() {
  const binary = process.env.VOLKSHUIS_BIN ?? join(root, 'target', 'debug', 'volkshuis');
  const dir = mkdtempSync(join(tmpdir(), 'vh-e2e-'));
  const child = spawn(binary, ['demo', '--bind', '127.0.0.1:0', '--database', join(dir, 'demo.db')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, VOLKSHUIS_LOG: 'warn' },
  });
  const lines = createInterface({ input: child.stdout });
  // The demo log-ins as printed ("  email   Name — role @ org, role @ org"), for tests that pick a user by role.
  const logins = [];
  lines.on('line', (line) => {
    const login = line.match(/^\s+(\S+@\S+)\s+(.+)$/);
    if (login) logins.push({ email: login[1], description: login[2] });
  });
  const baseUrl = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start within 60 s')), 60_000);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    lines.on('line', (line) => {
      const match = line.match(/^Volkshuis draait op (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  return {
    baseUrl,
    logins,
    stop() {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Launches headless Chromium with the flags this workplace needs. */
export async function startBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** Runs axe-core on the page; returns the serious and critical WCAG 2.1 A/AA violations. */
export async function seriousViolations(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Logs in through the form. */
export async function login(page, baseUrl, email, password = PASSWORD) {
  await page.goto(`${baseUrl}/login`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await Promise.all([page.waitForLoadState('load'), page.click('button[type=submit].primary')]);
}

/**
 * Registers before/after hooks that start the server and the browser for a test file; the returned object gets
 * `server` and `browser` once the before hook ran: `const env = serverAndBrowser(before, after);`.
 */
export function serverAndBrowser(before, after) {
  const env = { server: undefined, browser: undefined };
  before(async () => {
    env.server = await startServer();
    env.browser = await startBrowser();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.stop();
  });
  return env;
}
