/**
 * People are shown by their display name ("王秘书"), not by the login name that the records keep ("admin").
 * Records store the username because it is stable; views look the name up here and fall back to the username
 * when the account no longer exists.
 */
import type { Tx } from '../context';

export async function displayNameOf(tx: Tx, username: string | null): Promise<string | null> {
  if (username === null) return null;
  const row = await tx.selectFrom('users').select('display_name').where('username', '=', username).executeTakeFirst();
  return row?.display_name || username;
}

/** The display names of several usernames at once (one query); unknown ones map to themselves. */
export async function displayNamesOf(tx: Tx, usernames: Iterable<string>): Promise<Map<string, string>> {
  const wanted = [...new Set(usernames)];
  const out = new Map(wanted.map((u) => [u, u]));
  if (wanted.length === 0) return out;
  const rows = await tx.selectFrom('users').select(['username', 'display_name']).where('username', 'in', wanted).execute();
  for (const r of rows) if (r.display_name) out.set(r.username, r.display_name);
  return out;
}
