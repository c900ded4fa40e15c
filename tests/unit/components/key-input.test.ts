import { describe, expect, it } from 'vitest';
import { parseAllowlist } from '../../../src/components/key-manager/key-input.ts';

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
