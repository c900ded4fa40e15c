/**
 * The parts of an OpenAPI 3.0/3.1 document the importer reads, after its `$ref`s are resolved.
 * Only what is read is typed; everything else stays `unknown`.
 */

export type JsonSchema = Record<string, unknown>;

export interface SecurityScheme {
  type: string;
  in?: string;
  name?: string;
  scheme?: string;
  flows?: Record<string, { scopes?: Record<string, string> }>;
}

export type SecurityRequirement = Record<string, string[]>;

export interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
  style?: string;
  explode?: boolean;
}

export interface MediaType {
  schema?: JsonSchema;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
}

export interface Response {
  description?: string;
  content?: Record<string, MediaType>;
}

export interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, MediaType> };
  responses?: Record<string, Response>;
  security?: SecurityRequirement[];
  callbacks?: unknown;
  'x-keyport'?: unknown;
}

export type PathItem = Record<string, unknown> & { parameters?: Parameter[] };

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; summary?: string; description?: string; version?: string };
  servers?: Array<{ url: string; description?: string; variables?: Record<string, { default: string }> }>;
  security?: SecurityRequirement[];
  tags?: Array<{ name: string }>;
  paths?: Record<string, PathItem>;
  webhooks?: Record<string, unknown>;
  externalDocs?: { url?: string };
  components?: { securitySchemes?: Record<string, SecurityScheme> };
  'x-keyport'?: unknown;
}

/** OpenAPI 3.0 writes `nullable: true` and has no `type: "null"`; JSON Schema drafts differ with it. */
export const isOpenApi30 = (document: OpenApiDocument) => document.openapi.startsWith('3.0');

/** The JSON media type of a content map: `application/json` or any `+json` type. */
export function jsonMediaType(content: Record<string, MediaType> | undefined): MediaType | undefined {
  if (!content) return undefined;
  const type = Object.keys(content).find((name) => /^application\/(?:[\w.-]+\+)?json(?:;|$)/i.test(name));
  return type === undefined ? undefined : content[type];
}
