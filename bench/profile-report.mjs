// Groups JFR execution samples (the text of `jfr print --events jdk.ExecutionSample`) by the first frame outside the
// JDK, so that a reader sees which framework spends the CPU; also prints the hottest top frames.
//   node bench/profile-report.mjs samples.txt
import { readFileSync } from 'node:fs';

const GROUPS = [
  ['Roster', /^dev\.roster\./],
  ['Hibernate ORM/Reactive', /^org\.hibernate\./],
  ['Vert.x pg client', /^io\.vertx\.pgclient\.|^io\.vertx\.sqlclient\./],
  ['Vert.x/Netty', /^io\.vertx\.|^io\.netty\./],
  ['Quarkus REST', /^org\.jboss\.resteasy\.reactive\.|^io\.quarkus\.resteasy\.reactive\.|^io\.quarkus\.rest\./],
  ['Context propagation/ArC/Mutiny', /^io\.smallrye\.context\.|^io\.quarkus\.arc\.|^io\.smallrye\.mutiny\.|^io\.quarkus\.smallrye\.context\./],
  ['Jackson', /^com\.fasterxml\.jackson\./],
  ['SmallRye JWT/security', /^io\.smallrye\.jwt\.|^io\.quarkus\.security\.|^io\.quarkus\.smallrye\.jwt\./],
  ['Micrometer/OpenTelemetry', /^io\.micrometer\.|^io\.opentelemetry\.|^io\.quarkus\.opentelemetry\./],
  ['Quarkus (other)', /^io\.quarkus\./],
  ['other libraries', /./],
];
const JDK = /^(java\.|javax\.|jdk\.|sun\.|com\.sun\.)/;

const text = readFileSync(process.argv[2], 'utf8');
const byGroup = new Map();
const byTop = new Map();
let total = 0;
for (const event of text.split('jdk.ExecutionSample {').slice(1)) {
  const frames = [...event.matchAll(/^\s+([\w$.<>\/]+)\(/gm)].map((m) => m[1]);
  if (frames.length === 0) continue;
  total++;
  const first = frames.find((f) => !JDK.test(f)) ?? 'JDK only';
  const group = first === 'JDK only' ? 'JDK only' : GROUPS.find(([, re]) => re.test(first))[0];
  byGroup.set(group, (byGroup.get(group) ?? 0) + 1);
  byTop.set(frames[0], (byTop.get(frames[0]) ?? 0) + 1);
}
const pct = (n) => ((100 * n) / total).toFixed(1).padStart(5) + '%';
console.log(`${total} samples; by first non-JDK frame:`);
for (const [group, n] of [...byGroup].sort((a, b) => b[1] - a[1])) console.log(`  ${pct(n)}  ${group}`);
console.log('hottest top frames:');
for (const [frame, n] of [...byTop].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${pct(n)}  ${frame}`);
