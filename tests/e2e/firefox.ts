import { findBrowser } from './findBrowser.ts';
import puppeteer, { type Browser } from 'puppeteer-core';

/** The system Firefox: $FIREFOX_PATH, else Debian's firefox-esr or firefox. Never skips. */
export const findFirefox = () =>
  findBrowser({
    name: 'Firefox',
    env: 'FIREFOX_PATH',
    candidates: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
    debianPackage: 'firefox-esr',
  });

/** Launches headless Firefox over WebDriver BiDi (puppeteer-core: no browser download). */
export function launchFirefox(): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    protocol: 'webDriverBiDi',
  });
}
