import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { checkUserProfile, libraryProfiles } from '@atlas/rules';
import type { AppEnv } from '../app-env.ts';
import { ApiProblem, notFound } from '../problem.ts';
import { invalidProfile, profileLibrary, validationContext } from './profiles-library.ts';

// GET /api/profiles, GET /api/profiles/:id, POST /api/profiles (create), PUT /api/profiles/:id
// (create or edit). Shipped profiles (data/rules) are read-only defaults; user profiles live in
// DuckDB. A profile is validated before it is saved, every problem listed.

const ProfileInfo = z.object({
  id: z.string(),
  name: z.string(),
  jurisdiction: z.string(),
  extends: z.string().nullable(),
  readOnly: z.boolean().describe('shipped with the atlas (data/rules): copy it to edit'),
  updatedAt: z.string().nullable(),
});
const ProfileBody = z
  .record(z.string(), z.unknown())
  .openapi({ description: 'a rule profile (see @atlas/rules RuleProfile)' });
const IdParam = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'hubei' }),
});
const problemResponse = (description: string) => ({
  content: { 'application/problem+json': { schema: z.object({}).passthrough() } },
  description,
});
const Saved = z.object({ profile: z.unknown(), warnings: z.array(z.unknown()) });

const listRoute = createRoute({
  method: 'get',
  path: '/api/profiles',
  tags: ['profiles'],
  summary: 'Every rule profile: shipped (read-only) and user-made',
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ profiles: z.array(ProfileInfo) }) } },
      description: 'OK',
    },
  },
});
const getRoute = createRoute({
  method: 'get',
  path: '/api/profiles/{id}',
  tags: ['profiles'],
  summary: 'One rule profile as written',
  request: { params: IdParam },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: ProfileInfo.pick({ readOnly: true, updatedAt: true }).extend({
            profile: z.unknown(),
          }),
        },
      },
      description: 'OK',
    },
    404: problemResponse('No such profile'),
  },
});
const createRouteDef = createRoute({
  method: 'post',
  path: '/api/profiles',
  tags: ['profiles'],
  summary: 'Create a user rule profile',
  request: { body: { content: { 'application/json': { schema: ProfileBody } } } },
  responses: {
    201: { content: { 'application/json': { schema: Saved } }, description: 'Created' },
    400: problemResponse('Invalid profile: every problem listed'),
    409: problemResponse('A profile with that id exists'),
  },
});
const putRoute = createRoute({
  method: 'put',
  path: '/api/profiles/{id}',
  tags: ['profiles'],
  summary: 'Create or replace a user rule profile',
  request: {
    params: IdParam,
    body: { content: { 'application/json': { schema: ProfileBody } } },
  },
  responses: {
    200: { content: { 'application/json': { schema: Saved } }, description: 'Saved' },
    400: problemResponse('Invalid profile: every problem listed'),
    409: problemResponse('Shipped profiles are read-only'),
  },
});

const conflict = (detail: string) => new ApiProblem(409, 'conflict', '冲突 Conflict', detail);

export const profiles = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, async (c) => {
    const store = c.get('store');
    const library = await profileLibrary(store);
    const updated = new Map((await store.listProfiles()).map((p) => [p.id, p.updatedAt]));
    const shippedIds = new Set(library.shipped.map((p) => p.id));
    const list = libraryProfiles(library).map((p) => ({
      id: p.id,
      name: p.name,
      jurisdiction: p.jurisdiction,
      extends: p.extends,
      readOnly: shippedIds.has(p.id),
      updatedAt: updated.get(p.id) ?? null,
    }));
    return c.json({ profiles: list }, 200);
  })
  .openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    const store = c.get('store');
    const library = await profileLibrary(store);
    const shipped = library.shipped.find((p) => p.id === id);
    if (shipped) return c.json({ profile: shipped, readOnly: true, updatedAt: null }, 200);
    const stored = await store.getProfile(id);
    if (!stored) throw notFound(`no rule profile "${id}"`);
    return c.json({ profile: stored.profile, readOnly: false, updatedAt: stored.updatedAt }, 200);
  })
  .openapi(createRouteDef, async (c) => {
    const store = c.get('store');
    const body = c.req.valid('json');
    const library = await profileLibrary(store);
    const checked = checkUserProfile(body, library, await validationContext(store));
    if (!checked.ok) throw invalidProfile(checked.problems);
    if (libraryProfiles(library).some((p) => p.id === checked.profile.id))
      throw conflict(`a profile "${checked.profile.id}" exists: PUT /api/profiles/:id edits it`);
    await store.saveProfile({
      id: checked.profile.id,
      profile: checked.profile,
      updatedAt: new Date().toISOString(),
    });
    return c.json({ profile: checked.profile, warnings: checked.warnings }, 201);
  })
  .openapi(putRoute, async (c) => {
    const { id } = c.req.valid('param');
    const store = c.get('store');
    const body = c.req.valid('json');
    const library = await profileLibrary(store);
    if (library.shipped.some((p) => p.id === id))
      throw conflict(
        `"${id}" is a shipped profile and read-only: save an edited copy under a new id`,
      );
    if (body.id !== id)
      throw invalidProfile([
        {
          row: null,
          field: 'id',
          reason: `must be "${id}" (the id in the path)`,
          severity: 'error',
        },
      ]);
    const checked = checkUserProfile(body, library, await validationContext(store));
    if (!checked.ok) throw invalidProfile(checked.problems);
    await store.saveProfile({ id, profile: checked.profile, updatedAt: new Date().toISOString() });
    return c.json({ profile: checked.profile, warnings: checked.warnings }, 200);
  });
