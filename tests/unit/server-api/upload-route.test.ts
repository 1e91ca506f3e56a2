import { describe, expect, it } from 'vitest';
import { routeTarget } from '../../../src-main/server-link/route-target';
import { serverRoutes } from '../../../src-shared/server-api/routes';
import { requestInput } from '../../../src-server/http/api-route';

/** A route marked `upload` in the map: its body is the file's bytes, its fields the query string. */
describe('an upload route of the map (documents.phoneLink)', () => {
  const route = serverRoutes['documents.phoneLink'];

  it('on the device: the fields go into the query, and no JSON body is built', () => {
    expect(routeTarget(route, { fileName: 'factura-2026-03.pdf' })).toEqual({
      path: '/v1/documents/phone-links?fileName=factura-2026-03.pdf',
      body: null,
    });
  });

  it('on the server: the schema parses the query, never the bytes', () => {
    const bytes = Buffer.from('%PDF-1.7');
    expect(requestInput(route, { query: { fileName: 'a.pdf' }, body: bytes, params: {} })).toEqual({
      fileName: 'a.pdf',
    });
  });

  it('takes PDF bytes only', () => {
    expect(route.upload.contentTypes).toEqual(['application/pdf']);
  });
});
