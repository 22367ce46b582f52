// The replica's records and the mutators' arguments, one file per topic.
export * from './schemas/primitives.ts';
export * from './schemas/records.ts';
export * from './schemas/kitchen.ts';
export * from './schemas/mutator-args.ts';
export * from './schemas/modifiers.ts';
