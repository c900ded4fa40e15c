/** `ScopeAdvisor` behind the hydration gate: inert and visibly loading until it has hydrated. */
import { withHydrationGate } from '../widgets/HydrationGate.tsx';
import ScopeAdvisor from './ScopeAdvisor.tsx';

export default withHydrationGate(ScopeAdvisor, 'Loading the scope advisor…');
