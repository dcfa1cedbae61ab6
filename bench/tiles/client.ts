import { Agent, request } from 'node:http';
import { watchGcPauses, type GcSummary } from './gc-pauses.ts';

// The load client, run as a child process so that it never shares the server's thread:
// fetches a list of URLs with N connections (keep-alive) and reports each request's
// latency, status and body bytes back over IPC.

export interface ClientJob {
  baseUrl: string;
  paths: string[];
  concurrency: number;
  headers: Record<string, string>;
}

export interface ClientResult {
  latenciesMs: number[];
  statuses: number[];
  bytes: number[];
  wallMs: number;
  /** The client's own GC pauses during the job (they land in the latencies too). */
  clientGc: GcSummary;
}

const gc = watchGcPauses();

function fetchOne(agent: Agent, url: string, headers: Record<string, string>) {
  return new Promise<{ ms: number; status: number; bytes: number }>((resolve, reject) => {
    const started = performance.now();
    const req = request(url, { agent, headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () =>
        resolve({ ms: performance.now() - started, status: res.statusCode ?? 0, bytes }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function run(job: ClientJob): Promise<ClientResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency });
  const result: ClientResult = {
    latenciesMs: new Array<number>(job.paths.length),
    statuses: new Array<number>(job.paths.length),
    bytes: new Array<number>(job.paths.length),
    wallMs: 0,
    clientGc: {},
  };
  let next = 0;
  gc.take();
  const started = performance.now();
  const worker = async () => {
    while (next < job.paths.length) {
      const i = next++;
      const r = await fetchOne(agent, job.baseUrl + job.paths[i]!, job.headers);
      result.latenciesMs[i] = r.ms;
      result.statuses[i] = r.status;
      result.bytes[i] = r.bytes;
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  result.wallMs = performance.now() - started;
  // Observer entries arrive after the GC: let them in before reading the counts.
  await new Promise((resolve) => setImmediate(resolve));
  result.clientGc = gc.take();
  agent.destroy();
  return result;
}

process.on('message', (job: ClientJob) => {
  run(job).then(
    (result) => process.send?.(result),
    (error: unknown) => process.send?.({ error: String(error) }),
  );
});
