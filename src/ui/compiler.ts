import { createContext, useContext } from 'react';
import type { CompileClient } from '../workers/compileClient.ts';

/** The page's compile client; App provides the one main.tsx made. */
export const CompilerContext = createContext<CompileClient | null>(null);

/** The page's compile client, for components that check or compile typed functions. */
export function useCompiler(): CompileClient {
  const compiler = useContext(CompilerContext);
  if (!compiler) throw new Error('useCompiler needs a CompilerContext provider');
  return compiler;
}
