/** Writes schema/baseline.schema.json and docs/baseline-reference.md. Run with `npm run schema`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildReferenceDoc } from '../src/baseline/reference-doc.js';
import { buildBaselineSchema } from '../src/baseline/schema.js';

const schemaFile = new URL('../schema/baseline.schema.json', import.meta.url);
writeFileSync(schemaFile, `${JSON.stringify(buildBaselineSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${schemaFile.pathname}\n`);

const docsFolder = new URL('../docs/', import.meta.url);
mkdirSync(docsFolder, { recursive: true });
const referenceFile = new URL('baseline-reference.md', docsFolder);
writeFileSync(referenceFile, buildReferenceDoc());
process.stdout.write(`wrote ${referenceFile.pathname}\n`);
