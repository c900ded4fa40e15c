/**
 * Who is calling: the client address (for IP allowlists and usage logs) and the User-Agent.
 * The HTTP server knows the real address and passes it in an internal header, which it first
 * strips from incoming requests so clients cannot choose their own address. In the browser and
 * in tests the address comes from the sandbox settings.
 */
import { normalizeIp } from './ip-address.ts';
import type { SandboxSettings } from './settings.ts';

export const CLIENT_IP_HEADER = 'x-keyport-sandbox-client-ip';

export interface ClientInfo {
  ip: string;
  userAgent: string;
}

export function clientInfo(request: Request, settings: SandboxSettings): ClientInfo {
  return {
    ip: normalizeIp(request.headers.get(CLIENT_IP_HEADER) ?? settings.clientIp),
    // Browsers do not expose User-Agent to request handlers in every case; the page's own is the same.
    userAgent: request.headers.get('user-agent') ?? globalThis.navigator?.userAgent ?? 'unknown',
  };
}
