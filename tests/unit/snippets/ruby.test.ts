import { describeSnippets } from './run-snippets.ts';

describeSnippets('ruby');
