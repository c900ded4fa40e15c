/**
 * Reads the `mappings` of a source map (version 3, one source) into one list per generated line,
 * so a stack frame's line and column in the compiled program can be turned into the reader's.
 */
import type { MappedLine } from './protocol.ts';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGITS = new Map([...BASE64].map((c, i) => [c, i]));

/** Base64 VLQ numbers of one segment, e.g. `AAAA` → [0, 0, 0, 0]. */
function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = DIGITS.get(char);
    if (digit === undefined) throw new Error(`Invalid character "${char}" in a source map.`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** `mappings` → per generated line, `[generated column, original line, original column]` (0-based). */
export function decodeMappings(mappings: string): MappedLine[] {
  let sourceLine = 0;
  let sourceColumn = 0;
  return mappings.split(';').map((line) => {
    let column = 0;
    const out: MappedLine = [];
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const [generated = 0, , lineDelta, columnDelta] = decodeSegment(segment);
      column += generated;
      if (lineDelta === undefined || columnDelta === undefined) continue;
      sourceLine += lineDelta;
      sourceColumn += columnDelta;
      out.push([column, sourceLine, sourceColumn]);
    }
    return out;
  });
}
