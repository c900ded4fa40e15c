/**
 * The snippet languages, in tab order. Labels double as Starlight's synced tab labels, so a
 * reader's choice follows them from the docs' samples to the try-it console and back.
 */
export const SNIPPET_LANGUAGES = [
  { id: 'curl', label: 'curl', code: 'sh' },
  { id: 'sdk', label: 'JavaScript (SDK)', code: 'js' },
  { id: 'node', label: 'Node.js (fetch)', code: 'js' },
  { id: 'python', label: 'Python (requests)', code: 'py' },
  { id: 'go', label: 'Go', code: 'go' },
  { id: 'php', label: 'PHP', code: 'php' },
  { id: 'ruby', label: 'Ruby', code: 'rb' },
  { id: 'java', label: 'Java', code: 'java' },
  { id: 'csharp', label: 'C#', code: 'cs' },
] as const;

export type SnippetLanguage = (typeof SNIPPET_LANGUAGES)[number]['id'];

/** The four languages every docs page shows. */
export const DOCS_LANGUAGES: SnippetLanguage[] = ['curl', 'sdk', 'node', 'python'];

/** localStorage key shared with Starlight's synced tabs (`syncKey="lang"`). */
export const LANGUAGE_STORAGE_KEY = 'starlight-synced-tabs__lang';
