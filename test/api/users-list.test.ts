// The user list as the portal's Users page reads it: filtered by partner and by role within the
// caller's subtree (a filter never widens it), with each user's last sign-in.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedTree, startTestHub, type TestHub } from '../support/hub.ts';

let t: TestHub;
let tree: Awaited<ReturnType<typeof seedTree>>;
beforeAll(async () => {
  t = await startTestHub();
  tree = await seedTree(t.source);
});
afterAll(async () => t?.stop());

const ids = (answer: { body: { items: { id: string }[] } }) => answer.body.items.map((u) => u.id).sort();

it('filters by partner and role, inside the subtree only, and tells the last sign-in', async () => {
  const owner = await t.userClient(tree.partners.resA, 'owner');
  const subViewer = await t.userClient(tree.partners.subA, 'viewer');
  const sibling = await t.userClient(tree.partners.resB, 'admin');

  expect(ids(await owner.get(`/api/v1/users?partnerId=${tree.partners.subA}`))).toEqual([subViewer.userId]);
  expect(ids(await owner.get('/api/v1/users?role=owner'))).toEqual([owner.userId]);
  expect(ids(await owner.get(`/api/v1/users?partnerId=${tree.partners.resB}`))).toEqual([]);
  expect(ids(await owner.get('/api/v1/users'))).not.toContain(sibling.userId);
  expect((await owner.get('/api/v1/users?role=boss')).status).toBe(400);

  const me = (await owner.get(`/api/v1/users/${owner.userId}`)).body;
  expect(Date.now() - Date.parse(me.lastSignInAt)).toBeLessThan(60_000);
  const invited = await t.operator.post('/api/v1/users', {
    email: `never-${tree.tag}@example.com`,
    name: 'Never signed in',
    partnerId: tree.partners.resA,
    role: 'viewer',
  });
  expect(invited.body.user.lastSignInAt).toBeNull();
});

it('says what an e-mail address looks like when one is not', async () => {
  const refused = await t.operator.post('/api/v1/users', {
    email: 'not-an-e-mail',
    name: 'Bad',
    partnerId: tree.partners.resA,
    role: 'viewer',
  });
  expect(refused.status).toBe(400);
  expect(refused.body.error.details).toContainEqual({
    path: 'body/email',
    message: 'must be an e-mail address, such as name@example.com',
  });
});
