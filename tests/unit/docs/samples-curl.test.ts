import { describeSamples } from './run-samples.ts';

describeSamples('curl');
