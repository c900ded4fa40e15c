/** `KeyInspector` behind the hydration gate: inert and visibly loading until it has hydrated. */
import { withHydrationGate } from '../widgets/HydrationGate.tsx';
import KeyInspector from './KeyInspector.tsx';

export default withHydrationGate(KeyInspector, 'Loading the key inspector…');
