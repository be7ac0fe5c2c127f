/**
 * Files as sync compares, merges and writes them: their bytes, exactly. A file's bytes are held
 * as a "byte string" (one character per byte, latin1), so a file that is not valid UTF-8 merges
 * and round-trips without a single byte changed, and Scaffold's own text (Unicode) enters that
 * space as its UTF-8 bytes (`bytesOf`). Line breaks are bytes too, so splitting on "\n" works the
 * same for UTF-8 and anything else.
 *
 * Comparison happens on canonical text: no BOM, LF line endings. A file's own style (a BOM, its
 * usual line ending, and the lines that end differently) is kept and put back when it is
 * written, so a person's CRLF file stays CRLF and one CRLF line in an LF file stays that line.
 */
type Eol = '\n' | '\r\n';

export interface TextStyle {
  bom: boolean;
  /** The line ending most lines have. */
  eol: Eol;
  /** Lines (canonical content) that end the other way. */
  exceptions: Map<string, Eol>;
}

export const PLAIN: TextStyle = { bom: false, eol: '\n', exceptions: new Map() };
const BOM = '\xef\xbb\xbf';

/**
 * Scaffold's text (Unicode) as a byte string: its UTF-8 bytes, one character each. Text that is
 * all ASCII (most files) is its own byte string, returned as it is: an update compares every
 * generated file this way, and two copies of each (a buffer and a string) were most of the
 * memory its decisions touched.
 */
export function bytesOf(text: string): string {
  return isAscii(text) ? text : Buffer.from(text, 'utf8').toString('latin1');
}

/** A byte string back to Unicode text (for JSON and for messages); invalid UTF-8 shows as U+FFFD. */
export function textOf(bytes: string): string {
  return isAscii(bytes) ? bytes : Buffer.from(bytes, 'latin1').toString('utf8');
}

/** Every character below 0x80, so its UTF-8 bytes are its characters (counted without a copy). */
const isAscii = (text: string): boolean => Buffer.byteLength(text, 'utf8') === text.length;

/** A file's bytes split into canonical text and the style to write it back in. */
export function normalize(raw: string): { text: string; style: TextStyle } {
  const bom = raw.startsWith(BOM);
  const body = bom ? raw.slice(BOM.length) : raw;
  if (!body.includes('\r\n')) return { text: body, style: { ...PLAIN, bom } };
  const lines = body.split('\n');
  const endings = new Map<string, { crlf: number; lf: number }>();
  let crlf = 0;
  let lf = 0;
  const canonical = lines.map((line, i) => {
    const last = i === lines.length - 1;
    const isCrlf = !last && line.endsWith('\r');
    const content = isCrlf ? line.slice(0, -1) : line;
    if (!last) {
      const seen = endings.get(content) ?? { crlf: 0, lf: 0 };
      if (isCrlf) (crlf++, seen.crlf++);
      else (lf++, seen.lf++);
      endings.set(content, seen);
    }
    return content;
  });
  const eol: Eol = crlf >= lf ? '\r\n' : '\n';
  const exceptions = new Map<string, Eol>();
  for (const [content, seen] of endings) {
    const own: Eol = seen.crlf >= seen.lf ? '\r\n' : '\n';
    if (own !== eol) exceptions.set(content, own);
  }
  return { text: canonical.join('\n'), style: { bom, eol, exceptions } };
}

/** Canonical text written in a file's style: its BOM, its line ending, its exceptional lines. */
export function applyStyle(text: string, style: TextStyle): string {
  const body = style.eol === '\n' && style.exceptions.size === 0 ? text : text.split('\n').map((line, i, all) => (i === all.length - 1 ? line : line + (style.exceptions.get(line) ?? style.eol))).join('');
  return style.bom ? BOM + body : body;
}
