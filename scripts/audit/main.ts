import { CliError, runCli } from './run.ts';

// npm run audit -- --db FILE --profile NAME --out findings.csv|findings.geojson
try {
  await runCli(process.argv.slice(2));
} catch (err) {
  console.error(err instanceof CliError ? err.message : err);
  process.exit(1);
}
