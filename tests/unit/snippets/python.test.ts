import { describeSnippets } from './run-snippets.ts';

describeSnippets('python');
