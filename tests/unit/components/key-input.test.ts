import { describe, expect, it } from 'vitest';
import { nameProblem, parseAllowlist } from '../../../src/components/key-manager/key-input.ts';

describe('key names', () => {
  it('accept any visible text, markup and emoji included, up to the limit', () => {
    expect(nameProblem('<script>alert(1)</script>', 100)).toBeNull();
    expect(nameProblem('  Ключ 🔑 مفتاح  ', 100)).toBeNull();
    expect(nameProblem('x'.repeat(100), 100)).toBeNull();
  });

  it('say what to fix otherwise', () => {
    expect(nameProblem('   ', 100)).toMatchInlineSnapshot(`"Give the key a name, e.g. “Production backend”."`);
    expect(nameProblem('x'.repeat(101), 100)).toMatchInlineSnapshot(`"Names are at most 100 characters; this one has 101. Shorten it."`);
    expect(nameProblem('tab\there', 100)).toMatch(/control characters/);
    expect(nameProblem('invoice\u202Egpj.exe', 100)).toMatch(/text-direction/);
  });
});

describe('IP allowlists', () => {
  it('split on lines, commas and spaces', () => {
    expect(parseAllowlist('203.0.113.7\n198.51.100.0/24, 2001:db8::1')).toEqual({
      entries: ['203.0.113.7', '198.51.100.0/24', '2001:db8::1'],
      problem: null,
    });
  });

  it('refuse what is not shaped like an address, without echoing control characters', () => {
    const { problem } = parseAllowlist('<script>alert(1)</script>');
    expect(problem).toMatch(/^“<script>alert\(1\)<\/script>” is not an IP address or range/);
    expect(parseAllowlist('1.2.3.4\u0007').problem).toContain('1.2.3.4�');
  });
});
