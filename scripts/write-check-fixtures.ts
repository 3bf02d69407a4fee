/** Writes the binary fixtures of `check` (see test/helpers/check-fixtures.ts). Run: npx tsx scripts/write-check-fixtures.ts */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCheckFixtures, FIXTURE_ROOT } from '../test/helpers/check-fixtures.js';

const folder = join(FIXTURE_ROOT, 'generated');
mkdirSync(folder, { recursive: true });
for (const [name, bytes] of buildCheckFixtures()) {
  writeFileSync(join(folder, name), bytes);
  console.log(join('test/fixtures/check/generated', name));
}
