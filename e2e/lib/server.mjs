// Starts and stops `ward serve --demo` on a free port with a throw-away data directory.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A TCP port that nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts Ward with the demo community and waits until GET /readyz answers 200.
 * Returns { baseURL, stop(), logFile }; stop() is safe to call more than once.
 */
export async function startWard({ binary, logFile, readyTimeoutMs = 60_000 }) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ward-e2e-'));
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const log = createWriteStream(logFile);
  const child = spawn(binary, ['serve', '--demo', '--listen', `127.0.0.1:${port}`, '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  let exited = null;
  const exit = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    });
    child.on('error', (error) => {
      exited = { error };
      resolve();
    });
  });

  let stopped = false;
  async function stop() {
    if (stopped) return;
    stopped = true;
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exit;
      clearTimeout(timer);
    }
    log.end();
    await rm(dataDir, { recursive: true, force: true });
  }

  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (exited) {
      const output = await readFile(logFile, 'utf8').catch(() => '');
      await stop();
      throw new Error(`ward exited before it was ready (${JSON.stringify(exited)}):\n${output.slice(-2000)}`);
    }
    try {
      const response = await fetch(`${baseURL}/readyz`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`ward was not ready within ${readyTimeoutMs} ms; see ${logFile}`);
    }
    await sleep(100);
  }
  return { baseURL, stop, logFile, dataDir };
}
