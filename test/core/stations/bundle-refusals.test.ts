import { describe, expect, it } from 'vitest';
import { eventHash, GENESIS_HASH, type StoredEvent } from '../../../src/core/audit/events';
import type { Core } from '../../../src/core/context';
import { signMinisign, signingKeyFromSeed } from '../../../src/core/crypto';
import { canonicalJson } from '../../../src/core/util/canonical-json';
import { err, ok } from '../../helpers/core';
import { preparedLaptop } from './prepared-laptop';

type FileOut = { fileName: string; contentBase64: string };
const textOf = (f: FileOut) => Buffer.from(f.contentBase64, 'base64').toString('utf8');

/** A coordinator, one laptop prepared for iv1 with two scores entered, its bundle and its signing key. */
async function scoredLaptop() {
  const { co, lap, sessionId, sessionFile: sf } = await preparedLaptop(2, 5);
  for (const [candidate, score] of [
    ['1', 20],
    ['2', 15],
  ] as const)
    await ok(lap.core, lap.session, 'interview.setScore', { sessionId, candidate, item: 'knowledge', score });
  const bundle = await ok(lap.core, lap.session, 'stations.exportBundle', {});
  const key = JSON.parse(textOf(sf)).key as { keyId: string; secretKey: string };
  const sk = signingKeyFromSeed(Buffer.from(key.keyId, 'base64'), Buffer.from(key.secretKey, 'base64'));
  return { co, bundle, sk };
}

/** The bundle's events changed by `mutate`, re-signed with the station's own key (a compromised laptop). */
function resigned(bundle: FileOut, sk: ReturnType<typeof signingKeyFromSeed>, mutate: (events: StoredEvent[]) => void) {
  const payload = JSON.parse((JSON.parse(textOf(bundle)) as { payload: string }).payload) as { events: StoredEvent[] };
  mutate(payload.events);
  const body = canonicalJson(payload);
  const file = {
    kind: 'basedesk.station-bundle',
    payload: body,
    signature: signMinisign(Buffer.from(body), sk, { trustedComment: 'x' }),
  };
  return { fileName: 'x.json', contentBase64: Buffer.from(JSON.stringify(file)).toString('base64') };
}

/** Every hash and link recomputed after an edit, so only the edit itself can be refused. */
function rechain(events: StoredEvent[]): void {
  let prev = GENESIS_HASH;
  for (const e of events) {
    e.prev_hash = prev;
    const { hash: _old, ...rest } = e;
    e.hash = eventHash(rest);
    prev = e.hash;
  }
}

const lastMark = (events: StoredEvent[]) => events.filter((e) => e.action === 'interview.mark').at(-1)!;

async function nothingWritten(core: Core, before: number) {
  const n = await core.db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  expect(Number(n.n)).toBe(before);
  expect(await core.db.selectFrom('interview_marks').selectAll().execute()).toEqual([]);
  expect(await core.db.selectFrom('station_imports').selectAll().execute()).toEqual([]);
}

describe('station bundle refusals', () => {
  it('refuses an edited, reordered or badly stamped chain, another interviewer’s mark and an unreadable mark, writing nothing', async () => {
    const { co, bundle, sk } = await scoredLaptop();
    const before = Number(
      (
        await co.core.db
          .selectFrom('events')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const cases: Array<[string, (events: StoredEvent[]) => void]> = [
      // A score changed after it was chained: its hash no longer matches.
      [
        'BUNDLE_CHAIN_BROKEN',
        (ev) => void (lastMark(ev).after_json = lastMark(ev).after_json!.replace('"value":1500', '"value":2500')),
      ],
      // The last two events swapped.
      ['BUNDLE_CHAIN_BROKEN', (ev) => void ev.splice(ev.length - 2, 2, ev[ev.length - 1]!, ev[ev.length - 2]!)],
      // A hash recomputed for the edit, but the next event still links to the old one.
      [
        'BUNDLE_CHAIN_BROKEN',
        (ev) => {
          const e = ev[ev.length - 2]!;
          e.reason = '改动';
          const { hash: _h, ...rest } = e;
          e.hash = eventHash(rest);
        },
      ],
      // A well-chained event whose timestamp is not an HLC.
      [
        'BUNDLE_CHAIN_BROKEN',
        (ev) => {
          lastMark(ev).hlc = '2024-07-10T09:00:00Z';
          rechain(ev);
        },
      ],
      // A well-chained mark for another interviewer than the key was registered to.
      [
        'STATION_INTERVIEWER_MISMATCH',
        (ev) => {
          lastMark(ev).after_json = lastMark(ev).after_json!.replace('"interviewer":"iv1"', '"interviewer":"iv2"');
          rechain(ev);
        },
      ],
      // A well-chained mark of this session whose score is not a number.
      [
        'STORED_JSON_INVALID',
        (ev) => {
          lastMark(ev).after_json = lastMark(ev).after_json!.replace('"value":1500', '"value":"1500"');
          rechain(ev);
        },
      ],
    ];
    for (const [code, mutate] of cases) {
      expect((await err(co.core, co.session, 'stations.import', resigned(bundle, sk, mutate))).code).toBe(code);
      await nothingWritten(co.core, before);
    }
    // The untouched bundle still imports, once.
    expect(await ok(co.core, co.session, 'stations.import', bundle)).toMatchObject({ marksAdded: 2, alreadyImported: false });
    expect(await ok(co.core, co.session, 'stations.import', bundle)).toMatchObject({ marksAdded: 0, alreadyImported: true });
  });
});
