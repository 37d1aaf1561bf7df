// Page-level helpers for Ward: signing in and out, the second factor, the language switch, small checks.
import assert from 'node:assert/strict';
import { Authenticator } from './totp.mjs';

export const PASSWORD = 'ward demo lantern 2026';

export const ACCOUNTS = {
  securityOfficer: 'ciso@uzscheldeland.example', // An Verbruggen, no second factor needed
  admin: 'admin@uzscheldeland.example', // Pieter Janssens, must enrol a second factor
  coordinator: 'coordinator@focusgroup.example', // Sofie Claes, must enrol a second factor
  reader: 'reader@uzscheldeland.example', // Lotte Maes
};

/** Text as a person reads it: Fluent's bidi isolation marks removed and white space collapsed. */
export function clean(text) {
  return (text ?? '').replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim();
}

/** The path part of the page's current URL. */
export function pathOf(page) {
  return new URL(page.url()).pathname;
}

/** Waits until a locator is visible and returns its cleaned text; `what` names it in the error. */
export async function textOf(locator, what, timeout = 10_000) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch {
    throw new Error(`${what}: not visible within ${timeout} ms`);
  }
  return clean(await locator.first().innerText());
}

/** Polls `read()` until `accept(value)` holds; returns the value, or throws `describe(lastValue)`. */
export async function poll(read, accept, describe, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let value;
  for (;;) {
    value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(describe(value));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until the page's <h1> (cleaned text) matches `pattern`, and returns that text. */
export async function expectHeading(page, pattern, timeout = 10_000) {
  const headings = await poll(
    async () => (await page.locator('main h1').allInnerTexts().catch(() => [])).map(clean),
    (texts) => texts.some((text) => pattern.test(text)),
    (texts) => `expected a heading matching ${pattern} on ${page.url()}, found ${JSON.stringify(texts)}`,
    timeout,
  );
  return headings.find((text) => pattern.test(text));
}

/** Waits for the URL path to become `expected` (a string or a predicate on the path). */
export async function expectPath(page, expected, timeout = 10_000) {
  const matches = typeof expected === 'function' ? expected : (p) => p === expected;
  try {
    await page.waitForURL((url) => matches(url.pathname), { timeout });
  } catch {
    throw new Error(`expected to be on ${expected} but the page is ${page.url()}`);
  }
}

/** Submits the password step. Returns the path the browser lands on (/, /login/mfa or /profile/mfa). */
export async function login(page, email, password = PASSWORD) {
  await page.goto('/login');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('form[action="/login"] button[type=submit]').click();
  await expectPath(page, (p) => p !== '/login');
  await page.locator('main h1').first().waitFor();
  return pathOf(page);
}

/** Signs out with the button in the header and waits for the sign-in page. */
export async function logout(page) {
  await page.locator('.topbar form[action="/logout"] button[type=submit]').click();
  await expectPath(page, '/login');
  await page.locator('form[action="/login"]').waitFor();
}

/**
 * On /profile/mfa: reads the secret, confirms a code and returns { authenticator, recoveryCodes }.
 */
export async function enrolSecondFactor(page) {
  const secret = clean(await textOf(page.locator('#totp-secret'), 'the TOTP secret (#totp-secret)'));
  const authenticator = new Authenticator(secret);
  await page.locator('#mfa-code').fill(await authenticator.nextCode());
  await page.locator('form[action="/profile/mfa"] button[type=submit]').click();
  const codes = page.locator('#recovery-codes li');
  await codes.first().waitFor({ timeout: 10_000 }).catch(async () => {
    const error = await page.locator('.field-error').allInnerTexts();
    throw new Error(`no recovery codes after confirming the code; errors shown: ${JSON.stringify(error)}`);
  });
  const recoveryCodes = (await codes.allInnerTexts()).map(clean);
  return { authenticator, recoveryCodes };
}

/** On /login/mfa: enters a fresh code and waits to leave the page. */
export async function completeSecondFactor(page, authenticator) {
  await page.locator('#code').fill(await authenticator.nextCode());
  await page.locator('form[action="/login/mfa"] button[type=submit]').click();
  await expectPath(page, (p) => p !== '/login/mfa');
  await page.locator('main h1').first().waitFor();
}

/**
 * Signs in all the way to a usable session: enrols a second factor when Ward asks for one (remembering the
 * authenticator in `keyring` by e-mail) or answers the second-factor step with the remembered one.
 */
export async function signIn(page, email, keyring) {
  let landed = await login(page, email);
  if (landed === '/profile/mfa') {
    const { authenticator } = await enrolSecondFactor(page);
    keyring.set(email, authenticator);
    await page.goto('/');
    landed = pathOf(page);
  } else if (landed === '/login/mfa') {
    const authenticator = keyring.get(email);
    assert.ok(authenticator, `${email} has a second factor this run did not enrol`);
    await completeSecondFactor(page, authenticator);
    landed = pathOf(page);
  }
  assert.equal(landed, '/', `${email} should land on the overview after signing in`);
  await page.locator('nav.nav a[href="/"]').waitFor();
}

/**
 * Switches the interface language with the header form and waits for the page in that language.
 * via 'change' relies on the script that submits on change; via 'apply' uses the Apply button.
 */
export async function switchLanguage(page, code, via = 'change') {
  const select = page.locator('#lang-switch');
  if (via === 'change') {
    await select.selectOption(code);
  } else {
    await select.evaluate((el, value) => {
      el.value = value; // no change event: the Apply button submits
    }, code);
    await page.locator('form.lang-form button[type=submit]').click();
  }
  // The server marks the chosen option `selected` only in the page rendered after the switch.
  await page.locator(`#lang-switch option[value="${code}"][selected]`).waitFor({ state: 'attached' });
}

/** Full page text of the navigation links, cleaned. */
export async function navTexts(page) {
  return (await page.locator('nav.nav a').allInnerTexts()).map(clean);
}

/**
 * Form controls on the page without an accessible label: neither a <label> (for= or wrapping) with text,
 * nor aria-label / aria-labelledby.
 */
export async function unlabelledControls(page) {
  return page.evaluate(() => {
    const controls = document.querySelectorAll(
      'input:not([type=hidden]):not([type=submit]):not([type=button]), select, textarea',
    );
    const problems = [];
    for (const el of controls) {
      const byLabel = [...(el.labels ?? [])].some((label) => label.textContent.trim() !== '');
      const byAria =
        (el.getAttribute('aria-label') ?? '').trim() !== '' ||
        (el.getAttribute('aria-labelledby') ?? '')
          .split(/\s+/)
          .some((id) => id && document.getElementById(id)?.textContent.trim());
      if (!byLabel && !byAria) {
        problems.push(el.outerHTML.slice(0, 160));
      }
    }
    return { count: controls.length, problems };
  });
}

/**
 * Whether the document scrolls sideways. The limit is the layout width the page was given
 * (documentElement.clientWidth): with mobile emulation window.innerWidth grows to fit overflowing content and
 * would hide the problem. Returns { scrollWidth, width, overflows, culprits } where culprits are the elements
 * sticking out on the right that no scrolling or clipping box contains.
 */
export async function horizontalOverflow(page) {
  return page.evaluate(() => {
    const scrollWidth = document.scrollingElement.scrollWidth;
    const width = Math.min(window.innerWidth, document.documentElement.clientWidth);
    const overflows = scrollWidth > width + 1;
    const clipped = (el, includingSelf) => {
      for (let up = includingSelf ? el : el.parentElement; up && up !== document.body; up = up.parentElement) {
        if (getComputedStyle(up).overflowX !== 'visible') return true;
      }
      return false;
    };
    const culprits = [];
    if (overflows) {
      // Text can stick out of its element's box (a long word), so look at text runs as well as elements.
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const isText = node.nodeType === Node.TEXT_NODE;
        if (isText && !node.textContent.trim()) continue;
        const owner = isText ? node.parentElement : node;
        let right;
        if (isText) {
          const range = document.createRange();
          range.selectNodeContents(node);
          right = range.getBoundingClientRect().right;
        } else {
          right = node.getBoundingClientRect().right;
        }
        if (right > width + 1 && !clipped(owner, isText)) {
          const text = owner.textContent.trim().replace(/\s+/g, ' ').slice(0, 40);
          culprits.push(`${isText ? 'text in ' : ''}<${owner.tagName.toLowerCase()} class="${owner.className}"> "${text}" ends at ${Math.round(right)}px`);
        }
      }
    }
    return { scrollWidth, width, overflows, culprits: culprits.slice(0, 5) };
  });
}
