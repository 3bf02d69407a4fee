/** Tool version, written into every generated file's header. Keep equal to package.json. */
export const TOOL_NAME = 'aovpn-baseline';
export const TOOL_VERSION = '0.1.0';
