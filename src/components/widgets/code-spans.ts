/**
 * The model's descriptions are written for Markdown too (the OpenAPI document, the docs), so they
 * mark names with backticks: "Cursor from the previous page’s `next_cursor`". Where they are
 * shown as text, the backticks become `<code>` instead of showing as typed.
 */
import { createElement, Fragment, type ReactNode } from 'react';

export interface TextPart {
  text: string;
  code: boolean;
}

/** The text split at backtick pairs; an unpaired backtick stays as typed. */
export function splitCodeSpans(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let rest = text;
  for (let match = /`([^`]+)`/.exec(rest); match; match = /`([^`]+)`/.exec(rest)) {
    if (match.index > 0) parts.push({ text: rest.slice(0, match.index), code: false });
    parts.push({ text: match[1]!, code: true });
    rest = rest.slice(match.index + match[0].length);
  }
  if (rest) parts.push({ text: rest, code: false });
  return parts;
}

/** The text for React, with each `…` as a `<code>` element. */
export function codeSpans(text: string): ReactNode {
  return createElement(
    Fragment,
    null,
    ...splitCodeSpans(text).map((part, i) => (part.code ? createElement('code', { key: i }, part.text) : part.text)),
  );
}
