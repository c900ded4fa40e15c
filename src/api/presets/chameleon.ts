/**
 * Chameleon: a self-hosted console whose API keys act as the user who made them (seed 004).
 * `X-API-Key`; keys inherit the account's role; rate limits by role.
 */
import { z } from 'zod';
import { collectionEndpoints } from '../builtins.ts';
import { defineCollection, definePreset } from '../define.ts';
import { standardErrors } from './standard-errors.ts';

const projects = defineCollection({
  id: 'projects',
  name: 'Project',
  idPrefix: 'prj_',
  fields: z.object({
    name: z.string().min(1).max(100),
    description: z.string().max(500).default(''),
  }),
  create: z.object({ name: z.string().min(1).max(100), description: z.string().max(500).optional() }),
  seed: [
    { name: 'Mobile app', description: 'iOS and Android clients' },
    { name: 'Webhook service', description: '' },
  ],
});

const users = defineCollection({
  id: 'users',
  name: 'User',
  idPrefix: 'usr_',
  fields: z.object({
    email: z.email(),
    role: z.enum(['standard', 'premium', 'admin']),
  }),
  create: z.object({ email: z.email(), role: z.enum(['standard', 'premium', 'admin']) }),
  seed: [{ email: 'admin@example.com', role: 'admin' }],
});

export default definePreset({
  product: {
    id: 'chameleon',
    name: 'Chameleon',
    docsTitle: 'Chameleon API',
    tagline: 'Everything in the Chameleon console, programmable with a key.',
    envVar: 'CHAMELEON_API_KEY',
    sdkPackage: '@chameleon/sdk',
    docsUrl: 'https://chameleon.example.com/docs',
    dashboardUrl: 'https://chameleon.example.com/api-keys',
  },
  // Seed 004 shows only "your-domain.com": Chameleon is self-hosted. The hosts stand for yours.
  environments: [
    {
      id: 'live',
      name: 'Production',
      baseUrl: 'https://chameleon.example.com/api',
      keyPrefix: 'chm_live_',
      realEffects: true,
      description: 'Your production installation.',
    },
    {
      id: 'test',
      name: 'Staging',
      baseUrl: 'https://staging.chameleon.example.com/api',
      keyPrefix: 'chm_test_',
      realEffects: false,
      description: 'A staging installation with its own keys and data.',
    },
  ],
  auth: { schemes: [{ type: 'header', name: 'X-API-Key' }] },
  keyFormat: { randomLength: 32, checksumLength: 6, storedHash: 'sha256' },
  keyPolicy: {
    // Seed 004: "Keys don't expire automatically."
    expiryDays: [null],
    rollGraceSeconds: [0, 3600, 86_400],
    ipAllowlist: false,
    // Seed 004 knows only active and revoked keys.
    canDisable: false,
    nameMaxLength: 100,
    maxKeysPerAccount: 200,
    rotateEveryDays: 90,
    propagationSeconds: 0,
  },
  scopes: [
    { id: 'admin', description: 'Everything, including admin endpoints', group: 'Admin', grantsAll: true },
    { id: 'projects:read', description: 'View projects', group: 'Projects' },
    { id: 'projects:write', description: 'Create, update and delete projects', group: 'Projects' },
  ],
  access: {
    mode: 'account-role',
    roles: [
      { id: 'standard', name: 'Standard', scopes: ['projects:read', 'projects:write'], rateLimitTier: 'standard' },
      { id: 'premium', name: 'Premium', scopes: ['projects:read', 'projects:write'], rateLimitTier: 'premium' },
      { id: 'admin', name: 'Admin', scopes: ['admin'], rateLimitTier: 'admin' },
    ],
    sandboxRole: 'standard',
  },
  keyTemplates: [],
  collections: [projects, users],
  endpoints: [
    ...collectionEndpoints(projects, {
      operations: ['list', 'get', 'create', 'update', 'delete'],
    }),
    ...collectionEndpoints(users, {
      path: '/admin/users',
      tag: 'Admin',
      read: ['admin'],
      write: ['admin'],
      operations: ['list', 'get', 'create'],
    }),
  ],
  // A user manages their own keys in the user center; any key of the account may do the same.
  management: { keysPath: '/api-keys', whoamiPath: '/me', scopes: [] },
  errorFormat: {
    envelope: 'error',
    fields: { message: 'message', status: 'status', id: 'code', docs: 'docs_url', missingScopes: 'missing_scopes' },
  },
  errors: standardErrors(
    {
      missingKey: 'API key is required in the X-API-Key header',
      invalidKey: 'API key not found',
      forbidden: 'Your role does not allow this action',
      unauthorizedKind: 'unauthorized',
      forbiddenKind: 'forbidden',
    },
    { omit: ['ip_not_allowed', 'inactive_api_key'] },
  ),
  rateLimits: {
    tiers: [
      { id: 'standard', name: 'Standard users', limit: 100, windowSeconds: 60 },
      { id: 'premium', name: 'Premium users', limit: 500, windowSeconds: 60 },
      { id: 'admin', name: 'Admin users', limit: 1000, windowSeconds: 60 },
    ],
    sandboxTier: 'standard',
  },
  // Seed 004's webhook keys authenticate calls; signing is Keyport's Stripe-style default.
  webhooks: {
    scheme: 'stripe',
    signatureHeader: 'Chameleon-Signature',
    toleranceSeconds: 300,
    secretPrefix: 'whsec_',
    events: ['project.created', 'project.deleted'],
  },
  // Seed 003: "set up alerts for authentication failures".
  monitoring: { authFailureWindowMinutes: 15, authFailureThreshold: 0.25, minimumRequests: 5 },
});
