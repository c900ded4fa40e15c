import { describeSamples } from './run-samples.ts';

describeSamples('node');
