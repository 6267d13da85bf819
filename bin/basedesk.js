#!/usr/bin/env node
// `npx basedesk`: runs the bundled CLI (built by `npm install` via the prepare script, or `npm run build`).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'out', 'main', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('错误 [CLI_NOT_BUILT]：命令行尚未构建，请先在项目目录运行 npm run build。\n');
  process.exit(1);
}
await import(pathToFileURL(cli).href);
