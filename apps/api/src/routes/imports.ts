import { rm } from 'node:fs/promises';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { problemsFromZod, type DataProblem } from '@atlas/model';
import { ImportOptions, MAX_FILE_BYTES_DEFAULT, Overrides } from '@atlas/import';
import type { AtlasStore } from '@atlas/store';
import type { AppEnv } from '../app-env.ts';
import { ApiProblem, notFound } from '../problem.ts';
import { ImportJob, isResting } from './imports-job.ts';
import { FileGone, ImportJobs, type JobEvent } from './imports-jobs.ts';
import { UploadInvalid, UploadTooLarge, receiveUpload } from './imports-upload.ts';

// POST /api/imports (multipart upload, streamed to disk → a preview job), GET /api/imports
// (newest jobs), GET /api/imports/:id, GET /api/imports/:id/events (Server-Sent Events:
// progress and status), POST /api/imports/:id/commit (optional overrides → all-or-nothing
// commit), DELETE /api/imports/:id (cancel; its file is removed).

/** Room for the multipart envelope and the option fields around the file. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;
/** SSE keep-alive comment interval, so proxies keep a quiet stream open. */
const SSE_KEEPALIVE_MS = 15_000;
/** Form fields that carry JSON. */
const JSON_FIELDS = ['mapping', 'categoryMapping'] as const;

const IdParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });
const problemResponse = (description: string) => ({
  content: { 'application/problem+json': { schema: z.object({}).passthrough() } },
  description,
});
const UploadForm = z.object({
  file: z.any().openapi({ type: 'string', format: 'binary' }),
  layer: z.string(),
  crs: z.string().optional(),
  swapXY: z.string().optional().openapi({ example: 'true' }),
  mapping: z.string().optional().openapi({ description: 'JSON: field → column' }),
  categoryMapping: z
    .string()
    .optional()
    .openapi({ description: 'JSON: category text → categories' }),
  encoding: z.string().optional(),
  source: z.string().optional(),
  replace: z
    .string()
    .optional()
    .openapi({ example: 'true', description: 'delete features of the source the file lacks' }),
});

const uploadRoute = createRoute({
  method: 'post',
  path: '/api/imports',
  tags: ['imports'],
  summary: 'Upload a file and start its preview (dry run); follow it at /events or poll',
  request: { body: { content: { 'multipart/form-data': { schema: UploadForm } } } },
  responses: {
    202: { content: { 'application/json': { schema: ImportJob } }, description: 'Preview started' },
    400: problemResponse('No file, or invalid options'),
    413: problemResponse('File over the size limit'),
  },
});
const listRoute = createRoute({
  method: 'get',
  path: '/api/imports',
  tags: ['imports'],
  summary: 'The newest import jobs, newest first (kept across restarts)',
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ jobs: z.array(ImportJob) }) } },
      description: 'OK',
    },
  },
});
const cancelRoute = createRoute({
  method: 'delete',
  path: '/api/imports/{id}',
  tags: ['imports'],
  summary: 'Cancel a job (a running one stops at its next batch, writing nothing)',
  request: { params: IdParam },
  responses: {
    200: { content: { 'application/json': { schema: ImportJob } }, description: 'Cancelled' },
    404: problemResponse('No such job'),
    409: problemResponse('Already committed'),
  },
});
const getRoute = createRoute({
  method: 'get',
  path: '/api/imports/{id}',
  tags: ['imports'],
  summary: 'An import job: status, progress, preview and last commit result',
  request: { params: IdParam },
  responses: {
    200: { content: { 'application/json': { schema: ImportJob } }, description: 'OK' },
    404: problemResponse('No such job'),
  },
});
const commitRoute = createRoute({
  method: 'post',
  path: '/api/imports/{id}/commit',
  tags: ['imports'],
  summary: 'Commit in one transaction, with optional overrides (crs, swapXY, mapping …)',
  request: {
    params: IdParam,
    body: { content: { 'application/json': { schema: Overrides } }, required: false },
  },
  responses: {
    200: { content: { 'application/json': { schema: ImportJob } }, description: 'Committed' },
    404: problemResponse('No such job'),
    409: problemResponse('Job busy, already committed, or its file is no longer kept'),
    422: problemResponse('Problems in the data: nothing was written'),
  },
});

function invalid(
  detail: string,
  problems: DataProblem[] = [{ row: null, field: null, reason: detail, severity: 'error' }],
) {
  return new ApiProblem(400, 'invalid-request', '请求参数无效 Invalid request', detail, problems);
}

function optionsFrom(form: Record<string, unknown>): ImportOptions {
  const raw: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(form))
    if (k !== 'file' && typeof v === 'string' && v !== '') raw[k] = v;
  for (const field of JSON_FIELDS) {
    if (typeof raw[field] !== 'string') continue;
    try {
      raw[field] = JSON.parse(raw[field] as string);
    } catch {
      throw invalid(`${field}: not valid JSON`, [
        { row: null, field, reason: 'not valid JSON', severity: 'error' },
      ]);
    }
  }
  for (const flag of ['swapXY', 'replace'])
    if (typeof raw[flag] === 'string') raw[flag] = raw[flag] === 'true';
  const parsed = ImportOptions.safeParse(raw);
  if (!parsed.success) {
    const problems = problemsFromZod(parsed.error);
    throw invalid(problems.map((p) => `${p.field ?? 'options'}: ${p.reason}`).join('; '), problems);
  }
  return parsed.data;
}

export interface ImportRouteOptions {
  maxFileBytes?: number;
  maxUnzippedBytes?: number;
  /** Where uploads wait between preview and commit (default: the OS temp directory). */
  uploadRoot?: string;
}

export function importRoutes({
  maxFileBytes = MAX_FILE_BYTES_DEFAULT,
  maxUnzippedBytes,
  uploadRoot,
}: ImportRouteOptions = {}) {
  const jobs = new ImportJobs(
    { maxFileBytes, ...(maxUnzippedBytes ? { maxUnzippedBytes } : {}) },
    uploadRoot,
  );
  const tooLarge = () =>
    new ApiProblem(
      413,
      'too-large',
      '文件过大 File too large',
      `uploads are limited to ${maxFileBytes} bytes`,
      [
        {
          row: null,
          field: 'file',
          reason: `over the limit of ${maxFileBytes} bytes`,
          severity: 'error',
        },
      ],
    );
  const conflict = (title: string, detail: string) =>
    new ApiProblem(409, 'conflict', title, detail);
  const jobOr404 = async (store: AtlasStore, id: string) => {
    const job = await jobs.get(store, id);
    if (!job) throw notFound(`no import job ${id}`);
    return job;
  };

  const app = new OpenAPIHono<AppEnv>();
  // Documented here, handled below without the generated validator: it would parse (and
  // so buffer) the whole multipart body; receiveUpload streams it to disk instead.
  app.openAPIRegistry.registerPath(uploadRoute);
  return app
    .openapi(listRoute, async (c) => c.json({ jobs: await jobs.list(c.get('store')) }, 200))
    .openapi(getRoute, async (c) =>
      c.json(await jobOr404(c.get('store'), c.req.valid('param').id), 200),
    )
    .openapi(cancelRoute, async (c) => {
      const { id } = c.req.valid('param');
      const job = await jobOr404(c.get('store'), id);
      if (job.status === 'committed')
        throw conflict('已导入 Already committed', `import ${id} is already committed`);
      return c.json((await jobs.cancel(c.get('store'), id)) ?? job, 200);
    })
    .openapi(commitRoute, async (c) => {
      const { id } = c.req.valid('param');
      const store = c.get('store');
      const job = await jobOr404(store, id);
      if (job.status === 'committed')
        throw conflict('已导入 Already committed', `import ${id} is already committed`);
      if (!isResting(job.status))
        throw conflict('正在处理 Busy', `import ${id} is ${job.status}; wait for it`);
      const overrides = c.req.header('content-type')?.includes('json') ? c.req.valid('json') : {};
      const after = await jobs.commit(store, id, overrides ?? {}).catch((error: unknown) => {
        if (error instanceof FileGone) throw conflict('文件已清除 File gone', error.message);
        throw error;
      });
      if (after.status !== 'committed') {
        const problems = after.result?.problems ?? [];
        throw new ApiProblem(
          422,
          'import-rejected',
          '数据有误，未导入 Nothing imported',
          `${after.result?.counts.errors ?? 0} errors: nothing was written`,
          problems,
        );
      }
      return c.json(after, 200);
    })
    .post('/api/imports', async (c) => {
      const declared = Number(c.req.header('content-length') ?? NaN);
      if (declared > maxFileBytes + MULTIPART_OVERHEAD_BYTES) throw tooLarge();
      const { dir, path } = await jobs.uploadDir();
      let started = false;
      try {
        const upload = await receiveUpload(c.req.raw, path, maxFileBytes).catch(
          (error: unknown) => {
            if (error instanceof UploadTooLarge) throw tooLarge();
            if (error instanceof UploadInvalid) throw invalid(error.message);
            throw error;
          },
        );
        if (upload.fileName === null)
          throw invalid('no file: send it as the multipart field "file"', [
            { row: null, field: 'file', reason: 'missing', severity: 'error' },
          ]);
        const options = optionsFrom(upload.fields);
        const { job, done } = await jobs.start(c.get('store'), dir, upload.fileName, options);
        started = true;
        done.catch((err: unknown) =>
          c.get('log').error({ err, job: job.id }, 'import preview failed'),
        );
        return c.json(job, 202, { location: `/api/imports/${job.id}` });
      } finally {
        if (!started) await rm(dir, { recursive: true, force: true });
      }
    })
    .get('/api/imports/:id/events', async (c) => {
      const id = c.req.param('id');
      const job = await jobOr404(c.get('store'), id);
      return streamSSE(c, async (stream) => {
        let finished = isResting(job.status);
        const queue: JobEvent[] = [{ type: 'status', job }];
        let wake: (() => void) | null = null;
        const stop = jobs.listen(id, (e) => {
          queue.push(e);
          wake?.();
        });
        stream.onAbort(() => {
          finished = true;
          wake?.();
        });
        const keepAlive = setInterval(
          () => void stream.write(': keep-alive\n\n'),
          SSE_KEEPALIVE_MS,
        );
        try {
          for (;;) {
            for (let e = queue.shift(); e; e = queue.shift()) {
              const data = e.type === 'progress' ? e.progress : e.job;
              await stream.writeSSE({ event: e.type, data: JSON.stringify(data) });
              if (e.type === 'status' && isResting(e.job.status)) finished = true;
            }
            if (finished) break;
            await new Promise<void>((resolve) => (wake = resolve));
            wake = null;
          }
        } finally {
          clearInterval(keepAlive);
          stop();
        }
      });
    });
}
