import { pino } from 'pino';
import type { Logger } from 'pino';

/** Structured JSON logs on stdout (pino). */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'atlas-api' } });
}
