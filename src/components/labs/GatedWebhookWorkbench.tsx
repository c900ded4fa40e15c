/** `WebhookWorkbench` behind the hydration gate: inert and visibly loading until it has hydrated. */
import { withHydrationGate } from '../widgets/HydrationGate.tsx';
import WebhookWorkbench from './WebhookWorkbench.tsx';

export default withHydrationGate(WebhookWorkbench, 'Loading the webhook workbench…');
