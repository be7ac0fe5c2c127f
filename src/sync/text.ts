/**
 * Scaffold compares and merges text in one canonical form (LF, no BOM) and writes it back in the
 * style of the file on disk, so a person who converted a file to CRLF or added a BOM keeps it.
 */
import { createHash } from 'node:crypto';

export interface TextStyle {
  eol: '\n' | '\r\n';
  bom: boolean;
}

export function normalize(raw: string): { text: string; style: TextStyle } {
  const bom = raw.charCodeAt(0) === 0xfeff;
  const body = bom ? raw.slice(1) : raw;
  const crlf = body.includes('\r\n');
  return { text: crlf ? body.replace(/\r\n/g, '\n') : body, style: { eol: crlf ? '\r\n' : '\n', bom } };
}

export function applyStyle(text: string, style: TextStyle): string {
  const body = style.eol === '\r\n' ? text.replace(/\r?\n/g, '\r\n') : text;
  return style.bom ? `\ufeff${body}` : body;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
