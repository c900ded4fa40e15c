/**
 * HueChat: a business messaging API (seeds 000 and 001).
 * Keys go in `X-API-Key` or `Authorization: Bearer`; both are equivalent.
 */
import { z } from 'zod';
import { collectionEndpoints } from '../builtins.ts';
import { defineCollection, definePreset } from '../define.ts';
import { standardErrors } from './standard-errors.ts';

const contacts = defineCollection({
  id: 'contacts',
  name: 'Contact',
  idPrefix: 'ct_',
  fields: z.object({
    name: z.string().min(1).max(200),
    phone: z
      .string()
      .regex(/^\+[1-9][0-9]{6,14}$/, 'Use E.164 format, e.g. "+14155550123".')
      .nullable()
      .default(null),
    email: z.email().nullable().default(null),
    tags: z.array(z.string().max(40)).max(20).default([]),
  }),
  create: z.object({
    name: z.string().min(1).max(200),
    phone: z
      .string()
      .regex(/^\+[1-9][0-9]{6,14}$/, 'Use E.164 format, e.g. "+14155550123".')
      .optional(),
    email: z.email().optional(),
    tags: z.array(z.string().max(40)).max(20).optional(),
  }),
  seed: [
    { name: 'Ada Okafor', phone: '+14155550123', email: 'ada@example.com', tags: ['vip'] },
    { name: 'Mateo Silva', phone: '+5511955550142', email: null, tags: ['trial'] },
    { name: 'Priya Raman', phone: null, email: 'priya@example.org', tags: [] },
  ],
});

const conversations = defineCollection({
  id: 'conversations',
  name: 'Conversation',
  idPrefix: 'cv_',
  fields: z.object({
    contact_id: z.string(),
    channel: z.enum(['whatsapp', 'sms', 'webchat', 'instagram']),
    status: z.enum(['open', 'pending', 'closed']).default('open'),
    subject: z.string().max(200).nullable().default(null),
  }),
  create: z.object({
    contact_id: z.string().min(1),
    channel: z.enum(['whatsapp', 'sms', 'webchat', 'instagram']),
    status: z.enum(['open', 'pending', 'closed']).optional(),
    subject: z.string().max(200).optional(),
  }),
  seed: [
    { contact_id: 'ct_seed_1', channel: 'whatsapp', status: 'open', subject: 'Order #1042 delivery' },
    { contact_id: 'ct_seed_2', channel: 'sms', status: 'closed', subject: null },
  ],
});

const messages = defineCollection({
  id: 'messages',
  name: 'Message',
  idPrefix: 'msg_',
  fields: z.object({
    conversation_id: z.string(),
    text: z.string().min(1).max(4096),
    direction: z.enum(['inbound', 'outbound']).default('outbound'),
    status: z.enum(['queued', 'sent', 'delivered', 'simulated']).default('queued'),
  }),
  create: z.object({
    conversation_id: z.string().min(1),
    text: z.string().min(1, 'A message needs some text.').max(4096),
  }),
  seed: [
    { conversation_id: 'cv_seed_1', text: 'Hi! Where is my order?', direction: 'inbound', status: 'delivered' },
    { conversation_id: 'cv_seed_1', text: 'It ships today; tracking follows.', direction: 'outbound', status: 'delivered' },
  ],
  // Test keys never reach real contacts (seed 001: "Messages are simulated").
  testModeOverrides: { status: 'simulated' },
});

const channels = defineCollection({
  id: 'channels',
  name: 'Channel',
  idPrefix: 'ch_',
  fields: z.object({
    type: z.enum(['whatsapp', 'sms', 'webchat', 'instagram']),
    display_name: z.string().min(1).max(100),
    connected: z.boolean().default(true),
  }),
  create: z.object({
    type: z.enum(['whatsapp', 'sms', 'webchat', 'instagram']),
    display_name: z.string().min(1).max(100),
  }),
  seed: [
    { type: 'whatsapp', display_name: 'Support WhatsApp', connected: true },
    { type: 'webchat', display_name: 'Website chat', connected: true },
  ],
});

const webhooks = defineCollection({
  id: 'webhooks',
  name: 'Webhook',
  idPrefix: 'wh_',
  fields: z.object({
    url: z.url({ protocol: /^https$/, error: 'Webhook URLs must use https.' }),
    events: z.array(z.string()).min(1),
    enabled: z.boolean().default(true),
  }),
  create: z.object({
    url: z.url({ protocol: /^https$/, error: 'Webhook URLs must use https.' }),
    events: z.array(z.enum(['message.received', 'message.delivered', 'conversation.closed', 'contact.created'])).min(1),
    enabled: z.boolean().optional(),
  }),
  seed: [{ url: 'https://example.com/hooks/huechat', events: ['message.received'], enabled: true }],
});

const users = defineCollection({
  id: 'users',
  name: 'User',
  idPrefix: 'usr_',
  fields: z.object({
    email: z.email(),
    role: z.enum(['owner', 'admin', 'agent']).default('agent'),
  }),
  create: z.object({
    email: z.email(),
    role: z.enum(['admin', 'agent']).optional(),
  }),
  seed: [
    { email: 'owner@example.com', role: 'owner' },
    { email: 'agent@example.com', role: 'agent' },
  ],
});

const analytics = z.object({
  counts: z.record(z.string(), z.number().int()).describe('Records per collection.'),
  requests_today: z.number().int().describe('Requests made with this key today (UTC).'),
});

export default definePreset({
  product: {
    id: 'huechat',
    name: 'HueChat',
    docsTitle: 'HueChat API',
    tagline: 'Send and receive WhatsApp, SMS and web-chat messages from your own backend.',
    envVar: 'HUECHAT_API_KEY',
    sdkPackage: '@huechat/sdk',
    docsUrl: 'https://docs.huechat.ai',
    dashboardUrl: 'https://app.huechat.ai/settings/api-keys',
  },
  environments: [
    {
      id: 'live',
      name: 'Production',
      baseUrl: 'https://api.huechat.ai/v2',
      keyPrefix: 'sk_live_',
      realEffects: true,
      description: 'Sends real messages to real contacts; messages count toward your plan.',
    },
    {
      id: 'test',
      name: 'Sandbox',
      baseUrl: 'https://sandbox.huechat.ai/v2',
      keyPrefix: 'sk_test_',
      realEffects: false,
      description: 'Mirrors production, but messages are simulated and never reach anyone.',
    },
  ],
  auth: { schemes: [{ type: 'header', name: 'X-API-Key' }, { type: 'bearer' }] },
  keyFormat: { randomLength: 32, checksumLength: 6, storedHash: 'sha256' },
  keyPolicy: {
    expiryDays: [null, 30, 90, 365],
    rollGraceSeconds: [0, 3600, 86_400, 604_800],
    // IP restrictions are an Enterprise feature in seed 001; the sandbox lets everyone try them.
    ipAllowlist: true,
    canDisable: true,
    nameMaxLength: 100,
    maxKeysPerAccount: 500,
    rotateEveryDays: 90,
    propagationSeconds: 0,
  },
  scopes: [
    { id: 'full_access', description: 'Every endpoint, for trusted internal systems', group: 'Full access', grantsAll: true },
    { id: 'contacts:read', description: 'View contacts', group: 'Contacts' },
    { id: 'contacts:write', description: 'Create, update and delete contacts', group: 'Contacts' },
    { id: 'conversations:read', description: 'View conversations and messages', group: 'Conversations' },
    { id: 'conversations:write', description: 'Send messages and update conversations', group: 'Conversations' },
    { id: 'channels:read', description: 'View connected channels', group: 'Channels' },
    { id: 'channels:write', description: 'Connect and disconnect channels', group: 'Channels' },
    { id: 'webhooks:manage', description: 'Create, update and delete webhooks', group: 'Webhooks' },
    { id: 'admin:read', description: 'View users and analytics', group: 'Admin' },
    { id: 'admin:write', description: 'Manage users and settings', group: 'Admin' },
  ],
  access: { mode: 'per-key' },
  keyTemplates: [
    {
      id: 'read-only-analytics',
      name: 'Read-only analytics',
      description: 'For dashboards that only view data: no write permission at all.',
      scopes: ['contacts:read', 'conversations:read', 'admin:read'],
    },
    {
      id: 'messaging-only',
      name: 'Messaging only',
      description: 'For systems that only send messages: no admin or webhook access.',
      scopes: ['contacts:read', 'contacts:write', 'conversations:write'],
    },
  ],
  collections: [contacts, conversations, messages, channels, webhooks, users],
  endpoints: [
    ...collectionEndpoints(contacts, {
      operations: ['list', 'get', 'create', 'update', 'delete'],
    }),
    ...collectionEndpoints(conversations, {
      operations: ['list', 'get', 'create', 'update'],
    }),
    ...collectionEndpoints(messages, {
      tag: 'Conversations',
      read: ['conversations:read'],
      write: ['conversations:write'],
      operations: ['list', 'get', 'create'],
    }),
    ...collectionEndpoints(channels, {
      operations: ['list', 'get', 'create', 'delete'],
    }),
    ...collectionEndpoints(webhooks, {
      read: ['webhooks:manage'],
      write: ['webhooks:manage'],
      operations: ['list', 'get', 'create', 'update', 'delete'],
    }),
    ...collectionEndpoints(users, {
      path: '/admin/users',
      tag: 'Admin',
      read: ['admin:read'],
      write: ['admin:write'],
      operations: ['list', 'get', 'create', 'update'],
    }),
    {
      id: 'analytics.get',
      method: 'GET',
      path: '/admin/analytics',
      summary: 'Account analytics',
      description: 'Record counts and today’s request volume.',
      tag: 'Admin',
      scopes: ['admin:read'],
      action: { type: 'stats' },
      response: analytics,
    },
  ],
  management: { keysPath: '/api-keys', whoamiPath: '/me', scopes: ['full_access'] },
  // Seed 001's body, `{"error","message","code"}`, plus the stable id and a docs link.
  errorFormat: {
    envelope: null,
    fields: { kind: 'error', message: 'message', status: 'code', id: 'type', docs: 'docs_url', missingScopes: 'missing_scopes' },
  },
  errors: standardErrors({
    missingKey: 'API key is required',
    invalidKey: 'Invalid API key',
    forbidden: 'API key does not have permission for this action',
    unauthorizedKind: 'unauthorized',
    forbiddenKind: 'forbidden',
  }),
  // Seed 000 names no limits; these are common plan-based limits for a messaging API.
  rateLimits: {
    tiers: [
      { id: 'starter', name: 'Starter', limit: 60, windowSeconds: 60 },
      { id: 'business', name: 'Business', limit: 300, windowSeconds: 60 },
      { id: 'enterprise', name: 'Enterprise', limit: 1200, windowSeconds: 60 },
    ],
    sandboxTier: 'starter',
  },
  // Seeds 000/001 do not describe webhook signing; HueChat follows the Stripe-style scheme.
  webhooks: {
    scheme: 'stripe',
    signatureHeader: 'HueChat-Signature',
    toleranceSeconds: 300,
    secretPrefix: 'whsec_',
    events: ['message.received', 'message.delivered', 'conversation.closed', 'contact.created'],
  },
  // Seed 003: "set up alerts for authentication failures".
  monitoring: { authFailureWindowMinutes: 15, authFailureThreshold: 0.25, minimumRequests: 5 },
});
