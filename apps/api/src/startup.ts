import { existsSync } from 'node:fs';
import { openStore, seedFromDirectory } from '@atlas/store';
import type { AtlasStore } from '@atlas/store';
import type { Logger } from 'pino';
import type { Config } from './env.ts';

/**
 * Open the database named by the config. A missing file is created and filled with the
 * embedded demo district; an unreadable one throws, so the server never half-starts.
 */
export async function openDatabase(config: Config, log: Logger): Promise<AtlasStore> {
  const fresh = config.dbPath === ':memory:' || !existsSync(config.dbPath);
  const store = await openStore(config.dbPath, {
    create: fresh,
    memoryLimitMiB: config.dbMemoryMiB ?? undefined,
  });
  if (fresh) {
    try {
      const counts = await seedFromDirectory(store, config.demoDir);
      await store.setMeta('demo', 'true');
      log.info(
        { db: config.dbPath, counts },
        'new database: loaded the demo district (虚构演示数据)',
      );
    } catch (err) {
      await store.close();
      throw err;
    }
  }
  return store;
}
