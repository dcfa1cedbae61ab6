import type { AtlasStore, ImportStaging } from '@atlas/store';
import type { StagingCommit, StagingCommitted } from '@atlas/store';
import { type Bbox, type LayerName, type Provenance } from '@atlas/model';
import { buildRecord, type Candidate } from './build.ts';
import { categoryMapper, loadCategoryRules, type CategoryRules } from './categories.ts';
import { widenBbox } from './detect/bounds.ts';
import { Identities } from './identity.ts';
import {
  DISTRICT_MARGIN_M,
  MAX_CATEGORY_TEXTS,
  MAX_PROBLEMS,
  PREVIEW_ROWS,
  PROGRESS_INTERVAL_MS,
  READ_STALL_MS,
} from './limits.ts';
import type { ImportOptions } from './options.ts';
import { prepare } from './prepare.ts';
import { FileRefused, Problems, messageOf } from './problems.ts';
import { openSource } from './read/open.ts';
import type { OpenedSource, SourceRecord } from './read/records.ts';
import { unlessStalled } from './read/stall.ts';
import type { ImportProgress, ImportReport } from './report.ts';
import { reprojector } from './reproject.ts';
import { settle, type Action } from './settle.ts';

// The pipeline, one pass over the file in batches: read → detect (first batch) → build
// (parse, reproject, repair, bounds) → identify → settle (merge, validate, diff) → stage.
// Every batch is appended to a staging table on disk (the store's stageImport), so memory
// does not grow with the file; repeated keys and ids, and what the source no longer has,
// are found there in SQL. A preview never touches the layer. A commit holds the store's
// write lock throughout and, only if no error turned up anywhere in the file, moves the
// staging into the layer in ONE short transaction: all or nothing.

export interface RunOptions {
  mode: 'preview' | 'commit';
  /** The file's own name (uploads are stored under a temp name). */
  name?: string;
  onProgress?: (p: ImportProgress) => void;
  maxFileBytes?: number;
  maxUnzippedBytes?: number;
  categoryRules?: CategoryRules;
  /** Provenance timestamp (default: now). */
  importedAt?: string;
  /** Stop between batches: the run reports a file-level error and writes nothing. */
  signal?: AbortSignal;
}

type StagingCommitter = (how: StagingCommit) => Promise<StagingCommitted>;

const COUNTED = { add: 'added', update: 'updated', unchanged: 'unchanged' } as const;

/** Look-ups for a layer known to be empty: nothing is stored, so nothing matches. */
function emptyLookup(store: AtlasStore) {
  return {
    idsByKey: async () => new Map<string, string>(),
    nearByName: async () => [],
    getMany: async () => [],
    store,
  };
}

const REMOVED_IDS_SHOWN = 50;

function emptyReport(
  options: ImportOptions,
  run: RunOptions,
  name: string,
  source: string,
): ImportReport {
  return {
    mode: run.mode,
    layer: options.layer,
    source,
    committed: false,
    file: { name, bytes: 0, format: null, encoding: null, encodingBasis: null },
    columns: [],
    mapping: { matches: [], missing: [], unused: [] },
    crs: null,
    swap: null,
    categories: [],
    counts: {
      rows: 0,
      valid: 0,
      invalid: 0,
      added: 0,
      updated: 0,
      unchanged: 0,
      removedFromSource: 0,
      removed: 0,
      errors: 0,
      warnings: 0,
    },
    rows: [],
    problems: [],
    problemsTruncated: false,
    removedIds: [],
    elapsedMs: 0,
  };
}

type CategoryRow = ImportReport['categories'][number];

/** One line per distinct (category text → categories) pair, for the preview. */
function countCategory(
  rows: Map<string, CategoryRow>,
  { text, result }: NonNullable<Candidate['category']>,
) {
  const key = `${text}→${result.categories.join('+')}/${result.subtype ?? ''}`;
  const row = rows.get(key);
  if (row) row.rows++;
  else if (rows.size < MAX_CATEGORY_TEXTS) {
    rows.set(key, {
      text,
      categories: result.categories,
      subtype: result.subtype,
      matched: result.matched,
      rows: 1,
    });
  }
}

async function districtBounds(store: AtlasStore): Promise<Bbox | null> {
  const admin = (await store.stats()).find((s) => s.layer === 'admin_areas');
  return admin?.bounds ? widenBbox(admin.bounds, DISTRICT_MARGIN_M) : null;
}

export async function runImport(
  store: AtlasStore,
  path: string,
  options: ImportOptions,
  run: RunOptions,
): Promise<ImportReport> {
  const started = performance.now();
  const name = run.name ?? path.split(/[\\/]/).pop()!;
  const source = options.source ?? name;
  const report = emptyReport(options, run, name, source);
  const problems = new Problems();
  const finish = () => {
    report.problems = problems.list;
    report.problemsTruncated = problems.truncated;
    report.counts.errors = problems.errors;
    report.counts.warnings = problems.warnings;
    report.elapsedMs = performance.now() - started;
    run.onProgress?.({
      phase: 'done',
      rows: report.counts.rows,
      bytesRead: report.file.bytes,
      totalBytes: report.file.bytes,
      elapsedMs: report.elapsedMs,
    });
    return report;
  };
  const readFailed = (error: unknown) => {
    if (error instanceof FileRefused) problems.error(null, error.field, error.reason);
    else problems.error(null, null, `cannot read the file: ${messageOf(error)}`);
  };
  let opened: OpenedSource;
  try {
    const opening = openSource(path, {
      layer: options.layer,
      name,
      encoding: options.encoding ?? null,
      maxFileBytes: run.maxFileBytes,
      maxUnzippedBytes: run.maxUnzippedBytes,
    });
    opened = await unlessStalled(opening, READ_STALL_MS);
  } catch (error) {
    readFailed(error);
    return finish();
  }
  Object.assign(report.file, {
    bytes: opened.totalBytes,
    format: opened.format,
    encoding: opened.encoding,
    encodingBasis: opened.encodingBasis,
  });
  report.columns = opened.columns;
  const batches = opened.batches[Symbol.asyncIterator]();
  const nextBatch = async (): Promise<SourceRecord[] | null> => {
    try {
      const next = await unlessStalled(batches.next(), READ_STALL_MS);
      return next.done ? null : next.value;
    } catch (error) {
      readFailed(error);
      return null;
    }
  };
  let batch = await nextBatch();
  const plan = prepare(opened, batch ?? [], options, problems);
  Object.assign(report, { mapping: plan.mapping, crs: plan.crs, swap: plan.swap });
  const provenance: Provenance = {
    source,
    importedAt: run.importedAt ?? new Date().toISOString(),
    originalCrs: plan.crs.crs ?? 'EPSG:4326',
  };
  const context = {
    layer: options.layer as LayerName,
    columns: plan.columns,
    spatial: opened.spatial,
    swapXY: plan.swap.swap,
    reproject: reprojector(plan.crs.crs ?? 'EPSG:4326'),
    districtBbox: await districtBounds(store),
    problems,
    build: {
      mapCategories: categoryMapper(
        run.categoryRules ?? loadCategoryRules(),
        options.categoryMapping,
      ),
    },
  };
  const keyField = plan.columns.get('licenceNo') ?? plan.columns.get('code') ?? null;
  const identities = new Identities(options.layer, source, problems, keyField);
  const categories = new Map<string, CategoryRow>();
  let lastProgress = 0;
  const progress = (phase: ImportProgress['phase'], always = false) => {
    const now = performance.now();
    if (!always && now - lastProgress < PROGRESS_INTERVAL_MS) return;
    lastProgress = now;
    run.onProgress?.({
      phase,
      rows: report.counts.rows,
      bytesRead: opened.bytesRead(),
      totalBytes: opened.totalBytes,
      elapsedMs: now - started,
    });
  };

  const commitMode = run.mode === 'commit';
  const work = async (staging: ImportStaging, commit: StagingCommitter | null) => {
    // Into an empty layer everything is new: skip the per-batch look-ups (they scan the
    // layer). Asked once the write lock is held: no other writer can fill it meanwhile.
    const empty = (await store.stats()).find((s) => s.layer === options.layer)?.count === 0;
    const lookup = empty ? emptyLookup(store) : store;
    for (; batch; batch = await nextBatch()) {
      if (run.signal?.aborted) {
        problems.error(null, null, 'the import was cancelled: nothing was written');
        await batches.return?.();
        break;
      }
      const records = batch;
      report.counts.rows += records.length;
      const previewed =
        report.rows.length < PREVIEW_ROWS
          ? records.slice(0, PREVIEW_ROWS - report.rows.length)
          : [];
      if (!plan.buildable) {
        previewed.forEach((r) =>
          report.rows.push({ row: r.row, fields: r.fields, feature: null, action: null }),
        );
        continue;
      }
      const candidates: Candidate[] = [];
      for (const r of records) {
        const c = buildRecord(r, context);
        if (!c) continue;
        candidates.push(c);
        if (c.category) countCategory(categories, c.category);
      }
      const identified = await identities.resolve(candidates, lookup, staging);
      const settled = await settle(
        options.layer,
        identified,
        lookup,
        provenance,
        problems,
        (f) => plan.columns.get(f) ?? f,
      );
      report.counts.valid += settled.length;
      for (const s of settled) report.counts[COUNTED[s.action]]++;
      const byRow = new Map(settled.map((s) => [s.row, s]));
      previewed.forEach((r) =>
        report.rows.push({
          row: r.row,
          fields: r.fields,
          feature: byRow.get(r.row)?.feature ?? null,
          action: byRow.get(r.row)?.action ?? null,
        }),
      );
      // Only a commit that can still succeed needs the features themselves.
      const keepFeatures = commitMode && problems.errors === 0;
      await staging.append(
        identified.map((c) => {
          const s = byRow.get(c.row);
          const write = keepFeatures && s && s.action !== 'unchanged';
          return {
            row: c.row,
            id: c.id,
            action: s?.action ?? null,
            how: c.how,
            key: c.key,
            place: c.place,
            feature: write ? s.feature : null,
          };
        }),
      );
      progress('reading');
    }
    // The same feature twice in one file (a repeated key or id): the later rows are errors.
    const duplicates = await staging.duplicates(MAX_PROBLEMS);
    identities.reportDuplicates(duplicates.rows, duplicates.total - duplicates.rows.length);
    for (const [action, n] of Object.entries(duplicates.byAction)) {
      report.counts[COUNTED[action as Action]] -= n;
      report.counts.valid -= n;
    }
    report.counts.invalid = report.counts.rows - report.counts.valid;
    const removed = empty
      ? { count: 0, ids: [] }
      : await staging.removedFromSource(source, REMOVED_IDS_SHOWN);
    report.counts.removedFromSource = removed.count;
    report.counts.removed = options.replace ? removed.count : 0;
    report.removedIds = removed.ids;
    if (commit && problems.errors === 0) {
      progress('writing', true);
      await commit({ source, replace: options.replace ?? false });
      report.committed = true;
    }
  };

  await store.stageImport(options.layer, { exclusive: commitMode }, work);
  report.categories = [...categories.values()].sort((a, b) => b.rows - a.rows);
  return finish();
}
