import { describeSnippets } from './run-snippets.ts';

describeSnippets('php');
