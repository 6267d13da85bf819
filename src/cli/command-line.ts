/**
 * What a `basedesk` command line asks for, read from the words alone (no commander): enough to pick the
 * command group to load and to start the database key's derivation before any command code has loaded.
 */

/** Global options that take a value: the word after them is that value, never the command. */
const GLOBAL_OPTIONS_WITH_VALUE = new Set(['--data-dir', '--user']);

/** The top-level command word of `argv` (`help X` asks about X), or undefined when there is none. */
export function commandWord(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (GLOBAL_OPTIONS_WITH_VALUE.has(token)) i++;
    else if (token === '--') return argv[i + 1];
    else if (!token.startsWith('-')) return token === 'help' ? (argv[i + 1] ?? token) : token;
  }
  return undefined;
}

/**
 * The `--data-dir` value as commander reads it (`--data-dir DIR` or `--data-dir=DIR`, before or after the
 * command word, the last one winning), or undefined when the line gives none.
 */
export function dataDirOption(argv: readonly string[]): string | undefined {
  let dir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') break;
    if (token === '--data-dir') dir = argv[++i];
    else if (token.startsWith('--data-dir=')) dir = token.slice('--data-dir='.length);
  }
  return dir;
}

/** Commands that open the data folder whatever follows them. */
const LEAF_COMMANDS_OPENING_FOLDER = new Set(['status', 'init', 'ranking', 'confirm', 'windows']);

/** Command groups whose every subcommand opens the data folder (the group word alone only prints help). */
const GROUPS_OPENING_FOLDER = new Set([
  'plan',
  'users',
  'audit',
  'scores',
  'admission',
  'applicants',
  'trainees',
  'exam',
  'departments',
  'rotation',
  'retention',
  'reduction',
]);

/**
 * Whether running `argv` will open the data folder (so its passphrase will be needed): a command known to
 * open it, with no request for help anywhere on the line. A line that turns out to be a usage error only
 * costs the derivation's time; one that opens the folder but is not listed here derives its key later.
 */
export function opensDataFolder(argv: readonly string[]): boolean {
  const end = argv.includes('--') ? argv.indexOf('--') : argv.length;
  const words = argv.slice(0, end);
  if (words.some((w) => w === '-h' || w === '--help' || w === 'help' || w === '-V' || w === '--version')) return false;
  const word = commandWord(words);
  if (word === undefined) return false;
  if (LEAF_COMMANDS_OPENING_FOLDER.has(word)) return true;
  if (!GROUPS_OPENING_FOLDER.has(word)) return false;
  const after = words.slice(words.indexOf(word) + 1);
  return commandWord(after) !== undefined;
}
