/**
 * Gentle advice on key names (seeds 000, 003 and 004: "Production Backend", not "Key 1"). A name
 * should say where the key runs and what uses it; the advice never blocks a name.
 */

/** Names that say nothing about where or why: "Key 1", "test", "abc123", "My key", "new key". */
const GENERIC = [
  /^(my |new |the |default |temp(orary)? |api |secret )?(api )?(key|token|secret)( ?\d+)?$/i,
  /^(test|testing|temp|tmp|default|asdf|qwerty|foo|bar|demo|sample|example)( ?\d+)?$/i,
  /^[a-z]{1,4} ?\d{1,6}$/i,
  /^\d+$/,
];

export interface NameAdvice {
  /** Why the name may be hard to recognise later. */
  reason: string;
  /** A better name in the recommended pattern. */
  suggestion: string;
}

/**
 * Advice for a key name, or `null` when it reads well. `environment` shapes the suggestion
 * ("Production backend" for live keys, "Staging backend" for test keys).
 */
export function keyNameAdvice(name: string, environment: 'live' | 'test'): NameAdvice | null {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (!trimmed) return null;
  const suggestion = environment === 'live' ? 'Production backend' : 'Staging backend';
  if (GENERIC.some((pattern) => pattern.test(trimmed))) {
    return {
      reason: `“${trimmed}” will not tell you later where this key runs or what uses it.`,
      suggestion,
    };
  }
  if (trimmed.length < 4) {
    return { reason: 'A name this short is hard to tell apart in usage charts and audit logs.', suggestion };
  }
  return null;
}
