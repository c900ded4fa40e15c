/** `RateLimitLab` behind the hydration gate: inert and visibly loading until it has hydrated. */
import { withHydrationGate } from '../widgets/HydrationGate.tsx';
import RateLimitLab from './RateLimitLab.tsx';

export default withHydrationGate(RateLimitLab, 'Loading the rate-limit lab…');
