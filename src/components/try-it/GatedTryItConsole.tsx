/** `TryItConsole` behind the hydration gate: inert and visibly loading until it has hydrated. */
import { withHydrationGate } from '../widgets/HydrationGate.tsx';
import TryItConsole from './TryItConsole.tsx';

export default withHydrationGate(TryItConsole, 'Loading the console…');
