import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The project's own ESLint configuration, run on code that is never written to disk. */
const eslint = new ESLint({ cwd: process.cwd() });

/** The rule ids ESLint reports for `code` as if it were the file `filePath`. */
async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const importing = (from: string) => `import * as m from '${from}';\nexport const used = m;\n`;

describe('layer boundaries (engine ← preset ← workers ← state ← render ← ui)', () => {
  it.each([
    ['src/engine/x.ts', '../ui/App.tsx', 'ui'],
    ['src/engine/expr/x.ts', '../../state/store.ts', 'state'],
    ['src/preset/x.ts', '../state/store.ts', 'state'],
    ['src/preset/x.ts', '../workers/runs.ts', 'workers'],
    ['src/workers/x.ts', '../render/layers/paths.ts', 'render'],
    ['src/workers/x.ts', '../state/store.ts', 'state'],
    ['src/state/x.ts', '../render/draw.ts', 'render'],
    ['src/render/layers/x.ts', '../../ui/format.ts', 'ui'],
    ['src/gallery/x.ts', '../workers/runs.ts', 'workers'],
    ['src/cli/x.ts', '../ui/format.ts', 'ui'],
  ])('%s may not import %s', async (file, target, layer) => {
    const found = await problems(file, importing(target));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^boundaries\/dependencies: /);
    expect(found[0]).toContain(`to elements of type "${layer}"`);
  });

  it('counts type-only imports, re-exports and dynamic imports too', async () => {
    const cases = [
      "import type { LabState } from '../state/store.ts';\nexport type S = LabState;\n",
      "export { createLabStore } from '../state/store.ts';\n",
      "export const load = () => import('../state/store.ts');\n",
    ];
    for (const code of cases) {
      expect(await problems('src/engine/x.ts', code)).toEqual([
        expect.stringMatching(/^boundaries\/dependencies: .*"engine" to elements of type "state"/),
      ]);
    }
  });

  it.each([
    ['src/engine/expr/x.ts', '../functions/index.ts'],
    ['src/preset/x.ts', '../engine/scene.ts'],
    ['src/workers/x.ts', '../preset/index.ts'],
    ['src/state/x.ts', '../workers/runs.ts'],
    ['src/render/layers/x.ts', '../../state/store.ts'],
    ['src/ui/inspect/x.ts', '../../render/draw.ts'],
    ['src/ui/x.ts', '../gallery/scenes.ts'],
    ['src/main.tsx', './ui/App.tsx'],
  ])('%s may import %s', async (file, target) => {
    expect(await problems(file, importing(target))).toEqual([]);
  });

  it('refuses a file outside every layer, which would escape the rule', async () => {
    expect(await problems('src/misc/x.ts', importing('../ui/App.tsx'))).toEqual([
      expect.stringMatching(/^boundaries\/no-unknown-files: /),
    ]);
  });

  it('keeps React and the store out of the code that runs in workers and Node', async () => {
    for (const file of ['src/engine/x.ts', 'src/workers/x.ts', 'src/cli/x.ts']) {
      expect(await problems(file, importing('zustand/vanilla'))).toEqual([
        expect.stringMatching(/^no-restricted-imports: /),
      ]);
    }
  });
});
