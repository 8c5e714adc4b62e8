#!/usr/bin/env node
// statements.mjs: what each Entra-shaped SCIM operation costs PostgreSQL, counted by pg_stat_statements.
// For each operation type it resets the statistics, sends N requests of that type one after another (bodies as
// ../shared/bench/entra-cycle.mjs sends them), waits for the work each request leaves off its path (the activity log's
// batch, the outbox sequencer) and reads: statements per request (utility statements such as BEGIN/COMMIT not
// counted), transactions per request (pg_stat_database commits + rollbacks, this script's own readings subtracted), and
// the statements behind them. The wait (--settle, 11 s) is that long because an idle PostgreSQL backend reports its
// transaction counts up to 10 s late; whatever background work runs meanwhile (the sequencer's tick) is counted too. The database must have pg_stat_statements loaded (bench/compare.sh arranges it).
// Node >= 20, built-in modules only; psql on the PATH. Usage:
//   node bench/statements.mjs --base http://127.0.0.1:8080 --admin-key KEY --pg postgresql://postgres@127.0.0.1:PORT/postgres
//                             [--requests 100] [--json statements.json]
import http from 'node:http';
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

const { values: opt } = parseArgs({
  options: {
    base: { type: 'string', default: 'http://127.0.0.1:8080' },
    'admin-key': { type: 'string' },
    pg: { type: 'string' },
    requests: { type: 'string', default: '100' },
    settle: { type: 'string', default: '11000' },
    json: { type: 'string' },
  },
});
const base = new URL(opt.base);
if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(base.hostname)) {
  console.error('statements.mjs only targets loopback'); process.exit(2);
}
if (!opt['admin-key'] || !opt.pg) { console.error('--admin-key and --pg are required'); process.exit(2); }
const N = Number(opt.requests);
const SETTLE_MS = Number(opt.settle);
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const PATCH = ['urn:ietf:params:scim:api:messages:2.0:PatchOp'];
const tag = Date.now().toString(36);

function request(method, path, body, token, contentType = 'application/scim+json; charset=utf-8') {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request({ host: base.hostname, port: base.port, method, path, agent,
      headers: { Authorization: `Bearer ${token}`, ...(data ? { 'Content-Type': contentType, 'Content-Length': data.length } : {}) } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString() }));
      });
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

function expect(r, status, what) {
  if (r.status !== status) throw new Error(`${what}: expected ${status}, got ${r.status}: ${r.body.slice(0, 300)}`);
  return r.body ? JSON.parse(r.body) : null;
}

function sql(text) {
  const run = spawnSync('psql', [opt.pg, '-XqtA', '-F', '\t', '-c', text], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`psql: ${run.stderr}`);
  return run.stdout.trim();
}

const UTILITY = `query ~* '^\\s*(begin|commit|rollback|start transaction|savepoint|release|set |show |discard|deallocate)'`;
const OWN = `query ~* '(pg_stat_statements|pg_stat_database)'`;
const transactions = () => Number(sql(`select xact_commit + xact_rollback from pg_stat_database where datname = current_database()`));

/** What the database ran since the last reset: statements by text, and transactions since `before`. */
function readings(before) {
  // This script's own readings are transactions too: the reading of `before`, the reset, and this one (3).
  const xacts = transactions() - before - 3;
  const rows = sql(`select calls, regexp_replace(left(query, 110), '\\s+', ' ', 'g') from pg_stat_statements
                    where dbid = (select oid from pg_database where datname = current_database())
                      and not (${UTILITY}) and not (${OWN}) order by calls desc`)
    .split('\n').filter(Boolean).map((line) => { const [calls, query] = line.split('\t'); return { calls: +calls, query }; });
  return { xacts, rows, statements: rows.reduce((sum, r) => sum + r.calls, 0) };
}

/**
 * Roster's background work (the outbox sequencer's tick, the relay's claims, the health monitor) runs whether or not
 * requests arrive: measured once with no requests, as a rate, and taken off each operation's window.
 */
async function idleRate() {
  sql('select pg_stat_statements_reset()');
  const before = transactions();
  const started = Date.now();
  await sleep(SETTLE_MS);
  const idle = readings(before);
  const seconds = (Date.now() - started) / 1000;
  return { statementsPerSecond: idle.statements / seconds, transactionsPerSecond: idle.xacts / seconds,
    statements: idle.rows };
}

/** Runs `count` requests made by `send(i)` and reads what they cost the database, background work taken off. */
async function measure(name, count, send) {
  sql('select pg_stat_statements_reset()');
  const before = transactions();
  const started = Date.now();
  for (let i = 0; i < count; i++) await send(i);
  await sleep(SETTLE_MS);
  const seconds = (Date.now() - started) / 1000;
  const { xacts, rows, statements } = readings(before);
  const perRequest = (total, rate) => +Math.max(0, (total - rate * seconds) / count).toFixed(2);
  const result = { operation: name, requests: count,
    statementsPerRequest: perRequest(statements, idle.statementsPerSecond),
    transactionsPerRequest: perRequest(xacts, idle.transactionsPerSecond),
    statements: rows.map((r) => ({ perRequest: +(r.calls / count).toFixed(2), query: r.query })) };
  console.error(`${name.padEnd(18)} ${String(result.statementsPerRequest).padStart(6)} statements/request`
    + ` ${String(result.transactionsPerRequest).padStart(6)} transactions/request`);
  return result;
}

const adminKey = opt['admin-key'];
const tenant = expect(await request('POST', '/admin/v1/tenants', { name: `statements-${tag}` }, adminKey, 'application/json'), 201, 'tenant');
const token = expect(await request('POST', `/admin/v1/tenants/${tenant.id}/tokens`, { description: 'statements' }, adminKey, 'application/json'), 201, 'token').token;
const scim = new URL(tenant.scimBaseUrl).pathname;
const upn = (i) => `given.family${i}@statements${tag}.onmicrosoft.com`;
const userBody = (i) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENT], externalId: `ext-${i}-${tag}`, userName: upn(i),
  active: true, displayName: `Given Family${i}`, title: 'Software Engineer', preferredLanguage: 'en-US',
  emails: [{ primary: true, type: 'work', value: upn(i) }], meta: { resourceType: 'User' },
  name: { formatted: `Given Family${i}`, familyName: `Family${i}`, givenName: 'Given' },
  addresses: [{ type: 'work', formatted: '1 Main St, Redmond, WA 98052, US', streetAddress: '1 Main St', locality: 'Redmond',
    region: 'WA', postalCode: '98052', country: 'US', primary: true }],
  phoneNumbers: [{ type: 'work', value: '+1 425 555 0100' }, { type: 'mobile', value: '+1 425 555 0101' }],
  roles: [], [ENT]: { department: 'Engineering', employeeNumber: String(100000 + i), costCenter: 'CC-30', organization: 'Contoso' },
});
const filter = (f) => encodeURIComponent(f);
const ids = [];
const groups = [];
const figures = { requestsPerOperation: N, operations: [] };
const ops = figures.operations;
const idle = await idleRate();
figures.idle = idle;
console.error(`idle: ${idle.statementsPerSecond.toFixed(1)} statements/s, ${idle.transactionsPerSecond.toFixed(1)} transactions/s`
  + ' (taken off each operation below)');

ops.push(await measure('filter-get (miss)', N, async (i) =>
  expect(await request('GET', `${scim}/Users?filter=${filter(`userName eq "${upn(i)}"`)}`, undefined, token), 200, 'filter')));
ops.push(await measure('create-user', N, async (i) => {
  ids[i] = expect(await request('POST', `${scim}/Users`, userBody(i), token), 201, 'create').id;
}));
ops.push(await measure('filter-hit', N, async (i) =>
  expect(await request('GET', `${scim}/Users?filter=${filter(`userName eq "${upn(i)}"`)}`, undefined, token), 200, 'filter')));
ops.push(await measure('get-by-id', N, async (i) => expect(await request('GET', `${scim}/Users/${ids[i]}`, undefined, token), 200, 'get')));
ops.push(await measure('patch-manager', N, async (i) => expect(await request('PATCH', `${scim}/Users/${ids[i]}`,
  { schemas: PATCH, Operations: [{ op: 'Add', path: `${ENT}:manager`, value: ids[(i + 1) % N] }] }, token), 200, 'manager')));
ops.push(await measure('patch-replace', N, async (i) => expect(await request('PATCH', `${scim}/Users/${ids[i]}`,
  { schemas: PATCH, Operations: [{ op: 'Replace', path: 'title', value: `Director ${i}` },
    { op: 'Replace', value: { displayName: `Given Other${i}`, 'name.familyName': `Other${i}` } }] }, token), 200, 'replace')));
const groupCount = Math.max(10, Math.floor(N / 2));
ops.push(await measure('filter-get-group', groupCount, async (g) => expect(await request('GET',
  `${scim}/Groups?excludedAttributes=members&filter=${filter(`displayName eq "Statements ${tag} ${g}"`)}`, undefined, token), 200, 'group filter')));
ops.push(await measure('create-group', groupCount, async (g) => {
  groups[g] = expect(await request('POST', `${scim}/Groups`, { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
    externalId: `grp-${g}-${tag}`, displayName: `Statements ${tag} ${g}`, meta: { resourceType: 'Group' } }, token), 201, 'group').id;
}));
// Entra adds at most 10 members per request: request k adds users 10b..10b+9 (b = k div 10) to group k mod 10.
const batch = (k, size) => ids.slice(Math.floor(k / 10) * 10 % N, Math.floor(k / 10) * 10 % N + size);
ops.push(await measure('patch-members', N, async (k) => expect(await request('PATCH', `${scim}/Groups/${groups[k % 10]}`,
  { schemas: PATCH, Operations: [{ op: 'Add', path: 'members', value: batch(k, 10).map((value) => ({ value })) }] },
  token), 204, 'members')));
ops.push(await measure('remove-members', N, async (k) => expect(await request('PATCH', `${scim}/Groups/${groups[k % 10]}`,
  { schemas: PATCH, Operations: batch(k, 2).map((id) => ({ op: 'Remove', path: 'members', value: [{ value: id }] })) },
  token), 204, 'remove')));
ops.push(await measure('deactivate', N, async (i) => expect(await request('PATCH', `${scim}/Users/${ids[i]}`,
  { schemas: PATCH, Operations: [{ op: 'Replace', path: 'active', value: 'False' }] }, token), 200, 'deactivate')));
ops.push(await measure('delete-user', N, async (i) =>
  expect(await request('DELETE', `${scim}/Users/${ids[i]}`, undefined, token), 204, 'delete')));

console.log(JSON.stringify(figures, null, 2));
if (opt.json) writeFileSync(opt.json, JSON.stringify(figures, null, 2));
agent.destroy();
