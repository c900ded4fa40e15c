import { describe, expect, it } from 'vitest';
import { model } from '../../../../src/api/index.ts';
import { defaultDraft, draftFromLink } from '../../../../src/components/try-it/console-send.ts';
import { endpointRequestHash } from '../../../../src/components/try-it/endpoint-request.ts';
import { draftFromHash } from '../../../../src/components/try-it/request-draft.ts';
import { consoleData } from '../../../../src/components/widgets/widget-data.ts';

const data = consoleData(model);

describe('a reference section’s “Try it” link', () => {
  it('carries the request the console starts from for that endpoint: sample id and example body', () => {
    for (const endpoint of model.endpoints) {
      const info = data.endpoints.find((e) => e.id === endpoint.id)!;
      expect(draftFromHash(endpointRequestHash(model, endpoint))).toEqual({
        found: true,
        draft: defaultDraft(info, data.schemes[0]!.id),
        example: true,
      });
    }
  });

  it('fills the console in without calling the example a shared link', () => {
    const create = model.endpoints.find((e) => e.id === 'keys.create')!;
    const link = draftFromLink(endpointRequestHash(model, create), data)!;
    expect(link.note).toBeNull();
    expect(link.draft?.endpoint).toBe('keys.create');
    expect(JSON.parse(link.draft!.body)).toHaveProperty('name');
  });
});
