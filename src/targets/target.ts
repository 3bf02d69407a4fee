/** The contract every render target follows. Targets are listed in ./index.ts. */
import type { RenderContext } from '../render/context.js';

/** One generated file, held in memory until every target has rendered. */
export interface GeneratedFile {
  /** Path relative to the output folder, with forward slashes. */
  path: string;
  content: string;
  /** Write a UTF-8 byte-order mark, which Windows PowerShell 5.1 needs to read non-ASCII text in a .ps1. */
  byteOrderMark?: boolean;
  /** Name of the target that produced the file, set by renderBaseline. */
  target?: string;
}

export interface Target {
  /** Name used with `render --target`. */
  name: string;
  summary: string;
  render(context: RenderContext): GeneratedFile[];
}
