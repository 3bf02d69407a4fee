/**
 * Reader for `netsh nps show np`. Microsoft does not document this output, so the
 * reader is tolerant: it looks for `Name = ...` lines that start a policy and for the
 * two encryption attributes by id or name, and reports every line it could not read.
 *
 * Attribute semantics come from the NPS SDK ATTRIBUTEID enumeration and RFC 2548.
 * RAS_ATTRIBUTE_ENCRYPTION_TYPE 0xFFFFFFA6 (msRASEncryptionType) is a bit mask: 0x2 Basic
 * (MPPE 40-bit), 0x8 Strong (MPPE 56-bit), 0x4 Strongest (MPPE 128-bit).
 * RAS_ATTRIBUTE_ENCRYPTION_POLICY 0xFFFFFFA7 (msRASAllowEncryption) is 1 for allowed
 * (No encryption ticked) and 2 for required. A policy with neither attribute allows
 * every level.
 */
import type { MppeLevel } from '../../baseline/types.js';
import type { Diagnostic, SourcePosition } from '../../diagnostics.js';
import { inputDiagnostic, type NpsPolicy, type ParseResult } from '../model.js';
import { positionIn, splitLines, type SourceText } from './source-text.js';

export const ENCRYPTION_TYPE_ID = 0xffffffa6;
export const ENCRYPTION_POLICY_ID = 0xffffffa7;
export const MPPE_BITS: ReadonlyArray<{ level: MppeLevel; bit: number }> = [
  { level: 'basic', bit: 0x2 },
  { level: 'strong', bit: 0x8 },
  { level: 'strongest', bit: 0x4 },
];

const POLICY_NAME = /^\s*(?:policy\s+)?name\s*[=:]\s*(.*?)\s*$/i;
const TYPE_ATTRIBUTE = /0xffffffa6|4294967206|msRASEncryptionType|encryption[-_ ]?type/i;
const POLICY_ATTRIBUTE = /0xffffffa7|4294967207|msRASAllowEncryption|encryption[-_ ]?policy/i;
const NUMBER_AT_END = /(0x[0-9a-f]+|\d+)\s*"?\s*$/i;
/** Lines that carry nothing for this check: separators, headers, other settings and attributes. */
const OTHER_LINE =
  /^\s*$|^\s*[-=]{3,}\s*$|^\s*Name\s+Id\s+Value\s*$|^[^=:]+\s[=:]\s.*$|^\s*\S+\s+0x[0-9a-f]+\s+.*$|^.*(?:configuration|attributes)\s*:\s*$|^\s*Ok\.?\s*$/i;

interface PolicyBuilder {
  name: NpsPolicy['name'];
  type?: { value: number; position: SourcePosition };
  policy?: { value: number; position: SourcePosition };
}

export function parseNpsText(source: SourceText, artifact: string): ParseResult {
  const builders: PolicyBuilder[] = [];
  const diagnostics: Diagnostic[] = [
    inputDiagnostic(
      'nps-format-unconfirmed',
      'info',
      positionIn(source, 1, 1),
      `the layout of netsh nps show np output is not documented by Microsoft, so ${source.file} was read tolerantly: check the encryption levels below against the NPS console`,
    ),
  ];
  for (const { text, line } of splitLines(source)) {
    const current = builders[builders.length - 1];
    const name = POLICY_NAME.exec(text);
    if (name !== null && name[1] !== '') {
      const column = text.indexOf(name[1]!) + 1;
      builders.push({ name: { value: name[1]!, position: positionIn(source, line, column) } });
      continue;
    }
    const attribute = readAttribute(source, text, line);
    if (attribute !== undefined && current !== undefined) {
      current[attribute.which] = attribute;
      continue;
    }
    if (attribute === undefined && OTHER_LINE.test(text)) {
      continue;
    }
    diagnostics.push(
      inputDiagnostic(
        'nps-line-not-read',
        'info',
        positionIn(source, line, 1),
        `line ${JSON.stringify(text.trim())} was not read`,
      ),
    );
  }
  if (builders.length === 0) {
    return {
      observations: [],
      diagnostics: [
        inputDiagnostic(
          'nps-no-policy',
          'error',
          positionIn(source, 1, 1),
          `${source.file} contains no network policy (no "Name = ..." line)`,
          'Capture with: netsh nps show np > nps.txt',
        ),
      ],
    };
  }
  const policies = builders.map(buildPolicy);
  return {
    observations: [{ kind: 'nps', artifact, policies, position: positionIn(source, 1, 1) }],
    diagnostics,
  };
}

function readAttribute(
  source: SourceText,
  text: string,
  line: number,
): { which: 'type' | 'policy'; value: number; position: SourcePosition } | undefined {
  const which = TYPE_ATTRIBUTE.test(text)
    ? 'type'
    : POLICY_ATTRIBUTE.test(text)
      ? 'policy'
      : undefined;
  const number = NUMBER_AT_END.exec(text);
  if (which === undefined || number === null) {
    return undefined;
  }
  const value = Number(number[1]);
  if (value === ENCRYPTION_TYPE_ID || value === ENCRYPTION_POLICY_ID) {
    return undefined;
  }
  return { which, value, position: positionIn(source, line, number.index + 1) };
}

function buildPolicy(builder: PolicyBuilder): NpsPolicy {
  const levels = new Set<MppeLevel>();
  const { type, policy } = builder;
  if (type === undefined && policy === undefined) {
    return {
      name: builder.name,
      encryption: {
        value: ['none', 'basic', 'strong', 'strongest'],
        position: builder.name.position,
      },
      encryptionFromDefault: true,
    };
  }
  for (const { level, bit } of MPPE_BITS) {
    if (type === undefined || (type.value & bit) !== 0) {
      levels.add(level);
    }
  }
  if (policy === undefined || policy.value === 1) {
    // NOTE: with only the type attribute present, "No encryption" is read as allowed,
    // like the console's default; this combination was not seen in a real capture.
    levels.add('none');
  }
  const order: MppeLevel[] = ['none', 'basic', 'strong', 'strongest'];
  return {
    name: builder.name,
    encryption: {
      value: order.filter((level) => levels.has(level)),
      position: (type ?? policy)!.position,
    },
    encryptionFromDefault: false,
  };
}
