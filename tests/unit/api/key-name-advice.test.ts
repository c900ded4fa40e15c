import { describe, expect, test } from 'vitest';
import { keyNameAdvice } from '../../../src/api/key-name-advice.ts';

describe('key-name advice', () => {
  test.each(['Key 1', 'key1', 'Test', 'test', 'abc123', 'My Key', 'new key', 'API key', 'token 2', '12345', 'tmp'])(
    'flags “%s”',
    (name) => {
      expect(keyNameAdvice(name, 'live')).not.toBeNull();
    },
  );

  test.each([
    'Production backend',
    'Production Backend',
    'Staging Environment',
    'CRM Integration',
    'Marketing Automation',
    'Zapier Integration',
    'Production Bot',
    'Development Integration',
    'Mobile App',
    'Webhook Service',
  ])('leaves “%s” alone', (name) => {
    expect(keyNameAdvice(name, 'live')).toBeNull();
  });

  test('suggests the pattern for the key’s environment, and never advises on an empty name', () => {
    expect(keyNameAdvice('Key 1', 'live')).toMatchInlineSnapshot(`
      {
        "reason": "“Key 1” will not tell you later where this key runs or what uses it.",
        "suggestion": "Production backend",
      }
    `);
    expect(keyNameAdvice('test', 'test')?.suggestion).toBe('Staging backend');
    expect(keyNameAdvice('   ', 'test')).toBeNull();
  });
});
