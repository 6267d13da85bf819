import type { GlobalOptions } from './context';

/**
 * `basedesk status` with nothing but global options (`--data-dir DIR`, `--json`, `--user NAME`, each at most
 * once, in any order, `--opt=value` too): the line scripts and health checks run most. Read here without
 * commander, whose loading is a good part of this command's start-up. Anything else (help, an unknown option,
 * an extra word, a value that looks like an option) returns null and goes to commander as always.
 */
export function plainStatusOptions(argv: readonly string[]): GlobalOptions | null {
  const g: GlobalOptions = {};
  let status = false;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    const [name, inline] = token.startsWith('--') && token.includes('=') ? splitOnce(token) : [token, undefined];
    if (name === 'status' && !status) status = true;
    else if (name === '--json' && inline === undefined && g.json === undefined) g.json = true;
    else if ((name === '--data-dir' || name === '--user') && g[key(name)] === undefined) {
      const value = inline ?? argv[++i];
      if (!value || value.startsWith('-')) return null;
      g[key(name)] = value;
    } else return null;
  }
  return status ? g : null;
}

function key(option: '--data-dir' | '--user'): 'dataDir' | 'user' {
  return option === '--data-dir' ? 'dataDir' : 'user';
}

function splitOnce(token: string): [string, string] {
  const at = token.indexOf('=');
  return [token.slice(0, at), token.slice(at + 1)];
}
