import type { Command } from 'commander';
import type { CliIo } from '../io';
import { registerIntake } from './intake';
import { registerKeys } from './keys';
import { registerOutbox } from './outbox';
import { registerPackage } from './package';

/** The submission side: `keys`, `package`, `outbox` and the reference receiving end `intake`. */
export function registerPackages(program: Command, io: CliIo): void {
  registerKeys(program, io);
  registerPackage(program, io);
  registerOutbox(program, io);
  registerIntake(program, io);
}
