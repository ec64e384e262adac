import { useEffect, useState } from 'react';
import { SceneClient } from '../workers/sceneClient.ts';
import type { SceneResult } from '../workers/protocol.ts';

/** Where the scene computation stands. */
export type SceneState =
  | { readonly phase: 'computing' }
  | { readonly phase: 'ready'; readonly result: SceneResult }
  | { readonly phase: 'error'; readonly message: string };

/** A readable message from anything thrown. */
export const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message || error.name : String(error);

/** Computes the preset's default scene in the scene worker, once per mount. */
export function useDefaultScene(): SceneState {
  const [state, setState] = useState<SceneState>({ phase: 'computing' });
  useEffect(() => {
    const controller = new AbortController();
    let client: SceneClient | undefined;
    // The executor turns a throwing Worker constructor into a rejection like any other failure.
    new Promise<SceneResult>((resolve, reject) => {
      client = new SceneClient();
      client.compute('default', { signal: controller.signal }).then(resolve, reject);
    }).then(
      (result) => setState({ phase: 'ready', result }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ phase: 'error', message: messageOf(error) });
      },
    );
    return () => {
      controller.abort();
      client?.dispose();
    };
  }, []);
  return state;
}
