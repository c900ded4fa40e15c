/** `PlaygroundApp` behind the hydration gate: inert and visibly loading until it has hydrated. */
import { withHydrationGate } from '../widgets/HydrationGate.tsx';
import PlaygroundApp from './PlaygroundApp.tsx';

export default withHydrationGate(PlaygroundApp, 'Loading the playground…');
