/**
 * The snippet languages, in tab order. Labels double as Starlight's synced tab labels, so a
 * reader's choice follows them from the docs' samples to the try-it console and back.
 */
export const SNIPPET_LANGUAGES = [
  { id: 'curl', label: 'curl', code: 'sh', target: ['shell', 'curl'] },
  { id: 'sdk', label: 'JavaScript (SDK)', code: 'ts', target: null },
  { id: 'node', label: 'Node.js (fetch)', code: 'js', target: ['node', 'fetch'] },
  { id: 'python', label: 'Python (requests)', code: 'py', target: ['python', 'requests'] },
  { id: 'go', label: 'Go', code: 'go', target: ['go', 'native'] },
  { id: 'php', label: 'PHP', code: 'php', target: ['php', 'curl'] },
  { id: 'ruby', label: 'Ruby', code: 'rb', target: ['ruby', 'native'] },
  { id: 'java', label: 'Java', code: 'java', target: ['java', 'okhttp'] },
  { id: 'csharp', label: 'C#', code: 'cs', target: ['csharp', 'httpclient'] },
] as const;

export type SnippetLanguage = (typeof SNIPPET_LANGUAGES)[number]['id'];

/** The four languages every docs page shows. */
export const DOCS_LANGUAGES: SnippetLanguage[] = ['curl', 'sdk', 'node', 'python'];

/** localStorage key shared with Starlight's synced tabs (`syncKey="lang"`). */
export const LANGUAGE_STORAGE_KEY = 'starlight-synced-tabs__lang';
