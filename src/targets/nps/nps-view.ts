/** View model of the NPS script (netsh nps set np with the two MPPE attributes). */
import type { NpsSettings } from '../../baseline/types.js';
import type { RenderContext } from '../../render/context.js';
import { netshValue } from '../../render/escape.js';
import { buildScriptView, type ScriptView } from '../powershell/script-view.js';
import {
  computeMppeAttributes,
  ENCRYPTION_POLICY_ATTRIBUTE,
  ENCRYPTION_TYPES_ATTRIBUTE,
  formatProfileData,
} from './mppe.js';

export const NPS_SCRIPT_ID = 'nps-encryption';

interface ProfileAttribute {
  id: string;
  /** Decimal, as the script compares the parsed read-back. */
  value: string;
}

export interface NpsView extends ScriptView {
  networkPolicy: string;
  levelsText: string;
  policyAttribute: ProfileAttribute;
  typesAttribute: ProfileAttribute;
  /** netsh command lines, the policy name quoted by netshValue; the template quotes them again for PowerShell. */
  showCommand: string;
  setCommand: string;
}

/** Builds the NPS script's view: attribute values and the netsh show and set commands. */
export function buildNpsView(context: RenderContext, nps: NpsSettings): NpsView {
  const attributes = computeMppeAttributes(nps.encryption);
  const name = netshValue(nps.networkPolicy);

  return {
    ...buildScriptView(context, NPS_SCRIPT_ID),
    networkPolicy: nps.networkPolicy,
    levelsText: nps.encryption.join(', '),
    policyAttribute: {
      id: ENCRYPTION_POLICY_ATTRIBUTE,
      value: String(attributes.encryptionPolicy),
    },
    typesAttribute: { id: ENCRYPTION_TYPES_ATTRIBUTE, value: String(attributes.encryptionTypes) },
    showCommand: `nps show np name = ${name}`,
    setCommand:
      `nps set np name = ${name}` +
      ` profileid = ${ENCRYPTION_POLICY_ATTRIBUTE} profiledata = ${formatProfileData(attributes.encryptionPolicy)}` +
      ` profileid = ${ENCRYPTION_TYPES_ATTRIBUTE} profiledata = ${formatProfileData(attributes.encryptionTypes)}`,
  };
}
