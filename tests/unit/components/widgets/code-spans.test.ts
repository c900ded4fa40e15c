import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { codeSpans, splitCodeSpans } from '../../../../src/components/widgets/code-spans.ts';

describe('backticks in the model’s descriptions', () => {
  it('become code spans between plain text', () => {
    expect(splitCodeSpans('Cursor from the previous page’s `next_cursor`.')).toEqual([
      { text: 'Cursor from the previous page’s ', code: false },
      { text: 'next_cursor', code: true },
      { text: '.', code: false },
    ]);
  });

  it('render as <code> in React, with the text escaped', () => {
    expect(renderToStaticMarkup(codeSpans('full access when neither this nor `template` is given; `<b>`'))).toBe(
      'full access when neither this nor <code>template</code> is given; <code>&lt;b&gt;</code>',
    );
  });

  it('leave text without pairs as typed', () => {
    expect(splitCodeSpans('no code here')).toEqual([{ text: 'no code here', code: false }]);
    expect(splitCodeSpans('one ` alone')).toEqual([{ text: 'one ` alone', code: false }]);
    expect(splitCodeSpans('')).toEqual([]);
  });
});
