/**
 * The contract loaded one op namespace at a time. Building a namespace's zod schemas costs start-up time, and
 * a process that calls a few ops (a CLI command) needs only their namespaces: the dispatcher looks an op up
 * here, which imports just the contract file that declares it. The full `contract` object (index.ts) stays
 * for whatever needs every op at once (the preload bridge, IPC registration, access and label checks).
 *
 * Each namespace names its loader below; the mapped type makes a namespace without one, or a loader that
 * misses some of its namespace's ops, a compile error.
 */
import type { Contract, OpName } from './index';
import type { OpDef } from './define';
import './zod-locale';

type NamespaceOf<K extends string> = K extends `${infer N}.${string}` ? N : never;

/** The part of an op name before its first dot (`confirm` for `confirm.decide`). */
export type OpNamespace = NamespaceOf<OpName>;

type NamespaceOps<N extends OpNamespace> = Pick<Contract, Extract<OpName, `${N}.${string}`>>;

// A contract file that declares several namespaces has one loader, shared by them.
const system = async () => (await import('./system')).systemOps;
const applicants = async () => ({
  ...(await import('./applicants')).applicantsOps,
  ...(await import('./paper-form')).paperFormOps,
});
const scores = async () => ({
  ...(await import('./scores')).scoresOps,
  ...(await import('./scores-platform')).scoresPlatformOps,
});
const outbox = async () => (await import('./outbox')).outboxOps;

const LOADERS: { readonly [N in OpNamespace]: () => Promise<NamespaceOps<N>> } = {
  system,
  setup: system,
  db: system,
  auth: async () => (await import('./auth')).authOps,
  users: async () => (await import('./users')).usersOps,
  base: async () => (await import('./base')).baseOps,
  catalogue: async () => (await import('./catalogue')).catalogueOps,
  plan: async () => (await import('./plan')).planOps,
  audit: async () => (await import('./audit')).auditOps,
  applicants,
  confirm: applicants,
  attachments: applicants,
  scores,
  interview: scores,
  ranking: scores,
  stations: scores,
  admission: async () => (await import('./admission')).admissionOps,
  keys: outbox,
  package: outbox,
  outbox,
  trainees: async () => (await import('./trainees')).traineesOps,
  rotation: async () => (await import('./rotation')).rotationOps,
  exam: async () => (await import('./exam')).examOps,
  windows: async () => (await import('./windows')).windowsOps,
  retention: async () => (await import('./retention')).retentionOps,
  reduction: async () => (await import('./reduction')).reductionOps,
};

const loaded = new Map<string, Promise<Readonly<Record<string, OpDef>>>>();

function namespaceOf(name: string): OpNamespace | undefined {
  const dot = name.indexOf('.');
  const ns = dot > 0 ? name.slice(0, dot) : '';
  return Object.hasOwn(LOADERS, ns) ? (ns as OpNamespace) : undefined;
}

/**
 * The definition of the op called `name` (untrusted: any string), loading its namespace on first use;
 * undefined when the contract has no such op.
 */
export async function opDefOf(name: string): Promise<OpDef | undefined> {
  const ns = namespaceOf(name);
  if (ns === undefined) return undefined;
  let ops = loaded.get(ns);
  if (!ops) {
    ops = (LOADERS[ns] as () => Promise<Readonly<Record<string, OpDef>>>)();
    loaded.set(ns, ops);
  }
  const table = await ops;
  return Object.hasOwn(table, name) ? table[name] : undefined;
}
