/** The command-line entry: the only module that touches process, console and exit codes. */
import { Command, CommanderError } from 'commander';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { EXIT_CODES_HELP, EXIT_INPUT_ERROR } from './exit-codes.js';
import { runDiff } from './diff.js';
import type { CliIo } from './io.js';
import { runCheck, type CheckOptions } from './check.js';
import { runRender } from './render.js';
import { runRules } from './rules.js';
import { runValidate } from './validate.js';

/** Adds the comma-separated names of one --target option to those of earlier ones. */
function collectTargetNames(value: string, previous: string[] | undefined): string[] {
  const names = value.split(',').map((name) => name.trim());
  return [...(previous ?? []), ...names];
}

/** Builds the command tree. Each action stores its exit code in `result`. */
function buildProgram(io: CliIo, result: { exitCode: number }): Command {
  const program = new Command(TOOL_NAME)
    .description(
      'One YAML baseline for Always On VPN IKEv2 crypto, rendered into matching scripts.',
    )
    .version(TOOL_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .addHelpText('after', `\n${EXIT_CODES_HELP}\n`);

  program
    .command('validate')
    .description('Check baselines against the schema and the crypto rules.')
    .argument('<baseline...>', 'baseline YAML files')
    .option('--strict', 'treat unwaived warnings as errors')
    .option('--json', 'print the diagnostics as JSON on stdout')
    .addHelpText('after', `\n${EXIT_CODES_HELP}\n`)
    .action((files: string[], options: { strict?: boolean; json?: boolean }) => {
      result.exitCode = runValidate(files, options, io);
    });

  program
    .command('render')
    .description('Validate a baseline and write the scripts and profiles of every target.')
    .argument('<baseline>', 'baseline YAML file')
    .option('-o, --out <folder>', 'output folder (default: out/<baseline name>)')
    .option(
      '-t, --target <names>',
      'render only these targets, comma-separated or repeated (default: all)',
      collectTargetNames,
    )
    .option('--strict', 'treat unwaived warnings as errors')
    .addHelpText('after', `\n${EXIT_CODES_HELP}\n`)
    .action((file: string, options: { out?: string; target?: string[]; strict?: boolean }) => {
      result.exitCode = runRender(file, options, io);
    });

  program
    .command('check')
    .description(
      'Compare what machines have with a baseline (drift), or clients with a server without one (will they negotiate?).',
    )
    .argument('[baseline]', 'baseline YAML file; without it, clients are compared with the server')
    .option(
      '--server <file...>',
      'Get-VpnServerConfiguration output (Format-List text or ConvertTo-Json)',
    )
    .option(
      '--client <file...>',
      'Get-VpnConnection ... | Select-Object -ExpandProperty IPsecCustomPolicy output (text or JSON; empty = no custom policy)',
    )
    .option(
      '--profile-xml <file...>',
      'ProfileXML files, as authored or exported (HTML-escaped is fine)',
    )
    .option('--nps <file...>', 'netsh nps show np output')
    .option('--registry <file...>', 'reg query output for NegotiateDH2048_AES256')
    .option(
      '--collected <file...>',
      'JSON written by collect-server.ps1 or collect-client.ps1: all inputs of one machine',
    )
    .option(
      '--gateway <file...>',
      'strongSwan gateway: swanctl.conf, ipsec.conf, or charon log lines with "configured proposals"',
    )
    .option(
      '--gateway-connection <name>',
      'compare only this connection of each --gateway file (swanctl.conf connections.<name>, ipsec.conf conn <name>); not for charon logs',
    )
    .option(
      '--connection-name <name>',
      'connection name for the fix commands of --client captures, which do not carry one',
    )
    .option('--json', 'print the report as JSON')
    .option('--markdown', 'print the report as Markdown')
    .option('--strict', 'exit 1 on warnings too')
    .addHelpText('after', `\n${EXIT_CODES_HELP}\n`)
    .action((file: string | undefined, options: CheckOptions) => {
      result.exitCode = runCheck(file, options, io);
    });

  program
    .command('diff')
    .description(
      'Explain a change between two versions of a baseline: per-field strength, findings, Windows builds, what to redeploy and in which order.',
    )
    .argument('<baseline...>', 'OLD NEW, or one BASELINE with --base')
    .option(
      '--base <rev>',
      'compare BASELINE with its version at this git revision (git show REV:path)',
    )
    .option('--format <format>', 'output format: text, markdown or json', 'text')
    .option('--fail-on <change>', 'exit 1 when a crypto field gets weaker (only value: weaker)')
    .addHelpText('after', `\n${EXIT_CODES_HELP}\n`)
    .action((files: string[], options: { base?: string; format?: string; failOn?: string }) => {
      result.exitCode = runDiff(files, options, io);
    });

  program
    .command('rules')
    .description('List every rule: code, severity, whether a baseline may waive it, summary.')
    .option('--json', 'print the list as JSON')
    .action((options: { json?: boolean }) => {
      result.exitCode = runRules(options, io);
    });

  return program;
}

/** Runs the CLI with injected arguments (without node and script) and streams; returns the exit code. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const result = { exitCode: 0 };
  const program = buildProgram(io, result);
  try {
    await program.parseAsync([...args], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : EXIT_INPUT_ERROR;
    }
    // A crash must not read as exit 1 (a mismatch or a weaker change) to a script or CI
    // job that acts on the exit code, so it ends with 2: no verdict.
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(
      `internal error, no verdict was made: ${detail}\nPlease report this with the command and its input files.\n`,
    );
    return EXIT_INPUT_ERROR;
  }
  return result.exitCode;
}
