/** `ErrorLab` behind the hydration gate: inert and visibly loading until it has hydrated. */
import { withHydrationGate } from '../widgets/HydrationGate.tsx';
import ErrorLab from './ErrorLab.tsx';

export default withHydrationGate(ErrorLab, 'Loading the error lab…');
