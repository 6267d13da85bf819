/**
 * Which cached answers a successful change makes out of date, by the changed operation's namespace. A
 * namespace not listed invalidates only itself. Kept in one place so a new screen that reads another
 * feature's data is refreshed by adding one prefix here, not by hunting through every dialog.
 */
const DEPENDENTS: Record<string, readonly string[]> = {
  setup: ['system.', 'base.'],
  base: ['base.', 'system.', 'catalogue.', 'plan.'],
  catalogue: ['catalogue.', 'plan.', 'applicants.'],
  plan: ['plan.', 'admission.', 'catalogue.'],
  users: ['users.', 'interview.'],
  applicants: ['applicants.', 'confirm.', 'scores.', 'ranking.', 'admission.'],
  attachments: ['applicants.', 'confirm.'],
  confirm: ['confirm.', 'applicants.', 'scores.', 'ranking.', 'admission.'],
  scores: ['scores.', 'ranking.', 'admission.', 'interview.'],
  interview: ['interview.', 'scores.', 'ranking.', 'admission.'],
  stations: ['interview.', 'scores.', 'ranking.'],
  ranking: ['ranking.', 'scores.', 'admission.'],
  // An admission decision (a tie at the last seat, a decline, 调剂) changes who holds a seat: the ranking
  // views and the examination results that show seats must not keep the old picture.
  admission: ['admission.', 'scores.', 'ranking.', 'trainees.'],
  trainees: ['trainees.', 'rotation.', 'admission.'],
  rotation: ['rotation.', 'trainees.'],
  keys: ['keys.', 'outbox.'],
  package: ['outbox.', 'package.'],
  outbox: ['outbox.', 'package.'],
  // A purge clears applicants of old years and package files: every screen that lists them refreshes.
  retention: ['retention.', 'applicants.', 'confirm.', 'scores.', 'ranking.', 'admission.', 'interview.', 'outbox.'],
};

export function dependentsOf(op: string): readonly string[] {
  const namespace = op.split('.')[0] ?? op;
  return DEPENDENTS[namespace] ?? [`${namespace}.`];
}
