import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { inspectScripts, type InspectResult } from './inspect.js';
import { describePowerShell } from './tools.js';

/** Snippets Windows PowerShell 5.1 cannot parse or runs differently, with the rule that must reject them. */
const REJECTED: ReadonlyArray<{ case: string; rule: string; snippet: string }> = [
  { case: 'ternary', rule: 'ternary', snippet: "$a = $true ? 'x' : 'y'" },
  { case: 'null-coalescing', rule: 'null-coalescing', snippet: "$a = $b ?? 'x'" },
  { case: 'null-coalescing assignment', rule: 'null-coalescing', snippet: "$a ??= 'x'" },
  { case: 'null-conditional member', rule: 'null-conditional', snippet: '${a}?.Name' },
  { case: 'null-conditional method', rule: 'null-conditional', snippet: '${a}?.ToString()' },
  { case: 'null-conditional index', rule: 'null-conditional', snippet: '${a}?[0]' },
  { case: 'pipeline chain &&', rule: 'pipeline-chain', snippet: 'Get-Item x && Get-Item y' },
  { case: 'pipeline chain ||', rule: 'pipeline-chain', snippet: 'Get-Item x || exit 1' },
  {
    case: 'ForEach-Object -Parallel',
    rule: 'parameter',
    snippet: '1..2 | ForEach-Object -Parallel { $_ }',
  },
  { case: 'foreach alias -Parallel', rule: 'parameter', snippet: '1..2 | % -Parallel { $_ }' },
  {
    case: 'abbreviated -Parallel',
    rule: 'parameter',
    snippet: '1..2 | ForEach-Object -Par { $_ }',
  },
  {
    case: 'ForEach-Object -ThrottleLimit',
    rule: 'parameter',
    snippet: '1..2 | ForEach-Object -ThrottleLimit 2 -Process { $_ }',
  },
  {
    case: 'ConvertFrom-Json -AsHashtable',
    rule: 'parameter',
    snippet: "'{}' | ConvertFrom-Json -AsHashtable",
  },
  { case: 'Get-Content -AsByteStream', rule: 'parameter', snippet: 'Get-Content x -AsByteStream' },
  {
    case: 'utf8NoBOM encoding',
    rule: 'encoding',
    snippet: 'Set-Content x -Value 1 -Encoding utf8NoBOM',
  },
  { case: 'Join-String', rule: 'command', snippet: "'a', 'b' | Join-String -Separator ','" },
  { case: 'background operator', rule: 'background', snippet: 'Get-Process &' },
  { case: 'clean block', rule: 'clean-block', snippet: 'function f { process { 1 } clean { 2 } }' },
  { case: 'unicode escape', rule: 'escape', snippet: '"`u{2713}"' },
  { case: 'escape character', rule: 'escape', snippet: '"`e[31m"' },
  { case: 'unsigned literal', rule: 'numeric-literal', snippet: '$a = 5u' },
  { case: 'binary literal', rule: 'numeric-literal', snippet: '$a = 0b101' },
  { case: 'byte literal', rule: 'numeric-literal', snippet: '$a = 5uy' },
  { case: '$IsWindows', rule: 'automatic-variable', snippet: 'if ($IsWindows) { 1 }' },
  { case: '[semver]', rule: 'type', snippet: "[semver]'1.0.0'" },
  {
    case: 'ValidateRange kind',
    rule: 'attribute',
    snippet: "function f { param([ValidateRange('Positive')] [int] $a) }",
  },
  { case: '#Requires -Version 7', rule: 'requires', snippet: '#Requires -Version 7.0\n1' },
  { case: '#Requires -PSEdition Core', rule: 'requires', snippet: '#Requires -PSEdition Core\n1' },
  { case: 'non-ASCII without BOM', rule: 'encoding-bom', snippet: "$a = 'Zürich'" },
];

/** 5.1 syntax that looks close to the rejected forms and must pass. */
const ACCEPTED: ReadonlyArray<{ case: string; snippet: string }> = [
  { case: 'if/else', snippet: "if ($a) { 'x' } else { 'y' }" },
  { case: 'variable named with ?', snippet: '$a? = 1; $a?' },
  { case: 'member access', snippet: '$a.Name; $a[0]; $a.ToString()' },
  { case: '-and / -or', snippet: 'if ($a -and $b -or $c) { 1 }' },
  { case: 'ForEach-Object -Process', snippet: '1..2 | ForEach-Object -Process { $_ }' },
  { case: 'foreach alias', snippet: '1..2 | % { $_ }' },
  { case: 'foreach statement', snippet: 'foreach ($x in 1..2) { $x }' },
  {
    case: 'ForEach-Object -PipelineVariable',
    snippet: '1..2 | ForEach-Object -PipelineVariable p { $_ }',
  },
  { case: 'ConvertTo-Json -Depth', snippet: 'ConvertTo-Json -InputObject @{} -Depth 4' },
  { case: 'UTF8 encoding', snippet: 'Set-Content x -Value 1 -Encoding UTF8' },
  { case: 'hex literal', snippet: '$a = 0xffffffa6; $b = 0x2' },
  { case: 'long and kb literals', snippet: '$a = 5l; $b = 2kb; $c = 1.5d' },
  { case: 'single-quoted `e', snippet: "$a = '`e `u{1}'" },
  { case: 'escaped backtick before e', snippet: '$a = "``e"' },
  { case: 'ampersand call', snippet: '& $command -Name x' },
  { case: 'redirection', snippet: 'Get-Item x 2>&1' },
  { case: 'ValidateRange bounds', snippet: 'function f { param([ValidateRange(1, 5)] [int] $a) }' },
  { case: '#Requires -Version 5.1', snippet: '#Requires -Version 5.1\n1' },
  { case: 'class and enum', snippet: 'enum Color { Red }\nclass A { [int] $b }' },
  { case: 'ShouldProcess', snippet: "if ($PSCmdlet.ShouldProcess('x', 'y')) { 1 }" },
];

describePowerShell('Windows PowerShell 5.1 checker', (tools) => {
  let results: Map<string, InspectResult>;
  const folder = mkdtempSync(join(tmpdir(), 'aovpn-ps51-'));
  const pathOf = (name: string): string => join(folder, `${name.replace(/\W+/g, '-')}.ps1`);

  beforeAll(() => {
    const cases = [...REJECTED, ...ACCEPTED];
    for (const { case: name, snippet } of cases) {
      writeFileSync(pathOf(name), `${snippet}\n`);
    }
    results = inspectScripts(
      tools,
      cases.map(({ case: name }) => pathOf(name)),
    );
  });

  it.each(REJECTED)('rejects $case', ({ case: name, rule }) => {
    const result = results.get(pathOf(name))!;
    expect(result.parseErrors).toEqual([]);
    expect(result.ps51.map((finding) => finding.rule)).toContain(rule);
  });

  it.each(ACCEPTED)('accepts $case', ({ case: name }) => {
    const result = results.get(pathOf(name))!;
    expect(result.parseErrors).toEqual([]);
    expect(result.ps51).toEqual([]);
  });
});
