// The authentication matrix: every role × action × token state, against real relays (HS256, and
// OIDC with RS256 and ES256 keys), with stock y-websocket clients.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { AccessRole } from '@allmende/protocol';
import type { Relay } from './index.js';
import {
  type TestClient,
  type TokenTransport,
  connectClient,
  eventually,
  nowSeconds,
  runCleanups,
  signHs256,
  startTestIssuer,
  startTestRelay,
  synced,
} from './auth.test-support.js';

type TokenState = 'missing' | 'bad signature' | 'wrong audience' | 'expired' | 'valid';
type Action = 'read' | 'write' | 'comment' | 'presence';

const roles: AccessRole[] = ['none', 'read', 'comment', 'write'];
const tokenStates: TokenState[] = ['missing', 'bad signature', 'wrong audience', 'expired', 'valid'];

/** What happens to a connection before any action: refused with a close code, or let in. */
function admission(role: AccessRole, state: TokenState): { code: number; reason: RegExp } | 'open' {
  switch (state) {
    case 'missing': return { code: 4401, reason: /no token/ };
    case 'bad signature': return { code: 4401, reason: /bad token signature/ };
    case 'wrong audience': return { code: 4401, reason: /another audience/ };
    case 'expired': return { code: 4401, reason: /token expired/ };
    case 'valid': return role === 'none' ? { code: 4403, reason: /no access to this document/ } : 'open';
  }
}

/** For an admitted connection: whether each action takes effect for the others. */
const effects: Record<Exclude<AccessRole, 'none'>, Record<Action, boolean>> = {
  read: { read: true, write: false, comment: false, presence: true },
  comment: { read: true, write: false, comment: true, presence: true },
  write: { read: true, write: true, comment: true, presence: true },
};

interface RelayUnderTest {
  name: string;
  transport: TokenTransport;
  start(): Promise<{ relay: Relay; sign(claims: Record<string, unknown>, state: TokenState): Promise<string> }>;
}

const audience = 'allmende';
const outsideCleanups: Array<() => Promise<void> | void> = [];

const relaysUnderTest: RelayUnderTest[] = [
  {
    name: 'HS256 relay, token in the query',
    transport: 'query',
    async start() {
      const relay = await startTestRelay({ auth: { jwtSecret: 'matrix-secret-that-is-long-enough-000', audience } }, outsideCleanups);
      return {
        relay,
        sign: (claims, state) =>
          signHs256(
            { aud: state === 'wrong audience' ? 'another-app' : audience, ...(state === 'expired' ? { exp: nowSeconds() - 120 } : {}), ...claims },
            state === 'bad signature' ? 'some-other-secret-that-is-long-enough' : 'matrix-secret-that-is-long-enough-000',
          ),
      };
    },
  },
  ...(['RS256', 'ES256'] as const).map((alg): RelayUnderTest => ({
    name: `OIDC relay, ${alg} token in the subprotocol`,
    transport: 'subprotocol',
    async start() {
      const issuer = await startTestIssuer(outsideCleanups);
      const relay = await startTestRelay({ auth: { oidcIssuer: issuer.url, audience } }, outsideCleanups);
      return {
        relay,
        sign: (claims, state) => {
          const all = { aud: state === 'wrong audience' ? 'another-app' : audience, ...(state === 'expired' ? { exp: nowSeconds() - 120 } : {}), ...claims };
          return state === 'bad signature' ? issuer.forge(alg, all) : issuer.sign(alg, all);
        },
      };
    },
  })),
];

afterEach(() => runCleanups());
afterAll(() => runCleanups(outsideCleanups));

let documentCounter = 0;

describe.each(relaysUnderTest)('$name', (underTest) => {
  let relay: Relay;
  let sign: (claims: Record<string, unknown>, state: TokenState) => Promise<string>;

  beforeAll(async () => {
    ({ relay, sign } = await underTest.start());
  });

  const cases = roles.flatMap((role) => tokenStates.map((state) => ({ role, state })));

  it.each(cases)('role $role with a $state token', async ({ role, state }) => {
    const name = `team/matrix-${++documentCounter}`;
    const owner = connectClient(relay, name, {
      token: await sign({ sub: 'u-owner', name: 'Owner', access: ['team/**=write'] }, 'valid'),
      transport: underTest.transport,
      presence: { user: { name: 'Owner' } },
    });
    await synced(owner);
    const ownerText = owner.doc.getXmlFragment('content');
    ownerText.insert(0, [new Y.XmlText('from the owner')]);

    const token = state === 'missing' ? null : await sign({ sub: 'u-subject', name: 'Subject', access: [`team/**=${role}`] }, state);
    const subject = connectClient(relay, name, {
      token,
      transport: underTest.transport,
      presence: { user: { name: 'Spoofed', color: '#123456' }, step: 0 },
    });
    const expected = admission(role, state);

    if (expected !== 'open') {
      const { code, reason } = await subject.closed;
      expect(code).toBe(expected.code);
      expect(reason).toMatch(expected.reason);
      // Refused before the document was touched: nothing read, and none of the actions can reach anyone.
      expect(subject.provider.synced).toBe(false);
      expect(subject.doc.getXmlFragment('content').length).toBe(0);
      expect(subject.provider.shouldConnect).toBe(false);
      expect(owner.provider.awareness.getStates().has(subject.doc.clientID)).toBe(false);
      return;
    }

    const expectedEffects = effects[role as Exclude<AccessRole, 'none'>];
    await synced(subject);
    // Clients that offer the allmende.v1 subprotocol learn their role and identity; stock clients don't.
    expect(subject.sessionInfo).toEqual(
      underTest.transport === 'subprotocol' ? [{ role, user: { id: 'u-subject', name: 'Subject' }, devMode: false }] : [],
    );

    // read: the subject receives the owner's edits.
    await vi.waitFor(() => expect(subject.doc.getXmlFragment('content').toString()).toContain('from the owner'), eventually);
    expect(expectedEffects.read).toBe(true);

    // comment, then a presence change that shows the relay has handled what came before it.
    subject.doc.getMap('comments').set('c-subject', 'a remark');
    await presenceStep(subject, owner, 1);
    expect(owner.doc.getMap('comments').get('c-subject')).toBe(expectedEffects.comment ? 'a remark' : undefined);

    // presence: the others see it, stamped with the token's identity, with the client's colour.
    expect(owner.provider.awareness.getStates().get(subject.doc.clientID)).toEqual({
      user: { name: 'Subject', id: 'u-subject', color: '#123456' },
      step: 1,
    });
    expect(expectedEffects.presence).toBe(true);

    // write: text in the document content (after the comment: a dropped edit leaves a gap in
    // the client's clock that no later update can bridge).
    subject.doc.getXmlFragment('content').insert(0, [new Y.XmlText('from the subject')]);
    await presenceStep(subject, owner, 2);
    expect(owner.doc.getXmlFragment('content').toString().includes('from the subject')).toBe(expectedEffects.write);
  });
});

/** Sets the subject's presence `step` and waits until the owner sees it. */
async function presenceStep(subject: TestClient, owner: TestClient, step: number): Promise<void> {
  subject.provider.awareness.setLocalStateField('step', step);
  await vi.waitFor(
    () => expect((owner.provider.awareness.getStates().get(subject.doc.clientID) as { step?: number } | undefined)?.step).toBe(step),
    eventually,
  );
}
