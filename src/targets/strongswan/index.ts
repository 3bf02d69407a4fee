/** The strongSwan target: gateway proposals as a swanctl.conf connection and an ipsec.conf conn. */
import { renderTemplate } from '../../render/templates.js';
import type { Target } from '../target.js';
import { buildStrongswanView } from './strongswan-view.js';

export const strongswanTarget: Target = {
  name: 'strongswan',
  summary:
    'strongSwan gateway: proposals and esp_proposals for swanctl.conf, ike= and esp= for ipsec.conf',
  render(context) {
    const view = buildStrongswanView(context);
    return [
      {
        path: 'strongswan/swanctl.conf',
        content: renderTemplate('strongswan/swanctl.conf.hbs', view),
      },
      { path: 'strongswan/ipsec.conf', content: renderTemplate('strongswan/ipsec.conf.hbs', view) },
    ];
  },
};
