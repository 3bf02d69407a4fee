/** Writes schema/baseline.schema.json from the schema builder. Run with `npm run schema`. */
import { writeFileSync } from 'node:fs';
import { buildBaselineSchema } from '../src/baseline/schema.js';

const target = new URL('../schema/baseline.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(buildBaselineSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${target.pathname}\n`);
