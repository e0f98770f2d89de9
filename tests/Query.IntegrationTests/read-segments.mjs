// An independent reader for the segment store: DuckDB's Node.js API (not our C# binding) opens every Parquet
// segment under a tenant folder and prints each file's row count and schema as JSON.
// Usage: node read-segments.mjs <node_modules dir> <tenant folder>
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const [modules, folder] = process.argv.slice(2);
const { DuckDBInstance } = await import(join(modules, '@duckdb/node-api/lib/index.js'));
const files = readdirSync(folder, { recursive: true }).filter(f => f.endsWith('.parquet')).map(f => join(folder, f));
const connection = await (await DuckDBInstance.create(':memory:')).connect();
const result = [];
for (const file of files) {
  const rows = await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM read_parquet('${file.replaceAll("'", "''")}')`);
  const schema = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file.replaceAll("'", "''")}', hive_partitioning = false)`);
  result.push({
    file,
    rows: rows.getRowObjectsJson()[0].n,
    columns: schema.getRowObjectsJson().map(c => ({ name: c.column_name, type: c.column_type })),
  });
}
console.log(JSON.stringify(result));
