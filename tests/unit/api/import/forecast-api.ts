/**
 * A small OpenAPI 3.0 document with no REST collection: every operation is answered from what the
 * document shows (examples, or values generated from schemas), with a documented 202 and 404.
 */
const json = (schema: object, extra: object = {}) => ({ 'application/json': { schema, ...extra } });

const errorSchema = {
  type: 'object',
  properties: {
    error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } }, required: ['code', 'message'] },
  },
  required: ['error'],
};

export function forecastApi(patch: (document: Record<string, any>) => void = () => {}): Record<string, any> {
  const document: Record<string, any> = {
    openapi: '3.0.3',
    info: { title: 'Forecast', version: '1' },
    servers: [{ url: 'https://api.forecast.example' }, { url: 'https://sandbox.forecast.example', description: 'Sandbox' }],
    components: { securitySchemes: { Key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } } },
    security: [{ Key: [] }],
    paths: {
      '/forecast': {
        get: {
          operationId: 'getForecast',
          parameters: [{ name: 'city', in: 'query', required: true, schema: { type: 'string' } }],
          responses: {
            '200': {
              description: 'The forecast.',
              content: json(
                {
                  type: 'object',
                  properties: { city: { type: 'string' }, temperature_c: { type: 'number' } },
                  required: ['city', 'temperature_c'],
                },
                { example: { city: 'Oslo', temperature_c: 4.5 } },
              ),
            },
            '401': { description: 'No key.', content: json(errorSchema) },
            '409': {
              description: 'The forecast is being recomputed.',
              content: json(errorSchema, { examples: { busy: { value: { error: { code: 'busy', message: 'Try again in a minute.' } } } } }),
            },
          },
        },
      },
      '/reports': {
        post: {
          operationId: 'requestReport',
          requestBody: { content: json({ type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }) },
          responses: {
            '202': {
              description: 'Accepted: the report is made later.',
              content: json({ type: 'object', properties: { job_id: { type: 'string', format: 'uuid' } }, required: ['job_id'] }),
            },
          },
        },
      },
      '/status': { get: { responses: { '204': { description: 'Up.' } } } },
      '/status/{region}': {
        get: {
          parameters: [{ name: 'region', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'Up or down.', content: json({ type: 'string', enum: ['up', 'down'] }) } },
        },
      },
    },
  };
  patch(document);
  return document;
}
