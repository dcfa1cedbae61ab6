import type { AtlasStore } from '@atlas/store';
import type { Logger } from 'pino';

/** What every route can read from the context. */
export type AppEnv = { Variables: { store: AtlasStore; log: Logger } };
