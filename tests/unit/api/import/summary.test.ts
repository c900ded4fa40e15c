import { expect, test } from 'vitest';
import { importOpenApiFile } from '../../../../src/api/import/index.ts';
import { importSummary } from '../../../../src/api/import/summary.ts';

test('the import summary names the environments, key headers, endpoints and every skipped construct with its pointer', async () => {
  const summary = importSummary(await importOpenApiFile('tests/fixtures/openapi/pet-shelter.yaml'));
  expect(summary).toMatchInlineSnapshot(`
    "Pet Shelter (Pet Shelter API)
      live https://api.petshelter.example/v1  keys petshelter_live_…
      test https://sandbox.petshelter.example/v1  keys petshelter_test_…
      keys in X-Shelter-Key: <key> or ?api_key=<key>
      1 scope: full_access
      1 collection: pets
      errors: {"error": {…}} (code, message)
      6 endpoints, plus key management at /api-keys and "who am I" at /me:
        GET    /pets  pets.list
        POST   /pets  pets.create
        GET    /pets/{id}  pets.get
        DELETE /pets/{id}  pets.delete
        PUT    /pets/{id}  pets.update
        GET    /pets/{id}/photo  petsPhoto.getPhoto

    4 warnings (skipped):
      #/paths/~1pets/get/parameters/1: Cookie parameter \`session\` is not supported yet; the sandbox ignores it.
      #/paths/~1pets/post/callbacks: Callbacks are not supported yet; skipped.
      #/paths/~1pets~1{petId}/put/requestBody: Only JSON bodies are supported; \`application/xml\` is not checked.
      #/paths/~1pets~1{petId}~1photo/get/responses/200: The sandbox answers JSON only; this \`image/png\` response comes back as \`null\`."
  `);
});
