/**
 * Property: for random valid baselines, `check` finds agreement between a baseline and
 * its machines' captures, and a change to any one field of any one capture is reported
 * as exactly that field of exactly that capture.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBaselineFile } from '../../src/baseline/load.js';
import { runCli } from '../../src/cli/main.js';
import { renderBaseline } from '../../src/render/render.js';
import { PROFILE_XML_FOLDER, profileXmlTarget } from '../../src/targets/profile-xml/index.js';
import { deriveBaseFileNames } from '../../src/targets/profile-xml/file-names.js';
import type { CheckReport } from '../../src/check/findings.js';
import {
  createRandom,
  pick,
  randomValidBaseline,
  type Random,
} from '../helpers/random-baseline.js';
import {
  artifactsOf,
  baselineField,
  encode,
  statesOf,
  writeArtifacts,
  type Artifact,
  type Encoding,
} from './artifacts.js';

const SEEDS = Array.from({ length: 40 }, (_value, index) => 1000 + index);
const ENCODINGS: Encoding[] = ['utf8', 'utf8-bom', 'utf16le-bom'];

async function check(
  args: string[],
  cwd: string,
): Promise<{ code: number; report: CheckReport; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['check', ...args, '--json'], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd,
  });
  return {
    code,
    report: stdout === '' ? ({ findings: [] } as never) : (JSON.parse(stdout) as CheckReport),
    stderr,
  };
}

function differences(report: CheckReport): Array<{ artifact: string; field: string }> {
  return report.findings
    .filter((finding) => finding.severity !== 'warning')
    .map((finding) => ({ artifact: finding.artifact, field: finding.field }));
}

/** Rewrites one artifact with one field changed and returns what check must report. */
function mutateOne(
  random: Random,
  baselineFile: string,
  artifacts: readonly Artifact[],
  baseline: Parameters<typeof statesOf>[0],
): { artifact: string; field: string; restore: () => void } {
  const artifact = pick(random, artifacts);
  const field = pick(random, artifact.fields);
  const states = statesOf(baseline);
  artifact.mutate(states, field, random);
  const path = join(dirname(baselineFile), artifact.file);
  writeFileSync(path, encode(artifact.render(states), pick(random, ENCODINGS)));
  const original = encode(artifact.render(statesOf(baseline)), 'utf8');
  return {
    artifact: artifact.reported(field),
    field: baselineField(field),
    restore: () => writeFileSync(path, original),
  };
}

describe('check property', () => {
  for (const seed of SEEDS) {
    it(`baseline seed ${seed}`, async () => {
      const random = createRandom(seed);
      const { baseline, file } = randomValidBaseline(random);
      const cwd = dirname(file);
      const artifacts = artifactsOf(baseline, renderProfiles(file, baseline.connections.length));
      const inputs = writeArtifacts(file, artifacts, statesOf(baseline), () =>
        pick(random, ENCODINGS),
      );

      const drift = await check(['baseline.yaml', ...inputs], cwd);
      expect(drift.stderr).toBe('');
      expect(differences(drift.report)).toEqual([]);
      expect(drift.code).toBe(0);

      const clientSide = artifacts.filter((artifact) => isClientSide(artifact));
      const negotiationInputs = ['--server', 'server.txt', ...argumentsOf(clientSide)];
      const negotiation = await check(negotiationInputs, cwd);
      expect(negotiation.stderr).toBe('');
      expect(differences(negotiation.report)).toEqual([]);
      expect(negotiation.code).toBe(0);

      for (let round = 0; round < 8; round += 1) {
        const mutation = mutateOne(random, file, artifacts, baseline);
        const after = await check(['baseline.yaml', ...inputs], cwd);
        expect(after.stderr).toBe('');
        expect(differences(after.report)).toEqual([
          { artifact: mutation.artifact, field: mutation.field },
        ]);
        expect(after.code).toBe(1);
        mutation.restore();
      }

      for (let round = 0; round < 4; round += 1) {
        const mutation = mutateOne(random, file, clientSide, baseline);
        const after = await check(negotiationInputs, cwd);
        const expected = [{ artifact: mutation.artifact, field: mutation.field }];
        if (mutation.field === 'ike.dhGroup' && baseline.esp.pfsGroup === 'PFSMM') {
          // PFSMM follows the DH group, so the group used at a child SA rekey changes too.
          expected.push({ artifact: mutation.artifact, field: 'esp.pfsGroup' });
        }
        expect(after.stderr).toBe('');
        expect(differences(after.report)).toEqual(expected);
        expect(after.code).toBe(1);
        mutation.restore();
      }
    });
  }
});

/** Renders the baseline's ProfileXML files with the real profile-xml target, by connection index. */
function renderProfiles(file: string, count: number): string[] {
  const loaded = loadBaselineFile(file);
  const names = deriveBaseFileNames(
    loaded.baseline!.connections.map((connection) => connection.name),
  );
  const files = renderBaseline(loaded, [profileXmlTarget]);
  return names.slice(0, count).map((name) => {
    const xml = files.find((generated) => generated.path === `${PROFILE_XML_FOLDER}/${name}.xml`);
    if (xml === undefined) {
      throw new Error(`the profile-xml target rendered no ${name}.xml`);
    }
    return xml.content;
  });
}

function isClientSide(artifact: Artifact): boolean {
  return (
    ['--client', '--profile-xml'].includes(artifact.option) ||
    artifact.file === 'collected-client.json'
  );
}

function argumentsOf(artifacts: readonly Artifact[]): string[] {
  return artifacts.flatMap((artifact) => [artifact.option, artifact.file]);
}
