import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { LabState, LabStore } from './store.ts';

/** The lab store of this page; App provides it. */
export const LabContext = createContext<LabStore | null>(null);

/** The store itself, for event handlers and transient (non-rendering) subscriptions. */
export function useLabStore(): LabStore {
  const store = useContext(LabContext);
  if (!store) throw new Error('useLab needs a LabContext provider');
  return store;
}

/** A narrow slice of the lab state; the component re-renders only when it changes. */
export function useLab<T>(selector: (s: LabState) => T): T {
  return useStore(useLabStore(), selector);
}

/** The lab's actions (stable for the store's life). */
export const useLabActions = () => useLab((s) => s.actions);
