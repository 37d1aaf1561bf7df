// RFC 6238 time-based one-time passwords (SHA-1, 6 digits, 30 s steps) with Node's built-in crypto.
import { createHmac } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const STEP_SECONDS = 30;

/** Decodes an RFC 4648 base32 string (case, spaces, dashes and padding are ignored). */
export function base32Decode(text) {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '');
  let bits = 0;
  let value = 0;
  const bytes = [];
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error(`not a base32 character: ${JSON.stringify(char)}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >>> bits) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** The time step number at a moment (milliseconds since the epoch). */
export function timeStep(nowMs = Date.now()) {
  return Math.floor(nowMs / 1000 / STEP_SECONDS);
}

/** The HOTP value (RFC 4226) of a key for a counter. */
export function hotp(key, counter, digits = 6) {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The code an authenticator app shows for a base32 secret at a time step. */
export function totp(secretBase32, step = timeStep()) {
  return hotp(base32Decode(secretBase32), step);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * An authenticator app for one account. Ward accepts each time step only once, so `nextCode()` waits for a
 * fresh step when the current one was already used.
 */
export class Authenticator {
  constructor(secretBase32) {
    base32Decode(secretBase32); // fail early on a malformed secret
    this.secret = secretBase32;
    this.lastStep = -1;
  }

  async nextCode() {
    let step = timeStep();
    while (step <= this.lastStep) {
      const nextStepStartsAt = (this.lastStep + 1) * STEP_SECONDS * 1000;
      await sleep(Math.max(nextStepStartsAt - Date.now(), 0) + 250);
      step = timeStep();
    }
    this.lastStep = step;
    return totp(this.secret, step);
  }
}

/** Checks the implementation against the RFC 6238 SHA-1 test vectors (truncated to 6 digits). */
export function selfTest() {
  const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'; // base32 of "12345678901234567890"
  const vectors = [
    [59, '287082'],
    [1111111109, '081804'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ];
  for (const [seconds, expected] of vectors) {
    const actual = totp(rfcSecret, Math.floor(seconds / STEP_SECONDS));
    if (actual !== expected) throw new Error(`TOTP self-test failed at T=${seconds}: ${actual} != ${expected}`);
  }
}
