/**
 * One process opening a data folder, for the start-up race test: prints "ready", waits for a line on
 * stdin (so every process opens at the same moment), opens the core and prints its station id as JSON.
 * With RACE_CLI_KEY=1 it opens as the CLI does: the passphrase from the environment, its scrypt started
 * ahead of the open.
 */
import { createInterface } from 'node:readline';
import { cliDbKeySource, deriveDbKeyAhead } from '../../../src/cli/db-key';
import type { DbKeySource } from '../../../src/core/db/key-source';
import { openCore } from '../../../src/core/open-core';
import { passphraseProtector } from '../../../src/core/outbox/key-protector';

const [dataDir, passphrase] = [process.argv[2]!, process.env.RACE_DB_PASSPHRASE!];
const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');

function keySource(): DbKeySource {
  if (process.env.RACE_CLI_KEY !== '1') return { protector: passphraseProtector(() => passphrase, { logN: 14, r: 8, p: 1 }) };
  const io = {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: { BASEDESK_DB_PASSPHRASE: passphrase },
  };
  deriveDbKeyAhead(io, dataDir);
  return cliDbKeySource(io);
}

lines.once('line', () => {
  lines.close();
  void openCore({ dataDir, dbKey: keySource(), log: () => {} }).then(
    async (core) => {
      process.stdout.write(`${JSON.stringify({ stationId: core.stationId })}\n`);
      await core.close();
    },
    (e: unknown) => {
      process.stdout.write(`${JSON.stringify({ error: (e as { code?: string }).code ?? String(e) })}\n`);
      process.exitCode = 1;
    },
  );
});
