/**
 * The captures of one baseline's machines, as the collectors and Windows commands
 * print them, each with the fields a test may change. Used by the property test.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Baseline, MppeLevel } from '../../src/baseline/types.js';
import { xmlText } from '../../src/render/escape.js';
import {
  CRYPTO_FIELDS,
  PFS_GROUP_OF_DH_GROUP,
  PROFILE_XML_SPELLING,
  type CryptoFieldKey,
} from '../../src/crypto/vocabulary.js';
import { pick, type Random } from '../helpers/random-baseline.js';
import {
  cryptoOf,
  printClientJson,
  printClientText,
  printCollectedClient,
  printCollectedServer,
  printNps,
  printProfileXml,
  printServerJson,
  printServerText,
  profileStateOf,
  serverStateOf,
  escapeProfileXml,
  type CryptoValues,
  type NpsState,
  type ProfileState,
  type ServerState,
} from '../helpers/windows-printer.js';

/** Everything the machines of one baseline report, one copy per capture so each can change alone. */
export interface MachineStates {
  server: ServerState;
  clients: CryptoValues[];
  profiles: ProfileState[];
  nps: NpsState[];
}

export function statesOf(baseline: Baseline): MachineStates {
  const nps =
    baseline.nps === undefined
      ? []
      : [{ ...baseline.nps, encryption: [...baseline.nps.encryption] }];
  return {
    server: serverStateOf(baseline),
    clients: baseline.connections.map(() => cryptoOf(baseline)),
    profiles: baseline.connections.map((_connection, index) => profileStateOf(baseline, index)),
    nps,
  };
}

/** One capture file: how to write it, and which fields of it a mutation may change. */
export interface Artifact {
  option: string;
  file: string;
  /** The artifact name `check` reports, for each mutable field. */
  reported(field: string): string;
  fields: string[];
  render(states: MachineStates): string;
  /** Changes `field` in `states` to another valid value. */
  mutate(states: MachineStates, field: string, random: Random): void;
}

export type Encoding = 'utf8' | 'utf8-bom' | 'utf16le-bom';

export function encode(text: string, encoding: Encoding): Buffer {
  if (encoding === 'utf16le-bom') {
    return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  }
  return Buffer.from(encoding === 'utf8-bom' ? `\uFEFF${text}` : text, 'utf8');
}

const CRYPTO_KEYS = CRYPTO_FIELDS.map((field) => field.key);

/**
 * Picks another valid value. PfsGroup never takes PFSMM or the PFS value of the
 * artifact's own DHGroup, because either can name the same group as the current value.
 */
function otherValue(
  random: Random,
  key: CryptoFieldKey,
  current: string,
  csp: boolean,
  dhGroup: string,
): string {
  const candidates = csp
    ? Object.values(PROFILE_XML_SPELLING[key]).filter((value): value is string => value !== null)
    : CRYPTO_FIELDS.find((field) => field.key === key)!.values;
  const equivalent = key === 'esp.pfsGroup' ? ['PFSMM', PFS_GROUP_OF_DH_GROUP[dhGroup]] : [];
  return pick(
    random,
    candidates.filter((value) => value !== current && !equivalent.includes(value)),
  );
}

function otherLevels(random: Random, current: readonly MppeLevel[]): MppeLevel[] {
  const all: MppeLevel[] = ['none', 'basic', 'strong', 'strongest'];
  for (;;) {
    const chosen = all.filter(() => random() < 0.5);
    if (
      chosen.length > 0 &&
      chosen.join() !== all.filter((level) => current.includes(level)).join()
    ) {
      return chosen;
    }
  }
}

function mutateServer(states: MachineStates, field: string, random: Random): void {
  if (field.startsWith('server.')) {
    const key = field.slice('server.'.length) as keyof Omit<ServerState, 'crypto'>;
    states.server[key] += 1 + Math.floor(random() * 1000);
    return;
  }
  const key = field as CryptoFieldKey;
  states.server.crypto[key] = otherValue(
    random,
    key,
    states.server.crypto[key],
    false,
    states.server.crypto['ike.dhGroup'],
  );
}

function lifetimeFields(baseline: Baseline, withMm: boolean): string[] {
  const fields = ['server.saLifetimeSeconds', 'server.saDataSizeKilobytes'];
  if (withMm) {
    fields.push('server.mmSaLifetimeSeconds');
  }
  if (baseline.server.idleDisconnectSeconds !== undefined) {
    fields.push('server.idleDisconnectSeconds');
  }
  return fields;
}

/** Lists every capture of a baseline's machines. */
export function artifactsOf(baseline: Baseline, renderedProfiles: readonly string[]): Artifact[] {
  const artifacts: Artifact[] = [
    {
      option: '--server',
      file: 'server.txt',
      reported: () => 'server.txt',
      fields: [...CRYPTO_KEYS, ...lifetimeFields(baseline, false)],
      render: (states) => printServerText(states.server),
      mutate: mutateServer,
    },
    {
      option: '--server',
      file: 'server.json',
      reported: () => 'server.json',
      fields: [...CRYPTO_KEYS, ...lifetimeFields(baseline, true)],
      render: (states) => printServerJson(states.server),
      mutate: mutateServer,
    },
    {
      option: '--collected',
      file: 'collected-server.json',
      reported: (field) =>
        field === 'nps.encryption' ? 'collected-server.json NPS' : 'collected-server.json server',
      fields: [
        ...CRYPTO_KEYS,
        ...lifetimeFields(baseline, true),
        ...(baseline.nps ? ['nps.encryption'] : []),
      ],
      render: (states) =>
        printCollectedServer(states.server, baseline.nps ? states.nps : undefined),
      mutate: (states, field, random) => {
        if (field === 'nps.encryption') {
          states.nps[0]!.encryption = otherLevels(random, states.nps[0]!.encryption);
        } else {
          mutateServer(states, field, random);
        }
      },
    },
  ];
  if (baseline.nps !== undefined) {
    artifacts.push({
      option: '--nps',
      file: 'nps.txt',
      reported: () => 'nps.txt',
      fields: ['nps.encryption'],
      render: (states) => printNps(states.nps),
      mutate: (states, _field, random) => {
        states.nps[0]!.encryption = otherLevels(random, states.nps[0]!.encryption);
      },
    });
  }
  baseline.connections.forEach((_connection, index) => {
    artifacts.push(
      clientArtifact(`client-${index}.txt`, index, printClientText),
      clientArtifact(`client-${index}.json`, index, printClientJson),
      profileArtifact(`profile-${index}.xml`, index, (state) =>
        replaceSuite(renderedProfiles[index]!, state),
      ),
      profileArtifact(
        `profile-${index}-exported.txt`,
        index,
        (state) =>
          `ProfileXML : ${escapeProfileXml(replaceSuite(renderedProfiles[index]!, state))}`,
      ),
    );
  });
  artifacts.push(collectedClientArtifact(baseline));
  return artifacts;
}

/**
 * Writes a profile's suite values into the ProfileXML that the profile-xml target
 * rendered, so mutations change only the CryptographySuite.
 */
function replaceSuite(xml: string, state: ProfileState): string {
  let result = xml;
  for (const field of CRYPTO_FIELDS) {
    const element = new RegExp(`(<${field.parameter}>)[^<]*(</${field.parameter}>)`);
    if (!element.test(result)) {
      throw new Error(`the rendered ProfileXML has no ${field.parameter} element`);
    }
    result = result.replace(element, `$1${xmlText(state.suite[field.key])}$2`);
  }
  return result;
}

function clientArtifact(
  file: string,
  index: number,
  print: (crypto: CryptoValues) => string,
): Artifact {
  return {
    option: '--client',
    file,
    reported: () => file,
    fields: CRYPTO_KEYS,
    render: (states) => print(states.clients[index]!),
    mutate: (states, field, random) => {
      const key = field as CryptoFieldKey;
      states.clients[index]![key] = otherValue(
        random,
        key,
        states.clients[index]![key],
        false,
        states.clients[index]!['ike.dhGroup'],
      );
    },
  };
}

function profileArtifact(
  file: string,
  index: number,
  print: (state: ProfileState) => string,
): Artifact {
  return {
    option: '--profile-xml',
    file,
    reported: () => file,
    fields: CRYPTO_KEYS,
    render: (states) => print(states.profiles[index]!),
    mutate: (states, field, random) => {
      const key = field as CryptoFieldKey;
      const suite = states.profiles[index]!.suite;
      suite[key] = otherValue(random, key, suite[key], true, suite['ike.dhGroup']);
    },
  };
}

/**
 * Builds the client collector's file. Its connection fields are `connections[i].FIELD`
 * and its profile fields `profiles[i].FIELD`.
 */
function collectedClientArtifact(baseline: Baseline): Artifact {
  const fields = baseline.connections.flatMap((_connection, index) => [
    ...CRYPTO_KEYS.map((key) => `connections[${index}].${key}`),
    ...CRYPTO_KEYS.map((key) => `profiles[${index}].${key}`),
  ]);
  const split = (field: string): { list: string; index: number; key: CryptoFieldKey } => {
    const match = /^(connections|profiles)\[(\d+)\]\.(.*)$/.exec(field)!;
    return { list: match[1]!, index: Number(match[2]), key: match[3] as CryptoFieldKey };
  };
  return {
    option: '--collected',
    file: 'collected-client.json',
    reported: (field) => {
      const { list, index } = split(field);
      const name = baseline.connections[index]!.name;
      return list === 'connections'
        ? `collected-client.json connection "${name}"`
        : `collected-client.json ProfileXML "${name}"`;
    },
    fields,
    render: (states) =>
      printCollectedClient(
        baseline.connections.map((connection, index) => ({
          name: connection.name,
          allUserConnection: connection.tunnel === 'device',
          crypto: states.clients[index]!,
        })),
        states.profiles,
      ),
    mutate: (states, field, random) => {
      const { list, index, key } = split(field);
      if (list === 'connections') {
        states.clients[index]![key] = otherValue(
          random,
          key,
          states.clients[index]![key],
          false,
          states.clients[index]!['ike.dhGroup'],
        );
      } else {
        const suite = states.profiles[index]!.suite;
        suite[key] = otherValue(random, key, suite[key], true, suite['ike.dhGroup']);
      }
    },
  };
}

/** Returns the baseline field that a mutated artifact field corresponds to. */
export function baselineField(field: string): string {
  return field.replace(/^(connections|profiles)\[\d+\]\./, '');
}

/** Writes every artifact next to the baseline, each in the given encoding; returns the CLI arguments. */
export function writeArtifacts(
  baselineFile: string,
  artifacts: readonly Artifact[],
  states: MachineStates,
  encodingOf: (artifact: Artifact) => Encoding,
): string[] {
  const folder = dirname(baselineFile);
  const args: string[] = [];
  for (const artifact of artifacts) {
    writeFileSync(
      join(folder, artifact.file),
      encode(artifact.render(states), encodingOf(artifact)),
    );
    args.push(artifact.option, artifact.file);
  }
  return args;
}
