/**
 * One process opening a data folder, for the start-up race test: prints "ready", waits for a line on
 * stdin (so every process opens at the same moment), opens the core and prints its station id as JSON.
 */
import { createInterface } from 'node:readline';
import { openCore } from '../../../src/core/open-core';
import { passphraseProtector } from '../../../src/core/outbox/key-protector';

const [dataDir, passphrase] = [process.argv[2]!, process.env.RACE_DB_PASSPHRASE!];
const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
lines.once('line', () => {
  lines.close();
  void openCore({
    dataDir,
    dbKey: { protector: passphraseProtector(() => passphrase, { logN: 14, r: 8, p: 1 }) },
    log: () => {},
  }).then(
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
