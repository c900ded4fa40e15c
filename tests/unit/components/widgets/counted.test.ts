import { describe, expect, it } from 'vitest';
import { counted } from '../../../../src/components/widgets/format.ts';

describe('a count with its noun', () => {
  it('is singular for one and plural otherwise', () => {
    expect(counted(1, 'step')).toBe('1 step');
    expect(counted(3, 'step')).toBe('3 steps');
    expect(counted(0, 'step')).toBe('0 steps');
  });
});
