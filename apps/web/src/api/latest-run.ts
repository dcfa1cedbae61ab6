// The latest audit run's id, shared by every summary and list of one API client: looked up
// once (one GET /api/audits per app load, not one per summary) and moved on, telling its
// listeners, when the client saves a run or an answer names a newer run than the one used
// (the summary's latestRunId), so that no view keeps counting an old run. A failed lookup
// and "no run yet" are not kept: the next use asks again.

export type LatestRun = ReturnType<typeof latestRunTracker>;

/** lookUp: the newest run's id, or null when there is none. */
export function latestRunTracker(lookUp: () => Promise<string | null>) {
  let current: Promise<string | null> | null = null;
  let known: string | null = null;
  let version = 0;
  const listeners = new Set<() => void>();
  const moved = () => {
    version++;
    for (const listener of listeners) listener();
  };
  return {
    /** The latest run's id (one lookup shared by every caller until it moves on). */
    get(): Promise<string | null> {
      if (current) return current;
      const lookup = lookUp();
      current = lookup;
      lookup.then(
        (id) => {
          if (current !== lookup) return;
          known = id;
          if (id === null) current = null;
        },
        () => {
          if (current === lookup) current = null;
        },
      );
      return lookup;
    },

    /** A run was saved, or an answer named it as the newest: use it from now on if newer. */
    saw(id: string): void {
      if (known !== null && Number(id) <= Number(known)) return;
      known = id;
      current = Promise.resolve(id);
      moved();
    },

    /** Bumped each time the latest run moves on (for React's useSyncExternalStore). */
    version: () => version,

    /** Listen to the latest run moving on; returns a function that stops listening. */
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
