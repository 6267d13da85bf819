/**
 * Every contract operation's handler, loaded per feature on the first call into one of its op namespaces: a
 * CLI command that runs one op does not load (or compile) the rest of the core. Each feature adds one entry
 * to `LOADERS`; the type check below makes a missing handler a compile error, and a test checks that each
 * op's namespace leads to the group that holds its handler.
 */
import type { OpName } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Handler } from './handler';

const LOADERS = {
  system: async () => (await import('../system/handlers')).systemHandlers,
  auth: async () => (await import('../auth/handlers')).authHandlers,
  users: async () => (await import('../users/handlers')).usersHandlers,
  base: async () => (await import('../base/handlers')).baseHandlers,
  catalogue: async () => (await import('../catalogue/handlers')).catalogueHandlers,
  plan: async () => (await import('../plan/handlers')).planHandlers,
  audit: async () => (await import('../audit/handlers')).auditHandlers,
  applicants: async () => ({
    ...(await import('../applicants/handlers')).applicantsHandlers,
    ...(await import('../applicants/paper-form-handlers')).paperFormHandlers,
  }),
  admission: async () => (await import('../admission/handlers')).admissionHandlers,
  scores: async () => ({
    ...(await import('../scores/handlers')).scoresHandlers,
    ...(await import('../scores/platform-export')).scoresPlatformHandlers,
  }),
  outbox: async () => (await import('../outbox/handlers')).outboxHandlers,
  trainees: async () => (await import('../trainees/handlers')).traineesHandlers,
  rotation: async () => (await import('../rotation/handlers')).rotationHandlers,
  exam: async () => (await import('../exam/handlers')).examHandlers,
  retention: async () => (await import('../retention/handlers')).retentionHandlers,
  windows: async () => (await import('../windows/handlers')).windowsHandlers,
  reduction: async () => (await import('../reduction/handlers')).reductionHandlers,
};

type Group = keyof typeof LOADERS;

/** Op namespaces served by a group of another name (a feature's handler file serves several namespaces). */
const NAMESPACE_GROUP: Readonly<Record<string, Group>> = {
  setup: 'system',
  db: 'system',
  confirm: 'applicants',
  attachments: 'applicants',
  interview: 'scores',
  ranking: 'scores',
  stations: 'scores',
  keys: 'outbox',
  package: 'outbox',
};

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type AllHandlers = UnionToIntersection<Awaited<ReturnType<(typeof LOADERS)[Group]>>>;
/** Compile-time completeness: every op in the contract has a handler in some group. */
export type EveryOpHasAHandler = AllHandlers extends { [K in OpName]: Handler<K> } ? true : never;
const everyOpHasAHandler: EveryOpHasAHandler = true;
void everyOpHasAHandler;

/** The group that holds an op's handler, by the op's namespace (the part before the first dot). */
export function groupOf(name: OpName): Group {
  const ns = name.slice(0, name.indexOf('.'));
  return NAMESPACE_GROUP[ns] ?? (ns as Group);
}

const loaded = new Map<Group, Promise<Record<string, unknown>>>();

/** The handler of one op, loading its group on first use (the import is cached by the module system too). */
export async function handlerOf<K extends OpName>(name: K): Promise<Handler<K>> {
  const group = groupOf(name);
  let table = loaded.get(group);
  if (!table) {
    const load = LOADERS[group] as (() => Promise<Record<string, unknown>>) | undefined;
    if (!load) throw new AppError('UNKNOWN_OP', `未知的操作：${name}`);
    table = load();
    loaded.set(group, table);
  }
  const handler = (await table)[name];
  if (typeof handler !== 'function') throw new AppError('UNKNOWN_OP', `未知的操作：${name}`);
  return handler as Handler<K>;
}
