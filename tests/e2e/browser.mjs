// Shared by the page tests: serves www/ on a free port and opens it in headless Chromium
// (Debian's, through playwright-core), collecting console errors and every request made.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { chromium } from 'playwright-core';
import { inflateSync } from 'node:zlib';
import { startServer } from '../../scripts/serve.mjs';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Starts the server and the browser; `close()` stops both. */
export async function openBrowser() {
  const server = await startServer(0);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  return {
    base,
    browser,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/**
 * A new page at `path`, waiting until the playground has shown its results table;
 * `bypassCSP` lets a test add a script of its own (the page's policy allows only its own).
 */
export async function openPlayground(env, path = '/', { locale = 'en-US', viewport = { width: 1440, height: 900 }, bypassCSP = false } = {}) {
  const context = await env.browser.newContext({ locale, viewport, bypassCSP });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(env.base + path);
  await page.locator('sales-plan-playground [data-testid="results"]').waitFor();
  return { page, context, errors, requests };
}

/** For a test file: the server and browser opened before its tests and closed after them. */
export function useBrowser() {
  const env = {};
  before(async () => Object.assign(env, await openBrowser()));
  after(async () => env.close?.());
  return env;
}

/** A locator inside the playground element. */
export const app = (page, selector) => page.locator(`sales-plan-playground ${selector}`);

/** Reads `read()` until it equals `expected` (or `seconds` pass), then asserts it; `message` may be a function. */
export async function eventually(read, expected, message, seconds = 10) {
  const end = Date.now() + seconds * 1000;
  let value;
  for (;;) {
    value = await read();
    if (isDeepStrictEqual(value, expected) || Date.now() > end) break;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  assert.deepEqual(value, expected, typeof message === 'function' ? message() : message);
}

/** The pages of a PDF (as Chromium writes it), each with its count of text-drawing operators. */
export function pdfPages(pdf) {
  const text = pdf.toString('latin1');
  const objects = new Map([...text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)].map((m) => [Number(m[1]), m[2]]));
  const pages = [];
  for (const body of objects.values()) {
    if (!/\/Type\s*\/Page(?![s\w])/.test(body)) continue;
    const refs = [...(body.match(/\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
    let ops = 0;
    for (const ref of refs) {
      const obj = objects.get(ref) ?? '';
      const raw = Buffer.from(obj.slice(obj.indexOf('stream') + 6).replace(/^\r?\n/, '').replace(/\r?\nendstream\s*$/, ''), 'latin1');
      let content;
      try { content = inflateSync(raw).toString('latin1'); } catch { content = raw.toString('latin1'); }
      ops += (content.match(/\b(Tj|TJ)\b/g) ?? []).length;
    }
    pages.push({ textOps: ops });
  }
  return pages;
}
