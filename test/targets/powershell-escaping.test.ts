import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBaselineFile } from '../../src/baseline/load.js';
import type { Baseline } from '../../src/baseline/types.js';
import type { GeneratedFile } from '../../src/targets/target.js';
import { powershellString } from '../../src/render/escape.js';
import { REPO_ROOT, validBaseline, writeBaseline } from '../helpers/baselines.js';
import {
  DEVICE_SCRIPT,
  findFile,
  NPS_SCRIPT,
  renderPowerShell,
  USER_SCRIPT,
} from './render-helpers.js';
import { findPwsh } from '../helpers/pwsh.js';

/** Names an admin could give a connection or a network policy, each hostile to some quoting layer. */
const HOSTILE_NAMES: Array<[string, string]> = [
  ['single quote', "O'Brien's VPN"],
  ['typographic quotes', 'Contoso \u2018Device\u2019 \u201AVPN\u201B'],
  ['dollar expansion', 'VPN $env:USERNAME $(Remove-Item C:\\)'],
  ['backtick', 'VPN `n`0 tunnel`'],
  ['semicolon', 'VPN; Restart-Computer -Force'],
  ['percent', 'VPN %PATH% 100%'],
  ['comment markers', 'VPN #> <# # end'],
  ['ampersand and pipes', 'A & B | C > D'],
  ['non-ASCII', 'Ünïcødé 接続 VPN'],
  ['long', `${'Long VPN name '.repeat(16)}end`],
];

/** A connection name may also contain a double quote, which PowerShell single quotes carry. */
const CONNECTION_ONLY_NAMES: Array<[string, string]> = [['double quote', 'The "Corp" VPN']];

function withNames(connectionName: string, policyName: string | undefined): Baseline {
  const baseline = validBaseline();
  baseline.connections = baseline.connections.map((connection) => ({
    ...connection,
    name: `${connectionName} (${connection.tunnel})`,
  }));
  if (policyName !== undefined && baseline.nps !== undefined) {
    baseline.nps.networkPolicy = policyName;
  }
  return baseline;
}

const PWSH = findPwsh();

interface ParsedScript {
  errors: string[];
  values: Record<string, string[]>;
}

/**
 * Parses scripts with PowerShell's own parser, in one pwsh process, and returns for each
 * its parse errors and the single-quoted literals assigned to each variable.
 */
function parseWithPowerShell(contents: readonly string[]): ParsedScript[] {
  const folder = mkdtempSync(join(tmpdir(), 'aovpn-baseline-parse-'));
  const paths = contents.map((content, index) => {
    const path = join(folder, `script-${index}.ps1`);
    writeFileSync(path, `\uFEFF${content}`);
    return path;
  });
  const command = `
$results = foreach ($path in $input) {
    $tokens = $null; $errors = $null
    $ast = [System.Management.Automation.Language.Parser]::ParseFile($path, [ref]$tokens, [ref]$errors)
    $values = [ordered]@{}
    foreach ($assignment in $ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.AssignmentStatementAst] }, $false)) {
        $literals = @($assignment.Right.FindAll({ param($node) $node -is [System.Management.Automation.Language.StringConstantExpressionAst] -and $node.StringConstantType -eq 'SingleQuoted' }, $true) | ForEach-Object { $_.Value })
        if ($literals.Count -gt 0) { $values[$assignment.Left.Extent.Text] = $literals }
    }
    [pscustomobject]@{ errors = @($errors | ForEach-Object { $_.Message }); values = $values }
}
ConvertTo-Json -InputObject @($results) -Depth 4 -Compress`;
  const output = execFileSync(
    PWSH!,
    ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', command],
    { encoding: 'utf8', input: paths.join('\n') },
  );
  return JSON.parse(output) as ParsedScript[];
}

describe('PowerShell escaping', () => {
  it.each([...HOSTILE_NAMES, ...CONNECTION_ONLY_NAMES])('connection name: %s', (_, name) => {
    const files = renderPowerShell(withNames(name, undefined));
    for (const [path, tunnel] of [
      [DEVICE_SCRIPT, 'device'],
      [USER_SCRIPT, 'user'],
    ] as const) {
      const script = findFile(files, path).content;
      expect(script, path).toContain(
        `$Connections = @(\n    ${powershellString(`${name} (${tunnel})`)}\n)`,
      );
    }
  });

  it.each(HOSTILE_NAMES)('network policy name: %s', (_, name) => {
    const script = findFile(renderPowerShell(withNames('VPN', name)), NPS_SCRIPT).content;
    expect(script).toContain(`$NetworkPolicyName = ${powershellString(name)}\n`);
    expect(script).toContain(
      `$ShowCommand = ${powershellString(`nps show np name = "${name}"`)}\n`,
    );
  });

  it('network policy with a double quote is invalid', () => {
    const baseline = withNames('VPN', 'The "Corp" policy');
    const loaded = loadBaselineFile(writeBaseline(baseline), REPO_ROOT);
    const codes = loaded.diagnostics.map((diagnostic) => diagnostic.code);
    expect(codes.length).toBeGreaterThan(0);
    expect(loaded.diagnostics.every((diagnostic) => diagnostic.severity === 'error')).toBe(true);
    expect(loaded.diagnostics[0]?.path).toEqual(['nps', 'networkPolicy']);
  });

  describe.skipIf(PWSH === undefined)(
    'parsed by pwsh (skipped: run .ci/install-powershell.sh)',
    () => {
      it('hostile names survive parsing', () => {
        const clientScripts = (label: string, name: string, files: GeneratedFile[]) =>
          [
            {
              label,
              path: DEVICE_SCRIPT,
              variable: '$Connections',
              expected: [`${name} (device)`],
            },
            { label, path: USER_SCRIPT, variable: '$Connections', expected: [`${name} (user)`] },
          ].map((entry) => ({ ...entry, content: findFile(files, entry.path).content }));
        const scripts = [
          ...HOSTILE_NAMES.flatMap(([label, name]) => {
            const files = renderPowerShell(withNames(name, name));
            const nps = {
              label,
              path: NPS_SCRIPT,
              variable: '$NetworkPolicyName',
              expected: [name],
            };
            return [
              ...clientScripts(label, name, files),
              { ...nps, content: findFile(files, NPS_SCRIPT).content },
            ];
          }),
          ...CONNECTION_ONLY_NAMES.flatMap(([label, name]) =>
            clientScripts(label, name, renderPowerShell(withNames(name, undefined))),
          ),
        ];
        const parsed = parseWithPowerShell(scripts.map((script) => script.content));
        expect(parsed).toHaveLength(scripts.length);
        scripts.forEach((script, index) => {
          const where = `${script.label}, ${script.path}`;
          expect(parsed[index]?.errors, where).toEqual([]);
          expect(parsed[index]?.values[script.variable], where).toEqual(script.expected);
        });
      });
    },
  );
});
