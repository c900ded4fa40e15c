import { describe, expect, it } from 'vitest';
import { decodeDeferred, encodeDeferred, splitPageAssets } from '../../../../src/components/snippets/deferred-code.ts';

describe('deferred code samples', () => {
  const samples = [
    '<pre data-code="curl \\\n  -H &quot;x&quot;"><code>a</code></pre>',
    '</script><script>alert(1)</script>',
    '<!-- <script> -->',
    'back\\slash \\/ \\\\</ <\\/ \\!',
    '<span style="--0:#C792EA;--1:#8844AE">import</span> \\s0123456789ab \\e <span style="--0:#fff">x</span>',
  ];

  it('cannot end or derail the script that carries them', () => {
    for (const html of samples) {
      const text = encodeDeferred(html);
      expect(text).not.toMatch(/<\//);
      expect(text).not.toMatch(/<!/);
    }
  });

  it('shorten the highlighter’s token spans', () => {
    expect(encodeDeferred(samples[4]!).length).toBeLessThan(samples[4]!.length);
  });

  it('come back exactly as rendered', () => {
    for (const html of samples) expect(decodeDeferred(encodeDeferred(html))).toBe(html);
  });

  it('leave the highlighter’s stylesheet and script live, outside the deferred text', () => {
    const html =
      '<div class="expressive-code"><link rel="stylesheet" href="/_astro/ec.css"><script type="module" src="/_astro/ec.js"></script><figure><pre>x</pre></figure></div>';
    expect(splitPageAssets(html)).toEqual({
      assets: '<link rel="stylesheet" href="/_astro/ec.css"><script type="module" src="/_astro/ec.js"></script>',
      content: '<div class="expressive-code"><figure><pre>x</pre></figure></div>',
    });
    expect(splitPageAssets('<pre>only code</pre>')).toEqual({ assets: '', content: '<pre>only code</pre>' });
  });
});
