/** The NPS target: one script that sets the network policy's MPPE encryption levels. */
import { renderScriptFile } from '../powershell/script-view.js';
import type { Target } from '../target.js';
import { buildNpsView } from './nps-view.js';

export const npsTarget: Target = {
  name: 'nps',
  summary:
    'NPS script: netsh nps set np with the MPPE encryption attributes, when the baseline has nps',
  render(context) {
    const nps = context.baseline.nps;
    if (nps === undefined) {
      return [];
    }
    return [
      renderScriptFile(
        'nps/Set-NpsEncryption.ps1',
        'powershell/nps.ps1.hbs',
        buildNpsView(context, nps),
      ),
    ];
  },
};
