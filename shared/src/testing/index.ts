/** Test helpers (`@kitchensync/shared/testing`): not part of the domain's runtime API. */
export * from './fixtures.ts';
export * from './memory-tx.ts';
export * from './scenario.ts';
