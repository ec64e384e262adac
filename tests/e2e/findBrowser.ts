import { existsSync } from 'node:fs';

/** Where to look for one browser: its env variable, the usual paths, and the Debian package. */
export interface BrowserSearch {
  readonly name: string;
  readonly env: string;
  readonly candidates: readonly string[];
  readonly debianPackage: string;
}

/** The system browser: $env if set (an error if missing), else the first candidate. Never skips. */
export function findBrowser({ name, env, candidates, debianPackage }: BrowserSearch): string {
  const fromEnv = process.env[env];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`${env} is set to ${fromEnv}, which does not exist`);
    return fromEnv;
  }
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `No ${name} found (looked in ${candidates.join(', ')}). ` +
        `Install one with \`apt-get install ${debianPackage}\`, or set ${env} to its executable.`,
    );
  }
  return found;
}
