/**
 * The snippet languages, in tab order: the docs' sample tabs and the try-it console offer the
 * same list. `name` is the short tab label, which doubles as Starlight's synced-tab value, so a
 * reader's choice follows them from the docs' samples to the console and back (and to hand-written
 * tabs with the same label, such as "Node.js" and "Python"). `label` is the console menu's longer
 * description.
 */
export const SNIPPET_LANGUAGES = [
  { id: 'curl', name: 'curl', label: 'curl', code: 'sh' },
  { id: 'sdk', name: 'JS SDK', label: 'JavaScript (SDK)', code: 'js' },
  { id: 'node', name: 'Node.js', label: 'Node.js (fetch)', code: 'js' },
  { id: 'python', name: 'Python', label: 'Python (requests)', code: 'py' },
  { id: 'go', name: 'Go', label: 'Go', code: 'go' },
  { id: 'php', name: 'PHP', label: 'PHP', code: 'php' },
  { id: 'ruby', name: 'Ruby', label: 'Ruby', code: 'rb' },
  { id: 'java', name: 'Java', label: 'Java', code: 'java' },
  { id: 'csharp', name: 'C#', label: 'C#', code: 'cs' },
] as const;

export type SnippetLanguage = (typeof SNIPPET_LANGUAGES)[number]['id'];

/** localStorage key shared with Starlight's synced tabs (`syncKey="lang"`). */
export const LANGUAGE_STORAGE_KEY = 'starlight-synced-tabs__lang';

/**
 * The language a stored tab value names: its short name, or the long label that was stored
 * before tabs used short names (so a returning reader keeps their choice).
 */
export function languageNamed(value: string | null): SnippetLanguage | null {
  return SNIPPET_LANGUAGES.find((l) => l.name === value || l.label === value)?.id ?? null;
}

/** The tab label that stands for a language. */
export const tabName = (id: SnippetLanguage): string => SNIPPET_LANGUAGES.find((l) => l.id === id)!.name;
