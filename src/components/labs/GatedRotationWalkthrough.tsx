/** `RotationWalkthrough` behind the hydration gate: inert and visibly loading until it has hydrated. */
import { withHydrationGate } from '../widgets/HydrationGate.tsx';
import RotationWalkthrough from './RotationWalkthrough.tsx';

export default withHydrationGate(RotationWalkthrough, 'Loading the rotation walkthrough…');
