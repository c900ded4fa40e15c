/**
 * AlooChat: AI agents for customer conversations (seed 003).
 * Keys go in `x-api-token`; keys are active, inactive or expired, and can expire.
 */
import { z } from 'zod';
import { collectionEndpoints } from '../builtins.ts';
import { defineCollection, definePreset } from '../define.ts';
import { standardErrors } from './standard-errors.ts';

const agents = defineCollection({
  id: 'agents',
  name: 'Agent',
  idPrefix: 'agt_',
  fields: z.object({
    name: z.string().min(1).max(100),
    language: z
      .string()
      .regex(/^[a-z]{2}$/, 'Use a two-letter language code, e.g. "en".')
      .default('en'),
    active: z.boolean().default(true),
  }),
  create: z.object({
    name: z.string().min(1).max(100),
    language: z
      .string()
      .regex(/^[a-z]{2}$/, 'Use a two-letter language code, e.g. "en".')
      .optional(),
    active: z.boolean().optional(),
  }),
  seed: [
    { name: 'Sales agent', language: 'en', active: true },
    { name: 'Agente de soporte', language: 'es', active: true },
  ],
});

const conversations = defineCollection({
  id: 'conversations',
  name: 'Conversation',
  idPrefix: 'cnv_',
  fields: z.object({
    agent_id: z.string(),
    customer: z.string(),
    resolved: z.boolean().default(false),
  }),
  create: z.object({ agent_id: z.string(), customer: z.string() }),
  seed: [{ agent_id: 'agt_seed_1', customer: 'visitor-8841', resolved: true }],
});

export default definePreset({
  product: {
    id: 'aloochat',
    name: 'AlooChat',
    docsTitle: 'AlooChat API',
    tagline: 'Put AlooChat’s AI agents to work from your own systems and integrations.',
    envVar: 'ALOOCHAT_API_TOKEN',
    sdkPackage: '@aloochat/sdk',
    docsUrl: 'https://docs.aloochat.ai',
    dashboardUrl: 'https://studio.aloochat.ai/security?tab=access-control',
  },
  // Seed 003 names only api.aloochat.ai and speaks of "dev/prod"; the dev host is Keyport's choice.
  environments: [
    {
      id: 'live',
      name: 'Production',
      baseUrl: 'https://api.aloochat.ai/v1',
      keyPrefix: 'aloo_live_',
      realEffects: true,
      description: 'Your agents answer real customers.',
    },
    {
      id: 'test',
      name: 'Development',
      baseUrl: 'https://api.dev.aloochat.ai/v1',
      keyPrefix: 'aloo_test_',
      realEffects: false,
      description: 'For building and testing integrations; conversations are not shown to customers.',
    },
  ],
  auth: { schemes: [{ type: 'header', name: 'x-api-token' }] },
  keyFormat: { randomLength: 32, checksumLength: 6, storedHash: 'sha256' },
  keyPolicy: {
    // Seed 003 suggests shorter expiry for development keys, so short options come first.
    expiryDays: [7, 30, 90, 365, null],
    rollGraceSeconds: [0, 3600, 86_400, 604_800],
    ipAllowlist: false,
    canDisable: true,
    nameMaxLength: 100,
    maxKeysPerAccount: 200,
    rotateEveryDays: 90,
    propagationSeconds: 0,
  },
  // Seed 003 promises "granular permissions" without naming them; these follow its resources.
  scopes: [
    { id: 'full_access', description: 'Every endpoint', group: 'Full access', grantsAll: true },
    { id: 'agents:read', description: 'View agents', group: 'Agents' },
    { id: 'agents:write', description: 'Create and update agents', group: 'Agents' },
    { id: 'conversations:read', description: 'View conversations', group: 'Conversations' },
    { id: 'conversations:write', description: 'Start and resolve conversations', group: 'Conversations' },
  ],
  access: { mode: 'per-key' },
  keyTemplates: [
    {
      id: 'read-only',
      name: 'Read-only',
      description: 'For reporting: sees agents and conversations, changes nothing.',
      scopes: ['agents:read', 'conversations:read'],
    },
  ],
  collections: [agents, conversations],
  endpoints: [
    ...collectionEndpoints(agents, {
      operations: ['list', 'get', 'create', 'update', 'delete'],
    }),
    ...collectionEndpoints(conversations, {
      operations: ['list', 'get', 'create', 'update'],
    }),
  ],
  management: { keysPath: '/api-keys', whoamiPath: '/me', scopes: ['full_access'] },
  // A NestJS-style body, `{"statusCode","message","error"}`, plus the stable code and a docs link.
  errorFormat: {
    envelope: null,
    fields: { kind: 'error', message: 'message', status: 'statusCode', id: 'code', docs: 'docs', missingScopes: 'missingScopes' },
  },
  errors: standardErrors(
    {
      missingKey: 'Missing x-api-token header',
      invalidKey: 'Invalid API token',
      forbidden: 'Your API key lacks permissions for this operation',
      unauthorizedKind: 'Unauthorized',
      forbiddenKind: 'Forbidden',
    },
    { omit: ['ip_not_allowed'] },
  ),
  rateLimits: {
    tiers: [
      { id: 'growth', name: 'Growth', limit: 120, windowSeconds: 60 },
      { id: 'scale', name: 'Scale', limit: 600, windowSeconds: 60 },
    ],
    sandboxTier: 'growth',
  },
  webhooks: {
    scheme: 'stripe',
    signatureHeader: 'X-AlooChat-Signature',
    toleranceSeconds: 300,
    secretPrefix: 'whsec_',
    events: ['conversation.started', 'conversation.resolved'],
  },
  // Seed 003: "set up alerts for authentication failures".
  monitoring: { authFailureWindowMinutes: 15, authFailureThreshold: 0.25, minimumRequests: 5 },
});
