import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/** The system Firefox: $FIREFOX_PATH, else Debian's firefox-esr or firefox. Never skips. */
export function findFirefox(): string {
  const fromEnv = process.env['FIREFOX_PATH'];
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`FIREFOX_PATH is set to ${fromEnv}, which does not exist`);
    return fromEnv;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `No Firefox found (looked in ${CANDIDATES.join(', ')}). ` +
        'Install one with `apt-get install firefox-esr`, or set FIREFOX_PATH to its executable.',
    );
  }
  return found;
}

/** Launches headless Firefox over WebDriver BiDi (puppeteer-core: no browser download). */
export function launchFirefox(): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    protocol: 'webDriverBiDi',
  });
}
