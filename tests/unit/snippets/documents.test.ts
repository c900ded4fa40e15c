import { SNIPPET_LANGUAGES } from '../../../src/components/snippets/languages.ts';
import { describeDocumentSnippets } from './run-documents.ts';

// One file, so each document is imported once. Languages alternate between the two halves of the
// documents: every document runs in four languages, every language on three documents.
const languages = SNIPPET_LANGUAGES.map(({ id }) => id).filter((id) => id !== 'sdk');
languages.forEach((language, i) => describeDocumentSnippets(language, (i % 2) as 0 | 1));
