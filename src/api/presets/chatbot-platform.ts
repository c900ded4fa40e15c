/**
 * Chatbot Platform: bots, integrations and agent loops (seed 002).
 * Bearer keys only; keys take 5–10 seconds to propagate; webhooks are signed.
 */
import { z } from 'zod';
import { collectionEndpoints } from '../builtins.ts';
import { defineCollection, definePreset } from '../define.ts';
import { standardErrors } from './standard-errors.ts';

const bots = defineCollection({
  id: 'bots',
  name: 'Bot',
  idPrefix: 'bot_',
  fields: z.object({
    name: z.string().min(1).max(100),
    model: z.string().default('default'),
    published: z.boolean().default(false),
  }),
  create: z.object({
    name: z.string().min(1).max(100),
    model: z.string().min(1).optional(),
    published: z.boolean().optional(),
  }),
  seed: [
    { name: 'Support assistant', model: 'default', published: true },
    { name: 'Lead qualifier', model: 'default', published: false },
  ],
});

const integrations = defineCollection({
  id: 'integrations',
  name: 'Integration',
  idPrefix: 'int_',
  fields: z.object({
    provider: z.enum(['slack', 'hubspot', 'zendesk', 'zapier']),
    status: z.enum(['connected', 'error']).default('connected'),
  }),
  create: z.object({ provider: z.enum(['slack', 'hubspot', 'zendesk', 'zapier']) }),
  seed: [{ provider: 'slack', status: 'connected' }],
});

const channels = defineCollection({
  id: 'channels',
  name: 'Channel',
  idPrefix: 'chn_',
  fields: z.object({
    type: z.enum(['web', 'whatsapp', 'telegram', 'messenger']),
    bot_id: z.string(),
  }),
  create: z.object({ type: z.enum(['web', 'whatsapp', 'telegram', 'messenger']), bot_id: z.string().min(1) }),
  seed: [{ type: 'web', bot_id: 'bot_seed_1' }],
});

const conversations = defineCollection({
  id: 'conversations',
  name: 'Conversation',
  idPrefix: 'conv_',
  fields: z.object({
    bot_id: z.string(),
    channel_id: z.string(),
    messages: z.number().int().min(0),
  }),
  create: z.object({ bot_id: z.string(), channel_id: z.string(), messages: z.number().int().min(0) }),
  seed: [
    { bot_id: 'bot_seed_1', channel_id: 'chn_seed_1', messages: 12 },
    { bot_id: 'bot_seed_1', channel_id: 'chn_seed_1', messages: 3 },
  ],
});

const agentLoops = defineCollection({
  id: 'agent_loops',
  name: 'AgentLoop',
  idPrefix: 'loop_',
  fields: z.object({
    bot_id: z.string(),
    goal: z.string().min(1).max(500),
    status: z.enum(['queued', 'running', 'completed', 'simulated']).default('queued'),
  }),
  create: z.object({ bot_id: z.string().min(1), goal: z.string().min(1).max(500) }),
  seed: [{ bot_id: 'bot_seed_1', goal: 'Summarise yesterday’s conversations', status: 'completed' }],
  testModeOverrides: { status: 'simulated' },
});

export default definePreset({
  product: {
    id: 'chatbot-platform',
    name: 'Chatbot Platform',
    docsTitle: 'Chatbot Platform API',
    tagline: 'Build, connect and run chatbots and agent loops through one API.',
    envVar: 'CHATBOT_PLATFORM_API_KEY',
    sdkPackage: '@chatbot-platform/sdk',
    docsUrl: 'https://docs.chatbotplatform.dev',
    dashboardUrl: 'https://app.chatbotplatform.dev/settings/api-keys',
  },
  environments: [
    {
      id: 'live',
      name: 'Live',
      baseUrl: 'https://api.chatbotplatform.dev/v1',
      keyPrefix: 'cbp_live_',
      realEffects: true,
      description: 'Production: bots answer real users and agent loops really run.',
    },
    // Seed 002 lists test keys as "coming soon"; Keyport's sandbox needs them, so they exist here.
    {
      id: 'test',
      name: 'Test',
      baseUrl: 'https://sandbox.chatbotplatform.dev/v1',
      keyPrefix: 'cbp_test_',
      realEffects: false,
      description: 'For development: agent loops are simulated and nothing reaches real users.',
    },
  ],
  auth: { schemes: [{ type: 'bearer' }] },
  keyFormat: { randomLength: 32, checksumLength: 6, storedHash: 'sha256' },
  keyPolicy: {
    expiryDays: [null, 30, 90, 365],
    rollGraceSeconds: [0, 3600, 86_400, 604_800],
    ipAllowlist: false,
    canDisable: true,
    nameMaxLength: 100,
    maxKeysPerAccount: 200,
    rotateEveryDays: 90,
    // Seed 002: "Keys may take 5-10 seconds to propagate."
    propagationSeconds: 10,
  },
  scopes: [
    { id: 'admin', description: 'Full access to everything', group: 'Admin', grantsAll: true },
    { id: 'bots:read', description: 'View bots', group: 'Bots' },
    { id: 'bots:write', description: 'Create and update bots', group: 'Bots' },
    { id: 'integrations:read', description: 'View integrations', group: 'Integrations' },
    { id: 'integrations:write', description: 'Create and update integrations', group: 'Integrations' },
    { id: 'channels:read', description: 'View channels', group: 'Channels' },
    { id: 'channels:write', description: 'Create and update channels', group: 'Channels' },
    { id: 'conversations:read', description: 'View conversations', group: 'Conversations' },
    { id: 'conversations:write', description: 'Delete conversations', group: 'Conversations' },
    { id: 'agent-loops:read', description: 'View agent loops', group: 'Agent loops' },
    { id: 'agent-loops:write', description: 'Create and run agent loops', group: 'Agent loops' },
  ],
  access: { mode: 'per-key' },
  keyTemplates: [
    {
      id: 'bot-builder',
      name: 'Bot builder',
      description: 'For tools that edit bots and their channels, without touching conversations.',
      scopes: ['bots:read', 'bots:write', 'channels:read', 'channels:write'],
    },
    {
      id: 'conversation-export',
      name: 'Conversation export',
      description: 'Read-only access for exporting conversations to a data warehouse.',
      scopes: ['bots:read', 'conversations:read'],
    },
  ],
  collections: [bots, integrations, channels, conversations, agentLoops],
  endpoints: [
    ...collectionEndpoints(bots, {
      operations: ['list', 'get', 'create', 'update'],
    }),
    ...collectionEndpoints(integrations, {
      operations: ['list', 'get', 'create', 'update'],
    }),
    ...collectionEndpoints(channels, {
      operations: ['list', 'get', 'create', 'update'],
    }),
    ...collectionEndpoints(conversations, {
      operations: ['list', 'get', 'delete'],
    }),
    ...collectionEndpoints(agentLoops, {
      read: ['agent-loops:read'],
      write: ['agent-loops:write'],
      operations: ['list', 'get', 'create'],
      resource: 'agentLoops',
    }),
  ],
  management: { keysPath: '/api-keys', whoamiPath: '/me', scopes: ['admin'] },
  errorFormat: {
    envelope: 'error',
    fields: { message: 'message', status: 'status', id: 'type', docs: 'doc_url', missingScopes: 'missing_scopes' },
  },
  errors: standardErrors(
    {
      missingKey: 'No API key provided. Send it as "Authorization: Bearer YOUR_KEY"',
      invalidKey: 'Invalid API key',
      forbidden: 'This API key does not have the scopes this endpoint requires',
      unauthorizedKind: 'authentication_error',
      forbiddenKind: 'permission_error',
    },
    { omit: ['ip_not_allowed'] },
  ),
  // Seed 002 points to an "API Introduction" for limits; these are typical per-plan limits.
  rateLimits: {
    tiers: [
      { id: 'free', name: 'Free', limit: 30, windowSeconds: 60 },
      { id: 'pro', name: 'Pro', limit: 300, windowSeconds: 60 },
    ],
    sandboxTier: 'free',
  },
  webhooks: {
    scheme: 'standard',
    signatureHeader: 'webhook-signature',
    toleranceSeconds: 300,
    secretPrefix: 'whsec_',
    events: ['bot.message', 'conversation.started', 'agent_loop.completed'],
  },
  // Seed 003: "set up alerts for authentication failures".
  monitoring: { authFailureWindowMinutes: 15, authFailureThreshold: 0.25, minimumRequests: 5 },
});
