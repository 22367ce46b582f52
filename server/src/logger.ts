import pino, { type Logger } from 'pino';
import type { Env } from './env.ts';

/** Structured JSON logs on stderr, so stdout carries only the lines people read. */
export function createLogger(env: Pick<Env, 'LOG_LEVEL'>): Logger {
  return pino({ level: env.LOG_LEVEL, base: null }, pino.destination(2));
}
