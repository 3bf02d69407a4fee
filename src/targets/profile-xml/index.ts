/**
 * ProfileXML target: one VPNv2 CSP VPNProfile per connection, for an Intune custom
 * OMA-URI setting, with a text file beside each naming the OMA-URI and data type.
 */
import { headerLines, type RenderContext } from '../../render/context.js';
import { renderTemplate } from '../../render/templates.js';
import type { GeneratedFile, Target } from '../target.js';
import { deriveBaseFileNames } from './file-names.js';
import { buildOmaUri } from './oma-uri.js';
import { buildProfileView } from './profile-view.js';

/** Output folder of this target, relative to the render output folder. */
export const PROFILE_XML_FOLDER = 'profile-xml';

/** Intune's name for the data type of a setting whose value is an uploaded XML file. */
export const INTUNE_DATA_TYPE = 'String (XML file)';

export const profileXmlTarget: Target = {
  name: 'profile-xml',
  summary: 'Intune ProfileXML (VPNv2 CSP) per connection, with its custom OMA-URI',
  render: renderProfileXml,
};

function renderProfileXml(context: RenderContext): GeneratedFile[] {
  const connections = context.baseline.connections;
  const baseNames = deriveBaseFileNames(connections.map((connection) => connection.name));

  return connections.flatMap((connection, index) => {
    const xmlFileName = `${baseNames[index]}.xml`;
    const profile = renderTemplate(
      'profile-xml/vpn-profile.xml.hbs',
      buildProfileView(context, connection),
    );
    const omaUri = renderTemplate('profile-xml/oma-uri.txt.hbs', {
      header: headerLines(context),
      name: connection.name,
      omaUri: buildOmaUri(connection),
      dataType: INTUNE_DATA_TYPE,
      file: xmlFileName,
      assignment:
        connection.tunnel === 'device'
          ? 'Assign the profile to device groups: a device tunnel lives in the device scope.'
          : 'Assign the profile to user groups: a user tunnel lives in the user scope.',
    });
    return [
      { path: `${PROFILE_XML_FOLDER}/${xmlFileName}`, content: profile },
      { path: `${PROFILE_XML_FOLDER}/${baseNames[index]}.oma-uri.txt`, content: omaUri },
    ];
  });
}
