/** `KeyManager` behind the hydration gate: inert and visibly loading until it has hydrated. */
import { withHydrationGate } from '../widgets/HydrationGate.tsx';
import KeyManager from './KeyManager.tsx';

export default withHydrationGate(KeyManager, 'Loading the key manager…');
