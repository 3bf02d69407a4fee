/**
 * Reader for ProfileXML, as authored or as exported from a client. The MDM_VPNv2_01
 * WMI class returns ProfileXML HTML-escaped (`&lt;VPNProfile&gt;...`), so an escaped
 * profile is unescaped first.
 */
import {
  CRYPTO_FIELDS,
  PROFILE_XML_SPELLING,
  type CryptoFieldKey,
} from '../../crypto/vocabulary.js';
import type { Diagnostic } from '../../diagnostics.js';
import {
  inputDiagnostic,
  type CryptoSettings,
  type ParseResult,
  type ProfileXmlObservation,
  type ProfileXmlValueProblem,
} from '../model.js';
import { positionAtOffset, type SourceText } from './source-text.js';
import { scanXml, XmlScanError, type XmlElement } from './xml-scan.js';

export function parseProfileXml(source: SourceText, artifact: string): ParseResult {
  const located = locateProfile(source);
  if ('code' in located) {
    return { observations: [], diagnostics: [located] };
  }

  const elements = scanProfile(located.profile);
  if (!Array.isArray(elements)) {
    return { observations: [], diagnostics: [elements] };
  }

  const suiteDiagnostics = checkSuiteElements(located.profile, elements);
  if (suiteDiagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
    return { observations: [], diagnostics: suiteDiagnostics };
  }

  const observation = readProfile(located.profile, elements, artifact);
  const diagnostics = [...suiteDiagnostics];
  if (located.escaped) {
    diagnostics.push(
      inputDiagnostic(
        'profile-xml-escaped',
        'info',
        observation.position,
        `${source.file} holds HTML-escaped ProfileXML (as MDM_VPNv2_01 returns it), so it was unescaped before reading`,
      ),
    );
  }
  return { observations: [observation], diagnostics };
}

const SUITE_PATH = 'VPNProfile/NativeProfile/CryptographySuite';

/**
 * Reports CryptographySuite children that appear twice (an error, because it is unclear
 * which one Windows applies) and children with unknown names (a note, because a
 * misspelled element leaves its setting missing).
 */
function checkSuiteElements(source: SourceText, elements: readonly XmlElement[]): Diagnostic[] {
  const parameters = new Set(CRYPTO_FIELDS.map((field) => field.parameter));
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = findDuplicateSuites(source, elements);
  for (const element of elements.filter(
    (candidate) => candidate.ancestors.join('/') === SUITE_PATH,
  )) {
    const position = positionAtOffset(source, element.offset);
    if (!parameters.has(element.name)) {
      diagnostics.push(
        inputDiagnostic(
          'profile-xml-element-unknown',
          'info',
          position,
          `<${element.name}> is not a CryptographySuite element (expected: ${[...parameters].join(', ')})`,
        ),
      );
    } else if (seen.has(element.name)) {
      diagnostics.push(
        inputDiagnostic(
          'profile-xml-element-duplicate',
          'error',
          position,
          `<${element.name}> appears twice in the CryptographySuite`,
          'Keep one element per setting.',
        ),
      );
    }
    seen.add(element.name);
  }
  return diagnostics;
}

/**
 * Reports a CryptographySuite outside NativeProfile, and a second NativeProfile or
 * CryptographySuite, whose children would otherwise merge into one suite although it is
 * unknown which element Windows applies.
 */
function findDuplicateSuites(source: SourceText, elements: readonly XmlElement[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const element of elements) {
    if (
      element.name === 'CryptographySuite' &&
      element.ancestors.join('/') !== 'VPNProfile/NativeProfile'
    ) {
      // Read elsewhere, the profile would be compared as one without a suite (Windows' defaults).
      diagnostics.push(
        inputDiagnostic(
          'profile-xml-element-misplaced',
          'error',
          positionAtOffset(source, element.offset),
          `<CryptographySuite> is in ${element.ancestors.join('/')}, but the VPNv2 CSP defines it only in VPNProfile/NativeProfile`,
          'Move the CryptographySuite element into NativeProfile.',
        ),
      );
    }
  }
  for (const path of ['VPNProfile/NativeProfile', SUITE_PATH]) {
    const parents = path.split('/');
    const name = parents.pop()!;
    const found = elements.filter(
      (element) => element.name === name && element.ancestors.join('/') === parents.join('/'),
    );
    for (const element of found.slice(1)) {
      diagnostics.push(
        inputDiagnostic(
          'profile-xml-element-duplicate',
          'error',
          positionAtOffset(source, element.offset),
          `<${name}> appears twice in ${parents.join('/')}`,
          'Keep one element and put every setting in it.',
        ),
      );
    }
  }
  return diagnostics;
}

/** Scans the profile's XML and checks that the root is VPNProfile. */
function scanProfile(profile: SourceText): XmlElement[] | Diagnostic {
  let elements: XmlElement[];
  try {
    elements = scanXml(profile.text);
  } catch (error) {
    if (!(error instanceof XmlScanError)) {
      throw error;
    }
    return inputDiagnostic(
      'profile-xml-malformed',
      'error',
      positionAtOffset(profile, error.offset),
      `${profile.file} is not well-formed ProfileXML: ${error.message}`,
      'Export the profile again, or fix the XML at this position.',
    );
  }
  const root = elements[0]!;
  if (root.name !== 'VPNProfile') {
    return inputDiagnostic(
      'profile-xml-root',
      'error',
      positionAtOffset(profile, root.offset),
      `the root element is <${root.name}>, expected <VPNProfile>`,
      'Pass the ProfileXML itself, not the EAP configuration or another file.',
    );
  }
  return elements;
}

function readProfile(
  source: SourceText,
  elements: readonly XmlElement[],
  artifact: string,
): ProfileXmlObservation {
  const child = (name: string): XmlElement | undefined =>
    elements.find((element) => element.name === name && element.ancestors.length === 1);
  const suite = elements.find(
    (element) =>
      element.name === 'CryptographySuite' &&
      element.ancestors.join('/') === 'VPNProfile/NativeProfile',
  );
  const observation: ProfileXmlObservation = {
    kind: 'profile-xml',
    artifact,
    profileName: child('ProfileName')?.text.trim(),
    deviceTunnel: child('DeviceTunnel')?.text.trim().toLowerCase() === 'true',
    hasSuite: suite !== undefined,
    crypto: {},
    problems: [],
    position: positionAtOffset(source, elements[0]!.offset),
  };
  for (const field of CRYPTO_FIELDS) {
    const element = elements.find(
      (candidate) =>
        candidate.name === field.parameter && candidate.ancestors.join('/') === SUITE_PATH,
    );
    if (element !== undefined) {
      readSuiteValue(source, field.key, element, observation);
    }
  }
  return observation;
}

/** Maps a CSP spelling back to the baseline's, or records why Windows will not apply it. */
function readSuiteValue(
  source: SourceText,
  key: CryptoFieldKey,
  element: XmlElement,
  observation: ProfileXmlObservation,
): void {
  const written = element.text.trim();
  const position = positionAtOffset(source, element.textOffset);
  const spelling = PROFILE_XML_SPELLING[key];
  const value = Object.keys(spelling).find((candidate) => spelling[candidate] === written);
  if (value !== undefined) {
    const located = value === written ? { value, position } : { value, written, position };
    (observation.crypto as Partial<CryptoSettings>)[key] = located;
    return;
  }
  const problem: ProfileXmlValueProblem = {
    field: key,
    written,
    code: 'profile-xml-value-invalid',
    position,
  };
  const correct = spelling[written];
  if (typeof correct === 'string') {
    // A PowerShell spelling (GCMAES128 for EncryptionMethod, SHA1 for IntegrityCheckMethod).
    problem.code = 'profile-xml-powershell-spelling';
    problem.correct = correct;
  }
  observation.problems.push(problem);
}

/** Finds the VPNProfile element, plain or HTML-escaped, inside the file. */
function locateProfile(
  source: SourceText,
): { profile: SourceText; escaped: boolean } | ReturnType<typeof inputDiagnostic> {
  const plain = source.text.indexOf('<VPNProfile');
  const declaration = source.text.slice(0, Math.max(plain, 0)).indexOf('<!DOCTYPE');
  if (declaration >= 0) {
    // The scan starts at <VPNProfile>, so a declaration before it would go unseen.
    return inputDiagnostic(
      'profile-xml-malformed',
      'error',
      positionAtOffset(source, declaration),
      `${source.file} has a document type declaration, which ProfileXML never has`,
      'Remove the <!DOCTYPE ...> declaration and any entities it defines.',
    );
  }
  if (plain >= 0) {
    const text = cutAfter(source.text.slice(plain), '</VPNProfile>');
    return { profile: subSource(source, plain, text), escaped: false };
  }
  const escaped = source.text.indexOf('&lt;VPNProfile');
  if (escaped >= 0) {
    // Unescaping never touches line breaks, so lines stay exact; columns inside a line
    // may shift left by the length of the entities before them.
    const text = cutAfter(source.text.slice(escaped), '&lt;/VPNProfile&gt;')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
    return { profile: subSource(source, escaped, text), escaped: true };
  }
  return inputDiagnostic(
    'profile-xml-not-found',
    'error',
    { file: source.file, line: 1, column: 1 },
    `${source.file} contains no <VPNProfile> element`,
    'Pass a ProfileXML file, or the ProfileXML property of MDM_VPNv2_01.',
  );
}

/** Drops what follows the closing tag, such as other output around an exported profile. */
function cutAfter(text: string, closingTag: string): string {
  const end = text.lastIndexOf(closingTag);
  return end < 0 ? text : text.slice(0, end + closingTag.length);
}

function subSource(source: SourceText, offset: number, text: string): SourceText {
  const start = positionAtOffset(source, offset);
  return { file: source.file, text, origin: { line: start.line, column: start.column } };
}
