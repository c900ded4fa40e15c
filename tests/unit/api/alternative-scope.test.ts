import { describe, expect, it } from 'vitest';
import { alternativeScope, fullAccessScope, model } from '../../../src/api/index.ts';

const full = fullAccessScope(model).id;

describe('the scope that also allows an endpoint', () => {
  it('is the full-access scope for an endpoint that names narrower scopes', () => {
    expect(alternativeScope(['contacts:read'], full)).toBe(full);
  });

  it('is none when the endpoint already requires full access, so nothing reads “X (or X)”', () => {
    expect(alternativeScope([full], full)).toBeNull();
    expect(alternativeScope(['contacts:read', full], full)).toBeNull();
  });

  it('is none when any valid key may call the endpoint', () => {
    expect(alternativeScope([], full)).toBeNull();
  });

  it('is never listed next to itself for any endpoint of the model', () => {
    for (const endpoint of model.endpoints) expect(endpoint.scopes).not.toContain(alternativeScope(endpoint.scopes, full));
  });
});
