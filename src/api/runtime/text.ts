/**
 * What free text sent to the API may hold: no control characters (line breaks and tabs only where
 * the text may span lines), no invisible bidirectional controls that make text read differently
 * from what it is, and no broken UTF-16 (lone surrogates, which no UTF-8 encoder can send as they
 * are). Zero-width and other format characters such as U+200B stay allowed: many scripts need them.
 * The API's body schemas (`../text-rules.ts`) and the browser's forms both ask this module.
 */

export type TextProblemKind = 'control' | 'line-break' | 'bidi' | 'lone-surrogate';

export interface TextProblem {
  kind: TextProblemKind;
  /** The offending UTF-16 code unit. */
  codeUnit: number;
  /** Where it is, counted in UTF-16 code units from 0 (JavaScript's string index). */
  index: number;
}

export interface TextRuleOptions {
  /** Whether `\n`, `\r` and `\t` are allowed, as in a message's text. Names are single lines. */
  multiLine: boolean;
}

const isLineBreakOrTab = (code: number) => code === 0x09 || code === 0x0a || code === 0x0d;
const isControl = (code: number) => code < 0x20 || (code >= 0x7f && code <= 0x9f);
const isBidiControl = (code: number) => (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The first character the rule refuses, or `null` when the text may be sent. */
export function textProblem(value: string, options: TextRuleOptions): TextProblem | null {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (isHighSurrogate(code)) {
      if (isLowSurrogate(value.charCodeAt(index + 1))) index++;
      else return { kind: 'lone-surrogate', codeUnit: code, index };
    } else if (isLowSurrogate(code)) {
      return { kind: 'lone-surrogate', codeUnit: code, index };
    } else if (isControl(code)) {
      if (!isLineBreakOrTab(code)) return { kind: 'control', codeUnit: code, index };
      if (!options.multiLine) return { kind: 'line-break', codeUnit: code, index };
    } else if (isBidiControl(code)) {
      return { kind: 'bidi', codeUnit: code, index };
    }
  }
  return null;
}

const codePoint = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** The problem as the API's 422 puts it after "Invalid value for `field`: ". */
export function describeTextProblem(problem: TextProblem): string {
  const what = `${codePoint(problem.codeUnit)} at character ${problem.index + 1}`;
  switch (problem.kind) {
    case 'line-break':
      return `this field is a single line, but it contains a line break or tab (${what}); remove it`;
    case 'control':
      return `contains a control character (${what}), which cannot be displayed; remove it`;
    case 'bidi':
      return `contains an invisible text-direction character (${what}), which can disguise what the text says; remove it`;
    case 'lone-surrogate':
      return `contains invalid Unicode (an unpaired surrogate, ${what}); send the text as UTF-8`;
  }
}
