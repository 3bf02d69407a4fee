/** The RRAS server target: one script that sets the server's IKEv2 custom IPsec policy. */
import type { Target } from '../target.js';
import { renderScriptFile } from '../powershell/script-view.js';
import { buildRrasView } from './rras-view.js';

export const rrasTarget: Target = {
  name: 'rras',
  summary: 'RRAS server script: Set-VpnServerConfiguration -CustomPolicy with read-back',
  render(context) {
    return [
      renderScriptFile(
        'rras/Set-RrasIkev2Policy.ps1',
        'powershell/rras.ps1.hbs',
        buildRrasView(context),
      ),
    ];
  },
};
