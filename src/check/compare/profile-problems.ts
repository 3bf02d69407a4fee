/** ProfileXML values that Windows does not apply as written. */
import { getCryptoField, PROFILE_XML_SPELLING, spell } from '../../crypto/vocabulary.js';
import type { CheckFinding, FindingSeverity } from '../findings.js';
import type { ProfileXmlObservation } from '../model.js';
import { profileXmlFix, type CryptoValues } from './fix-commands.js';

/**
 * Builds one finding per problem value. In community field reports (2022 and 2024),
 * `<EncryptionMethod>GCMAES128</EncryptionMethod>` in a device tunnel landed as
 * `EncryptionMethod : DES`, and GCMAES256 pushed through MDM_VPNv2_01 failed with
 * "A general error occurred". Both fit the VPNv2 CSP DDF, whose EncryptionMethod values
 * are AES_GCM_128 and AES_GCM_256 for GCM.
 */
export function profileProblemFindings(
  profile: ProfileXmlObservation,
  expected: CryptoValues | undefined,
  severity: FindingSeverity,
): CheckFinding[] {
  return profile.problems.map((problem) => {
    const field = getCryptoField(problem.field);
    const want =
      expected !== undefined
        ? (spell(PROFILE_XML_SPELLING, problem.field, expected[problem.field]) ?? 'None')
        : (problem.correct ?? `one of ${cspValues(problem.field).join(', ')}`);
    const powershell = problem.code === 'profile-xml-powershell-spelling';
    return {
      code: problem.code,
      severity: severity === 'drift' ? 'drift' : 'mismatch',
      artifact: profile.artifact,
      field: problem.field,
      setting: field.parameter,
      expected: want,
      actual: problem.written,
      sideToFix: 'profile-xml',
      fix: profileXmlFix(problem.field, expected !== undefined ? want : (problem.correct ?? want)),
      message: powershell
        ? `${problem.written} is the PowerShell spelling; the VPNv2 CSP spells it ${problem.correct}, and Windows applies the PowerShell spelling wrongly (field reports: the value lands as DES, or the profile fails with "a general error occurred")`
        : `${JSON.stringify(problem.written)} is not a value the VPNv2 CSP accepts for ${field.parameter}, so Windows rejects or misapplies the profile`,
      breaksNegotiation: true,
      position: problem.position,
    };
  });
}

function cspValues(key: Parameters<typeof spell>[1]): string[] {
  return Object.values(PROFILE_XML_SPELLING[key]).filter(
    (value): value is string => value !== null,
  );
}
