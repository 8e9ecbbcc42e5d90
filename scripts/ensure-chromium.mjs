#!/usr/bin/env node
// Makes sure Debian's Chromium is installed for the e2e suite (npm run test:e2e).
// The suite drives /usr/bin/chromium with playwright-core; it never downloads a browser.
// CI runs as root, so a missing browser is installed with apt-get; elsewhere we say what to run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const log = (line) => console.log(`ensure-chromium: ${line}`);

function fail(message) {
  console.error(`ensure-chromium: ${message}`);
  console.error('ensure-chromium: install it yourself with `sudo apt-get update && sudo apt-get install -y chromium`,');
  console.error('ensure-chromium: or set CHROMIUM_PATH to an existing Chromium binary.');
  process.exit(1);
}

function run(command, args) {
  log(`running: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.error) fail(`could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) fail(`${command} ${args.join(' ')} exited with ${result.status}`);
}

function version() {
  const result = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : 'version unknown';
}

if (existsSync(CHROMIUM)) {
  log(`found ${CHROMIUM} (${version()})`);
} else {
  log(`${CHROMIUM} is missing; installing Debian's chromium package`);
  if (typeof process.getuid === 'function' && process.getuid() !== 0) fail('not running as root, so apt-get cannot install it');
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', 'chromium']);
  if (!existsSync(CHROMIUM)) fail(`apt-get finished but ${CHROMIUM} still does not exist`);
  log(`installed ${CHROMIUM} (${version()})`);
}
