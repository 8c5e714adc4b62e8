#!/usr/bin/env node
// figures.mjs: the Users and Groups figures of issue 4, measured against a running Roster on loopback.
//   1. POST /Users throughput at concurrency 16 while loading N users into one tenant (default 100,000)
//   2. GET /Users?filter=userName eq "<existing>" latency p50/p99 at concurrency 1 and 16
//   3. PATCH adding one member to a group of M members (default 100,000), p50/p99
//   4. GET of that whole group (members included), once
// Node >= 20, built-in modules only. Usage:
//   node bench/figures.mjs --base http://127.0.0.1:8080 --admin-key KEY [--users 100500] [--members 100000]
//                          [--seconds 20] [--patches 200] [--json figures.json]
import http from 'node:http';
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const { values: opt } = parseArgs({
  options: {
    base: { type: 'string', default: 'http://127.0.0.1:8080' },
    'admin-key': { type: 'string' },
    users: { type: 'string', default: '100500' },
    members: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '20' },
    patches: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '16' },
    json: { type: 'string' },
  },
});
const base = new URL(opt.base);
if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(base.hostname)) {
  console.error('figures.mjs only targets loopback'); process.exit(2);
}
if (!opt['admin-key']) { console.error('--admin-key is required'); process.exit(2); }
const USERS = Number(opt.users), MEMBERS = Math.min(Number(opt.members), USERS - Number(opt.patches));
const SECONDS = Number(opt.seconds), PATCHES = Number(opt.patches), C = Number(opt.concurrency);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const tag = Date.now().toString(36);

function request(method, path, body, token, contentType = 'application/scim+json; charset=utf-8') {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const started = performance.now();
    const req = http.request({ host: base.hostname, port: base.port, method, path, agent,
      headers: { Authorization: `Bearer ${token}`, ...(data ? { 'Content-Type': contentType, 'Content-Length': data.length } : {}) } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, ms: performance.now() - started,
          body: Buffer.concat(chunks).toString() }));
      });
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  return { n: s.length, p50: +at(0.5).toFixed(2), p99: +at(0.99).toFixed(2), max: +s[s.length - 1].toFixed(2) };
}

async function pool(n, concurrency, work) {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < n) { const i = next++; await work(i); }
  }));
}

async function timed(concurrency, seconds, work) {
  const samples = []; const until = performance.now() + seconds * 1000; let errors = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < until) { const r = await work(); if (!r.ok) errors++; samples.push(r.ms); }
  }));
  return { ...stats(samples), perSecond: +(samples.length / seconds).toFixed(1), errors };
}

function expect(r, status, what) {
  if (r.status !== status) throw new Error(`${what}: expected ${status}, got ${r.status}: ${r.body.slice(0, 300)}`);
  return JSON.parse(r.body || 'null');
}

const adminKey = opt['admin-key'];
const tenant = expect(await request('POST', '/admin/v1/tenants', { name: `figures-${tag}` }, adminKey, 'application/json'), 201, 'tenant');
const token = expect(await request('POST', `/admin/v1/tenants/${tenant.id}/tokens`, { description: 'figures' }, adminKey, 'application/json'), 201, 'token').token;
const scim = new URL(tenant.scimBaseUrl).pathname;
const userName = (i) => `user${i}.${tag}@contoso.com`;
const figures = { users: USERS, members: MEMBERS, concurrency: C };

// 1. Load users through SCIM POST at concurrency C.
const ids = new Array(USERS); const postSamples = []; let postErrors = 0;
let started = performance.now();
await pool(USERS, C, async (i) => {
  const r = await request('POST', `${scim}/Users`, {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
    externalId: `ext-${i}-${tag}`, userName: userName(i), active: true, displayName: `User ${i}`,
    emails: [{ primary: true, type: 'work', value: userName(i) }],
    name: { formatted: `User ${i}`, familyName: `${i}`, givenName: 'User' }, roles: [],
    'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: `Dept ${i % 50}`, employeeNumber: `${i}` },
  }, token);
  if (r.status === 201) { ids[i] = JSON.parse(r.body).id; } else { postErrors++; }
  postSamples.push(r.ms);
  if (i % 10000 === 0) process.stderr.write(`loaded ${i}\n`);
});
let elapsed = (performance.now() - started) / 1000;
figures.postUsers = { ...stats(postSamples), perSecond: +(USERS / elapsed).toFixed(1), seconds: +elapsed.toFixed(1), errors: postErrors };

// 2. Filter lookups of existing users at concurrency 1 and C.
const lookup = async () => {
  const i = Math.floor(Math.random() * USERS);
  const r = await request('GET', `${scim}/Users?filter=${encodeURIComponent(`userName eq "${userName(i)}"`)}`, undefined, token);
  return { ms: r.ms, ok: r.status === 200 && JSON.parse(r.body).totalResults === 1 };
};
await timed(C, 3, lookup); // warm-up
figures.filterC1 = await timed(1, SECONDS, lookup);
figures.filterC16 = await timed(C, SECONDS, lookup);

// 3. A group of MEMBERS members, then PATCHes adding one member each.
const group = expect(await request('POST', `${scim}/Groups`, { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
  displayName: `Big ${tag}`, members: [] }, token), 201, 'group');
started = performance.now();
for (let from = 0; from < MEMBERS; from += 1000) {
  const value = ids.slice(from, Math.min(MEMBERS, from + 1000)).map((id) => ({ value: id }));
  expect(await request('PATCH', `${scim}/Groups/${group.id}`, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [{ op: 'Add', path: 'members', value }] }, token), 204, 'fill group');
}
figures.fillGroupSeconds = +((performance.now() - started) / 1000).toFixed(1);
const patchSamples = []; let patchErrors = 0;
for (let k = 0; k < PATCHES; k++) {
  const r = await request('PATCH', `${scim}/Groups/${group.id}`, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [{ op: 'Add', path: 'members', value: [{ $ref: null, value: ids[MEMBERS + k] }] }] }, token);
  if (r.status !== 204) patchErrors++;
  patchSamples.push(r.ms);
}
figures.patchAddOneMember = { ...stats(patchSamples), groupSize: MEMBERS, errors: patchErrors };

// 4. The whole group, members included.
const whole = await request('GET', `${scim}/Groups/${group.id}`, undefined, token);
figures.getWholeGroup = { ms: +whole.ms.toFixed(1), status: whole.status,
  members: whole.status === 200 ? JSON.parse(whole.body).members.length : null, bytes: whole.body.length };

console.log(JSON.stringify(figures, null, 2));
if (opt.json) writeFileSync(opt.json, JSON.stringify(figures, null, 2));
agent.destroy();
