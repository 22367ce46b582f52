import type { KitchenApi } from '../common/ipc-contract.ts';

declare global {
  interface Window {
    /** Present in the Electron app only; browser terminals fall back to localStorage. */
    readonly api?: KitchenApi;
  }
}

export {};
