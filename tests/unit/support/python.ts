import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The Python that sees Debian's python3-torch: PYTHON if set, else /usr/bin/python3 (a pyenv
 * `python3` earlier on PATH cannot import the system's packages), else python3 on PATH.
 */
export const PYTHON =
  process.env['PYTHON'] ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');

/**
 * Throws, naming the package to install, unless PYTHON can import torch: the PyTorch tests fail
 * on a machine without it rather than skip (`.ci/run` installs it).
 */
export function requireTorch(): string {
  const r = spawnSync(PYTHON, ['-c', 'import torch; print(torch.__version__)'], {
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    throw new Error(
      `PyTorch is missing: ${PYTHON} cannot import torch (${(r.stderr || String(r.error)).trim().split('\n').pop()}). ` +
        'Install it with `apt-get install -y --no-install-recommends python3-torch` ' +
        '(Debian; .ci/run does), or set PYTHON to a python3 that has torch.',
    );
  }
  return r.stdout.trim();
}
