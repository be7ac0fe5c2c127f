// The same 30-file job for the peers, installed from npm into a cache folder outside the repo:
// plop (a plopfile with 30 add actions), hygen (30 templates), yo (a tiny local generator that
// writes 30 files) and create-vite (copies its vanilla-ts template; it cannot take our files).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDir } from './measure.mjs';

const FILES = 30;
export const PEERS_DIR = join(tmpdir(), 'scaffold-bench-peers');
const PACKAGES = ['plop@4', 'hygen@6', 'create-vite@9', 'yo@7', 'yeoman-generator@8'];

function write(path, text) {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

export function installPeers() {
  if (existsSync(join(PEERS_DIR, 'node_modules/.bin/yo'))) return;
  mkdirSync(PEERS_DIR, { recursive: true });
  write(join(PEERS_DIR, 'package.json'), '{ "name": "scaffold-bench-peers", "private": true }\n');
  write(join(PEERS_DIR, 'plopfile.mjs'), [
    'export default function (plop) {',
    "  plop.setGenerator('job', {",
    "    description: 'thirty files',",
    "    prompts: [{ type: 'input', name: 'name', message: 'name' }],",
    `    actions: Array.from({ length: ${FILES} }, (_, i) => ({ type: 'add', path: \`{{name}}/file-\${i}.ts\`, template: \`export const value\${i} = '{{name}}-\${i}';\\n\` })),`,
    '  });',
    '}',
    '',
  ].join('\n'));
  for (let i = 0; i < FILES; i++) {
    write(join(PEERS_DIR, `_templates/job/new/file-${i}.ejs.t`), `---\nto: <%= dest %>/file-${i}.ts\n---\nexport const value${i} = '<%= name %>-${i}';\n`);
  }
  write(join(PEERS_DIR, 'generator-bench/package.json'), '{ "name": "generator-bench", "version": "1.0.0", "type": "module", "main": "generators/app/index.js" }\n');
  write(join(PEERS_DIR, 'generator-bench/generators/app/index.js'), [
    "import Generator from 'yeoman-generator';",
    'export default class extends Generator {',
    '  writing() {',
    `    for (let i = 0; i < ${FILES}; i++) this.fs.write(this.destinationPath(\`file-\${i}.ts\`), \`export const value\${i} = 'demo-\${i}';\\n\`);`,
    '  }',
    '}',
    '',
  ].join('\n'));
  const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund', ...PACKAGES, './generator-bench'], { cwd: PEERS_DIR, stdio: 'inherit' });
  if (npm.status !== 0) throw new Error('installing the peers from npm failed');
}


const bin = (name) => join(PEERS_DIR, 'node_modules/.bin', name);

/** name -> [command, args, options] for `measure`. */
export function peerJobs() {
  // yo reads and writes config under HOME, and drops root privileges first: give it its own.
  const home = join(PEERS_DIR, 'home');
  mkdirSync(home, { recursive: true });
  chmodSync(home, 0o777);
  return {
    plop: [[bin('plop'), ['--plopfile', join(PEERS_DIR, 'plopfile.mjs')]], { prepare: () => ({ args: ['--dest', freshDir(), 'job', 'demo'] }) }],
    hygen: [[bin('hygen'), ['job', 'new', '--name', 'demo']], { env: { HYGEN_TMPLS: join(PEERS_DIR, '_templates') }, prepare: () => ({ args: ['--dest', freshDir()] }) }],
    yo: [[bin('yo'), ['bench', '--no-insight', '--skip-install', '--force']], { env: { HOME: home }, prepare: () => ({ cwd: freshDir() }) }],
    // create-vite takes the target folder relative to where it runs (an absolute path is not honoured).
    'create-vite': [[bin('create-vite'), ['app', '--template', 'vanilla-ts', '--no-interactive']], { prepare: () => ({ cwd: freshDir() }) }],
  };
}
