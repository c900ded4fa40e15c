/**
 * What the key inspector can tell about a pasted key, offline: the SDK's `parseApiKey` on the
 * value as pasted, then on the value with the usual copy errors undone (spaces and line breaks,
 * quotes, a variable name or header pasted with it, invisible characters), so it can say both
 * what is wrong and whether the key under it is sound. It never returns the key itself.
 */
import { maskApiKey, parseApiKey, type ApiKeyInfo } from '../../sdk/index.ts';
import type { KeyInspectorData } from '../widgets/widget-data.ts';
import { counted } from '../widgets/format.ts';

export type Verdict = 'empty' | 'valid' | 'fixable' | 'invalid';

export interface Finding {
  tone: 'ok' | 'warn' | 'bad';
  text: string;
}

export interface Diagnosis {
  verdict: Verdict;
  /** One sentence: the verdict in words. */
  headline: string;
  /** The copy errors undone to get at the key, in words. */
  cleaning: string[];
  /** The key as the SDK sees it after cleaning. */
  info: ApiKeyInfo | null;
  /** `sk_test_AbCd…wxyz`: enough to recognise it. */
  masked: string;
  length: number;
  findings: Finding[];
}

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const NBSP = /\u00A0/g;
const UNUSUAL = /[\u200B-\u200D\u2060\uFEFF\u00AD\u00A0]/;

interface Cleaner {
  test: (value: string) => boolean;
  apply: (value: string) => string;
  words: string;
}

function cleaners(data: KeyInspectorData): Cleaner[] {
  const headers = data.headerNames.map((h) => h.replace(/[-]/g, '\\-')).join('|');
  // An API that takes keys only in the query string has no key header to recognise.
  const headerLine = new RegExp(`^(?:${headers || '(?!)'})\\s*:\\s*`, 'i');
  return [
    {
      test: (v) => UNUSUAL.test(v),
      apply: (v) => v.replace(INVISIBLE, '').replace(NBSP, ' '),
      words: 'invisible characters (zero-width or non-breaking spaces) were pasted with it',
    },
    { test: (v) => v.trim() !== v, apply: (v) => v.trim(), words: 'it has spaces or line breaks around it' },
    {
      test: (v) => /^(export\s+)?[A-Z][A-Z0-9_]*\s*[=:]\s*\S/.test(v),
      apply: (v) => v.replace(/^(export\s+)?[A-Z][A-Z0-9_]*\s*[=:]\s*/, ''),
      words: `it was pasted with a variable name (e.g. ${data.envVar}=)`,
    },
    { test: (v) => headerLine.test(v), apply: (v) => v.replace(headerLine, ''), words: 'it was pasted with its header name' },
    {
      test: (v) => /^Bearer\s+/i.test(v),
      apply: (v) => v.replace(/^Bearer\s+/i, ''),
      words: 'it starts with “Bearer ”, which belongs in the header, not in the key',
    },
    { test: (v) => /[,;]$/.test(v), apply: (v) => v.replace(/[,;]+$/, ''), words: 'a comma or semicolon was copied after it' },
    { test: (v) => /^["'`].*["'`]$/s.test(v), apply: (v) => v.slice(1, -1), words: 'it is wrapped in quotes' },
    { test: (v) => /\s/.test(v), apply: (v) => v.replace(/\s+/g, ''), words: 'it has a space or line break inside it (a wrapped line?)' },
  ];
}

/** Undoes the copy errors, repeating until nothing more changes (quotes inside a variable line, …). */
function clean(raw: string, data: KeyInspectorData): { value: string; cleaning: string[] } {
  let value = raw;
  const cleaning: string[] = [];
  for (let round = 0; round < 4; round++) {
    let changed = false;
    for (const cleaner of cleaners(data)) {
      if (value && cleaner.test(value)) {
        const next = cleaner.apply(value);
        if (next !== value) {
          value = next;
          changed = true;
          if (!cleaning.includes(cleaner.words)) cleaning.push(cleaner.words);
        }
      }
    }
    if (!changed) break;
  }
  return { value, cleaning };
}

export function diagnoseKey(raw: string, data: KeyInspectorData): Diagnosis {
  if (raw.length === 0) {
    return { verdict: 'empty', headline: 'Paste a key to check it.', cleaning: [], info: null, masked: '', length: 0, findings: [] };
  }
  const { value, cleaning } = clean(raw, data);
  const info = parseApiKey(value);
  const env = data.environments.find((e) => e.id === info.environment);
  const findings: Finding[] = cleaning.map((words) => ({ tone: 'warn', text: `${words.charAt(0).toUpperCase()}${words.slice(1)}.` }));
  const expectedLength = (prefix: string) => prefix.length + data.keyLength;

  if (info.prefix && env) {
    findings.push({
      tone: 'ok',
      text: `Prefix ${info.prefix}: a ${data.productName} ${env.name.toLowerCase()} (${env.id}) key, for ${env.baseUrl}.`,
    });
  }
  if (!info.valid) {
    switch (info.problem) {
      case 'empty':
        findings.push({ tone: 'bad', text: 'Nothing is left once the spaces are removed.' });
        break;
      case 'unknown_prefix': {
        const other = /^([A-Za-z][A-Za-z0-9]*[_-](?:(?:live|test|prod|dev)[_-])?)/.exec(value)?.[1];
        const ours = data.environments.map((e) => e.keyPrefix).join(' or ');
        findings.push({
          tone: 'bad',
          text: other
            ? `It starts with ${other}, not ${ours}: it looks like a key of another product or service, not a ${data.productName} key.`
            : `${data.productName} keys start with ${ours}; this one does not.`,
        });
        break;
      }
      case 'too_short': {
        const missing = expectedLength(info.prefix!) - value.length;
        findings.push({
          tone: 'bad',
          text: `It is ${counted(missing, 'character')} too short: it was cut off when copying (usually at the end).`,
        });
        break;
      }
      case 'too_long': {
        const extra = value.length - expectedLength(info.prefix!);
        findings.push({
          tone: 'bad',
          text:
            extra >= expectedLength(info.prefix!) - 2
              ? 'It is about twice as long as a key: two keys may have been pasted together.'
              : `It is ${counted(extra, 'character')} too long: something was pasted with it.`,
        });
        break;
      }
      case 'bad_characters':
        findings.push({ tone: 'bad', text: 'It contains characters no key has (keys use only letters and digits after the prefix).' });
        break;
      case 'bad_checksum':
        findings.push({
          tone: 'bad',
          text: 'The checksum does not hold: a character was mistyped or changed (look-alikes such as 0 and O, or 1, l and I, are the usual culprits). Copy the key again from where you stored it.',
        });
        break;
      default:
        findings.push({ tone: 'bad', text: info.detail });
    }
  } else {
    findings.push({ tone: 'ok', text: `Length ${value.length}, as expected, and the checksum holds.` });
  }

  const checksumWords = info.valid
    ? 'the checksum holds'
    : info.problem === 'bad_checksum'
      ? 'the checksum does not hold'
      : 'the checksum could not be checked';
  let verdict: Verdict;
  let headline: string;
  if (info.valid && cleaning.length === 0) {
    verdict = 'valid';
    headline = `Looks valid: a ${data.productName} ${env!.id} key, and ${checksumWords}.`;
  } else if (info.valid) {
    verdict = 'fixable';
    headline = `Valid once cleaned: ${cleaning.join('; ')}. Fix it where the key is stored.`;
  } else {
    verdict = 'invalid';
    const first = findings.find((f) => f.tone === 'bad')?.text ?? info.detail;
    headline = `Not a valid key: ${first.charAt(0).toLowerCase()}${first.slice(1)}`;
  }
  return { verdict, headline, cleaning, info, masked: value ? maskApiKey(value) : '', length: value.length, findings };
}
