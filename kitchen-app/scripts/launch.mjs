// Launches the built kitchen app in Electron, fetching Electron's binary first if it is missing
// (installs here skip the download: ELECTRON_SKIP_BINARY_DOWNLOAD=1).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = dirname(require.resolve('electron/package.json'));

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

if (!electronBinary()) {
  console.log('kitchen-app: Electron binary missing, running electron/install.js');
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit', env });
  if (result.status !== 0 || !electronBinary()) {
    console.error('kitchen-app: could not install Electron; the renderer is still served by the server at /kitchen/');
    process.exit(1);
  }
}

const binary = electronBinary();
if (!binary) process.exit(1);
const child = spawn(binary, [appDir, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
child.on('exit', (/** @type {number | null} */ code) => process.exit(code ?? 0));
