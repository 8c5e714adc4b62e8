// Issue 15's read-API figures against a running Roster: seeds USERS users into one tenant through SCIM (POST /Users,
// c16), then measures the admin user list (first page, a page deep into the list by cursor, a filter, sortBy=userName;
// c1, p50/p99 of REPEAT requests each) and the snapshot export (rows per second, and the Roster process's resident
// memory before and at its peak while the export streams). Node 20, no dependencies.
// Usage: node read-api-figures.mjs seed-and-list <base URL> <admin key> <roster pid> <users> <report.json>
//        node read-api-figures.mjs export <base URL> <admin key> <roster pid> <tenant id> <report.json>
// (the script runs the export on a Roster restarted with a small heap: finishing is the proof of constant memory)
import http from 'node:http';
import fs from 'node:fs';

const [phase, base, adminKey, pid, arg, reportPath] = process.argv.slice(2);
const USERS = phase === 'export' ? 0 : Number(arg);
const REPEAT = 200;
const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });

function request(method, path, token, body) {
  return new Promise((resolve, reject) => {
    const url = new URL(path, base);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(url, { method, agent, headers: {
      authorization: `Bearer ${token}`,
      ...(payload ? { 'content-type': path.startsWith('/scim/') ? 'application/scim+json' : 'application/json',
                      'content-length': Buffer.byteLength(payload) } : {}),
    } }, res => {
      const chunks = [];
      res.on('data', c => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
const rssKb = () => Number((fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/) || [])[1]);

async function timed(path, token) {
  const lat = [];
  for (let i = 0; i < REPEAT; i++) {
    const t0 = process.hrtime.bigint();
    const res = await request('GET', path, token);
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${res.body.slice(0, 200)}`);
    lat.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  lat.sort((a, b) => a - b);
  return { p50: +pct(lat, 50).toFixed(2), p99: +pct(lat, 99).toFixed(2) };
}

if (phase === 'export') {
  const tenant = arg;
  const before = rssKb();
  let peak = before;
  const sampler = setInterval(() => { peak = Math.max(peak, rssKb()); }, 50);
  const exportStart = Date.now();
  const lines = await new Promise((resolve, reject) => {
    http.get(new URL(`/admin/v1/tenants/${tenant}/export`, base), { agent, headers: { authorization: `Bearer ${adminKey}` } },
      res => {
        let count = 0, rest = '', last = '';
        res.on('data', chunk => {
          const text = rest + chunk.toString();
          const parts = text.split('\n');
          rest = parts.pop();
          count += parts.length;
          if (parts.length) last = parts[parts.length - 1];
        });
        res.on('end', () => resolve({ count: count + (rest ? 1 : 0), last: rest || last }));
      }).on('error', reject);
  });
  const seconds = (Date.now() - exportStart) / 1000;
  clearInterval(sampler);
  const report = { lines: lines.count, complete: lines.last.includes('"kind":"end"'), seconds,
    rowsPerSecond: Math.round(lines.count / seconds), rssMbBefore: Math.round(before / 1024),
    rssMbPeak: Math.round(peak / 1024), rssMbGrowth: Math.round((peak - before) / 1024) };
  fs.writeFileSync(reportPath, JSON.stringify(report, null, 2));
  process.exit(0);
}

const tenant = JSON.parse((await request('POST', '/admin/v1/tenants', adminKey, { name: 'read api bench' })).body).id;
const token = JSON.parse((await request('POST', `/admin/v1/tenants/${tenant}/tokens`, adminKey,
  { description: 'bench' })).body).token;

// Seed.
const seedStart = Date.now();
let next = 0;
async function worker() {
  while (next < USERS) {
    const i = next++;
    const res = await request('POST', `/scim/v2/${tenant}/Users`, token, {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: `user${String(i).padStart(6, '0')}@contoso.com`,
      active: true, displayName: `User ${i}`, name: { givenName: 'User', familyName: String(i) },
      emails: [{ value: `user${i}@contoso.com`, type: 'work', primary: true }], externalId: `ext-${i}`,
    });
    if (res.status !== 201) throw new Error(`seed ${i}: ${res.status} ${res.body.slice(0, 200)}`);
  }
}
await Promise.all(Array.from({ length: 16 }, worker));
const seedSeconds = (Date.now() - seedStart) / 1000;

// The user list.
const users = `/admin/v1/tenants/${tenant}/users`;
let cursor = null;
for (let i = 0; i < Math.floor(USERS / 100); i++) { // pages of 50 up to the middle of the list
  const page = JSON.parse((await request('GET', `${users}?limit=50${cursor ? '&after=' + cursor : ''}`, adminKey)).body);
  cursor = page.nextCursor;
}
const list = {
  firstPage: await timed(`${users}?limit=50`, adminKey),
  pageAtTheMiddle: await timed(`${users}?limit=50&after=${cursor}`, adminKey),
  filterUserNameEq: await timed(`${users}?filter=${encodeURIComponent(`userName eq "user${String(Math.floor(USERS * 0.54)).padStart(6, '0')}@contoso.com"`)}`, adminKey),
  sortByUserName: await timed(`${users}?limit=50&sortBy=userName`, adminKey),
};

const report = {
  users: USERS, seedSeconds, seedUsersPerSecond: Math.round(USERS / seedSeconds),
  tenant, userListMs: list,
};
fs.writeFileSync(reportPath, JSON.stringify(report, null, 2));
console.log(JSON.stringify(report, null, 2));
process.exit(0);
