import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { ProblemSchema, ProjectListQuerySchema, ProjectListSchema, ProjectSchema } from '@mekendesh/contracts';
import { getPublicProject, listPublishedProjects } from '@mekendesh/domain';
import type { Deps } from '../composition.js';
import { validationHook } from '../validation.js';

const problemContent = { 'application/problem+json': { schema: ProblemSchema } };

const list = createRoute({
  method: 'get',
  path: '/projects',
  tags: ['projects'],
  summary: 'Published projects, newest first, cursor-paginated',
  request: { query: ProjectListQuerySchema },
  responses: {
    200: { description: 'A page of projects', content: { 'application/json': { schema: ProjectListSchema } } },
    400: { description: 'Invalid query', content: problemContent },
  },
});

const IdParams = z.object({ id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only') });

const get = createRoute({
  method: 'get',
  path: '/projects/{id}',
  tags: ['projects'],
  summary: 'One public project',
  request: { params: IdParams },
  responses: {
    200: { description: 'The project', content: { 'application/json': { schema: ProjectSchema } } },
    400: { description: 'Invalid id', content: problemContent },
    404: { description: 'No public project with this id', content: problemContent },
  },
});

export function projectRoutes(deps: Deps) {
  return new OpenAPIHono({ defaultHook: validationHook })
    .openapi(list, async (c) => {
      const page = await listPublishedProjects(deps.projects, c.req.valid('query'));
      c.header('cache-control', 'public, max-age=15');
      return c.json(page, 200);
    })
    .openapi(get, async (c) => {
      const project = await getPublicProject(deps.projects, c.req.valid('param').id);
      c.header('cache-control', 'public, max-age=15');
      return c.json(project, 200);
    });
}
