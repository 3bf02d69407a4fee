/** The client target: one script per tunnel kind that sets each connection's custom IPsec policy. */
import { renderScriptFile } from '../powershell/script-view.js';
import type { Target } from '../target.js';
import { buildClientView, CLIENT_SCRIPT_KINDS, listConnectionNames } from './client-view.js';

export const clientTarget: Target = {
  name: 'client',
  summary:
    'Client scripts: Set-VpnConnectionIPsecConfiguration per connection, device and user tunnels',
  render(context) {
    return CLIENT_SCRIPT_KINDS.filter(
      (kind) => listConnectionNames(context.baseline, kind.tunnel).length > 0,
    ).map((kind) =>
      renderScriptFile(kind.path, 'powershell/client.ps1.hbs', buildClientView(context, kind)),
    );
  },
};
