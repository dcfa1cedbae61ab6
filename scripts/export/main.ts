import { CliError, runCli } from './run.ts';

// npm run export -- --db FILE --parquet DIR
try {
  await runCli(process.argv.slice(2));
} catch (err) {
  console.error(err instanceof CliError ? err.message : err);
  process.exit(1);
}
