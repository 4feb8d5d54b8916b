import { createRoute, z } from '@hono/zod-openapi';
import {
  AttachmentKeySchema,
  ProjectSchema,
  queryInt,
  UploadCompleteSchema,
  UploadFormRequestSchema,
  UploadFormSchema,
  UploadRequestSchema,
  UploadTicketSchema,
} from '@mekendesh/contracts';
import { completeUpload, mediaLocation, MEDIA_URL_SECONDS, requestUpload, requestUploadForm } from '@mekendesh/domain/uploads';
import type { Deps } from '../composition.js';
import { bearer, json, jsonBody, problems, resource } from './shared.js';
import { ProjectIdParams } from './proposals.js';

const KeyParams = ProjectIdParams.extend({ key: AttachmentKeySchema });

const ask = createRoute({
  method: 'post',
  path: '/{id}/uploads',
  tags: ['uploads'],
  security: bearer,
  summary: 'A presigned PUT URL for one photo (JPEG, PNG, WebP up to 5 MB) or document (PDF up to 10 MB)',
  request: { params: ProjectIdParams, body: jsonBody(UploadRequestSchema) },
  responses: {
    201: json(UploadTicketSchema, 'PUT the file to url with these headers, then complete'),
    ...problems(400, 401, 403, 404, 409),
  },
});
const form = createRoute({
  method: 'post',
  path: '/{id}/uploads/form',
  tags: ['uploads'],
  security: bearer,
  summary:
    'A presigned POST for a browser form without JavaScript: one photo (JPEG, PNG, WebP up to 5 MB) or PDF document (up to 10 MB) straight to the object store, which then redirects to the project return page that redirectPath names (rebuilt by the API; no other path) with upload=<key>, expires and proof; complete it there with purpose, expires and proof',
  request: { params: ProjectIdParams, body: jsonBody(UploadFormRequestSchema) },
  responses: {
    201: json(UploadFormSchema, 'POST a multipart form to url: these fields, then the file named `file` last'),
    ...problems(400, 401, 403, 404, 409),
  },
});
const complete = createRoute({
  method: 'post',
  path: '/{id}/uploads/{key}/complete',
  tags: ['uploads'],
  security: bearer,
  summary:
    "Verify the uploaded file (size, type, content; a photo's header: at most 40 megapixels, 10000 px a side), re-encode a photo without metadata (EXIF, GPS, XMP) with phone-sized copies, delete the upload and attach what is served",
  request: { params: KeyParams, body: { required: false, content: { 'application/json': { schema: UploadCompleteSchema } } } },
  responses: { 200: json(ProjectSchema, 'The project with the file attached'), ...problems(400, 401, 403, 404, 409) },
});
const media = createRoute({
  method: 'get',
  path: '/{id}/media/{key}',
  tags: ['uploads'],
  summary:
    "A project's photo or document: a redirect to a short-lived URL (w picks the smallest copy at least that wide); a document's URL makes the store answer it as a download (Content-Disposition: attachment)",
  request: { params: KeyParams, query: z.object({ w: queryInt({ min: 1, max: 4000, optional: true }) }).strict() },
  responses: { 302: { description: 'Redirect to the file' }, ...problems(400, 404) },
});

/**
 * Photos and documents: presigned uploads (to a private key never served), verification, and serving through
 * short-lived redirects to the checked copies only. Refusals are 400/409 problem+json in the caller's language.
 * Mounted at /projects.
 */
export function uploadRoutes(deps: Deps) {
  const p = deps.projectDeps;
  return resource()
    .openapi(ask, async (c) =>
      c.json(await requestUpload(p, c.var.actor, { id: c.req.valid('param').id, ...c.req.valid('json') }), 201, {
        'cache-control': 'no-store',
      }),
    )
    .openapi(form, async (c) =>
      c.json(
        await requestUploadForm(p, c.var.actor, {
          id: c.req.valid('param').id,
          webOrigin: deps.questions.webOrigin,
          ...c.req.valid('json'),
        }),
        201,
        { 'cache-control': 'no-store' },
      ),
    )
    .openapi(complete, async (c) => {
      const body = (c.req.header('content-type')?.includes('json') ? c.req.valid('json') : undefined) ?? {};
      return c.json(await completeUpload(p, c.var.actor, { ...c.req.valid('param'), ...body }), 200, { 'cache-control': 'no-store' });
    })
    .openapi(media, async (c) => {
      const { actor } = c.var;
      const found = await mediaLocation(p, actor, { ...c.req.valid('param'), width: c.req.valid('query').w });
      // Cached for less than the URL lives, so a cached redirect never points at an expired URL.
      const cache =
        found.public && actor.kind === 'anonymous' ? `public, max-age=${Math.floor(MEDIA_URL_SECONDS / 2)}` : 'private, no-store';
      c.header('cache-control', cache);
      return c.redirect(found.url, 302);
    });
}
