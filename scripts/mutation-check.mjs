#!/usr/bin/env node
// The mutation check of the guide's claims: each mutant breaks one rule of the semantics
// (docs: README "What the guide's claims mean, precisely") on purpose, in a scratch git worktree at
// HEAD, and the claims' property tests (test/properties, test/regressions) must then fail. A mutant
// they still pass "survives": a gap in the properties, or a rule no claim speaks about.
//
//   nice -n 10 node scripts/mutation-check.mjs            every mutant (minutes each on 2 cores)
//   nice -n 10 node scripts/mutation-check.mjs M2 M5      some of them
//   FC_RUNS=200 is the default the tests use; the environment is passed through.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Each mutant: an id, what it breaks, and exact [search, replacement] edits in one source file (`also`: in more files). */
const MUTANTS = [
  {
    id: 'M1',
    what: 'administrator-to-kernel becomes a boundary (admins get no kernel edge)',
    file: 'src/rules/admin-to-kernel.ts',
    edits: [
      ['for (const m of vm.pinned) if (m.hostAdmin) edge(m.session, vm.id);', ''],
      ['for (const m of pool.floating) if (m.hostAdmin) edge(m.session, hub);', ''],
    ],
  },
  {
    id: 'M2',
    what: 'a session no longer acts as its user',
    file: 'src/rules/session-acts-as-user.ts',
    edits: [['for (const seat of deployment.seats) edge(seat.session, seat.member.id);', '']],
  },
  {
    id: 'M3',
    what: 'the user boundary yields files only (no profile logon code)',
    file: 'src/rules/profile-logon-code.ts',
    edits: [
      ['for (const vm of pool.vms) edge(vm.profiles, vm.sessions);', ''],
      ['for (const container of containers) edge(container, m.session);', ''],
    ],
  },
  {
    id: 'M4',
    what: 'a sandboxed app cannot attack the kernel from inside its AppContainer',
    file: 'src/rules/kernel-elevation.ts',
    edits: [
      ['if (app.sandboxed) edge(m.processes[a]!, vm.id, kernel);', ''],
      ['edge(m.processes[a]!, pool.hubs.sandboxed);', ''],
    ],
  },
  {
    id: 'M5',
    what: 'a VM escape no longer reads the other guests\u2019 VSM secrets',
    file: 'src/rules/hypervisor.ts',
    edits: [['edge(host.id, vm.credentials);', '']],
  },
  {
    id: 'M6',
    what: 'confidential VMs add no boundary',
    file: 'src/rules/hypervisor.ts',
    edits: [['if (vm.pool.confidential) {', 'if (false) {']],
  },
  {
    id: 'M7',
    what: 'the FSLogix share has no user boundary of its own (no edge across it)',
    file: 'src/rules/fslogix-share.ts',
    edits: [['for (const container of share.containers) edge(share.access, container, acl);', '']],
  },
  {
    id: 'M8',
    what: 'hosts holding the storage account key do not yield the share\u2019s containers',
    file: 'src/rules/storage-account.ts',
    edits: [['for (const vm of key.hosts) edge(vm.id, key.node);', '']],
  },
  {
    id: 'M9',
    what: 'tenant admins are not local admins of the hosts they sign in to',
    file: 'src/compile/deployment.ts',
    edits: [["(user.privilege === 'tenantAdmin' && user.hostPool !== null", "(false && user.hostPool !== null"]],
    // The directory-role admins (rule joined-host-admins, the local-admin policy) say the same of the `tenantAdmin` privilege: both go.
    also: [
      {
        file: 'src/compile/joined-host-admins.ts',
        edits: [["if (user.privilege === 'tenantAdmin' && access.tenantOf(user.organization) === tenant) {", 'if (false) {']],
      },
    ],
  },
  {
    id: 'M10',
    what: 'pools on no declared physical host are assumed not to share one (optimistic)',
    file: 'src/compile/deployment.ts',
    edits: [['if (shared.length > 0 && shared.reduce(', 'if (false && shared.reduce(']],
  },
  {
    id: 'M11',
    what: 'the session boundary is missing (no edge to co-resident sessions)',
    file: 'src/rules/session-isolation.ts',
    edits: [["edge(vm.unprivileged, vm.sessions, { boundary: 'session', place: vm.id, groups });", '']],
  },
];

const root = resolve(new URL('..', import.meta.url).pathname);
const wanted = process.argv.slice(2);
const mutants = wanted.length === 0 ? MUTANTS : MUTANTS.filter((m) => wanted.includes(m.id));
if (mutants.length === 0) {
  console.error(`no such mutant: ${wanted.join(', ')} (known: ${MUTANTS.map((m) => m.id).join(', ')})`);
  process.exit(2);
}

const git = (...args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' });
const scratch = mkdtempSync(join(tmpdir(), 'indepth-mutants-'));
const added = git('worktree', 'add', '--detach', scratch, 'HEAD');
if (added.status !== 0) {
  console.error(added.stderr);
  process.exit(2);
}
symlinkSync(join(root, 'node_modules'), join(scratch, 'node_modules'));

const results = [];
try {
  for (const mutant of mutants) {
    const originals = [mutant, ...(mutant.also ?? [])].map(({ file, edits }) => {
      const path = join(scratch, file);
      const original = readFileSync(path, 'utf8');
      let mutated = original;
      for (const [search, replacement] of edits) {
        if (!mutated.includes(search)) throw new Error(`${mutant.id}: \`${search}\` is not in ${file}; update the mutant`);
        mutated = mutated.replace(search, replacement);
      }
      writeFileSync(path, mutated);
      return [path, original];
    });
    const started = Date.now();
    const run = spawnSync('npx', ['vitest', 'run', 'test/properties', 'test/regressions', '--bail', '1'], { cwd: scratch, encoding: 'utf8' });
    for (const [path, original] of originals) writeFileSync(path, original);
    const output = (run.stdout + run.stderr).replace(/\x1b\[[0-9;]*m/g, '');
    const claims = [...new Set([...output.matchAll(/claim ([a-z-]+) failed/g)].map((m) => m[1]))];
    // Other failures (a regression file replayed, a test outside the claims) name their test file.
    const files = [...new Set([...output.matchAll(/FAIL\s+(test\/\S+)/g)].map((m) => m[1]))];
    const failed = claims.length > 0 ? claims : files;
    // A test that ran out of time on a loaded machine proves nothing about the mutant: inconclusive.
    const timedOut = run.status !== 0 && claims.length === 0 && /Test timed out/.test(output);
    const killed = run.status !== 0 && !timedOut;
    results.push({ ...mutant, killed, failed, seconds: Math.round((Date.now() - started) / 1000) });
    const verdict = timedOut ? 'TIMEOUT ' : killed ? 'killed  ' : 'SURVIVED';
    console.log(`${mutant.id} ${verdict} ${mutant.what}${failed.length > 0 ? ` (by ${failed.join(', ')})` : ''} [${results.at(-1).seconds} s]`);
  }
} finally {
  git('worktree', 'remove', '--force', scratch);
  rmSync(scratch, { recursive: true, force: true });
}
const killed = results.filter((r) => r.killed).length;
console.log(`\n${killed} of ${results.length} mutants killed, ${results.length - killed} survived or timed out (rerun those on a quieter machine)`);
process.exitCode = killed === results.length ? 0 : 1;
