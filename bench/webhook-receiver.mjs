// A local webhook receiver for bench/events-figures.sh: answers 200 at once and records, per delivery, when it arrived
// and when its event occurred, to report write-to-webhook latency and delivery throughput. Node 20, no dependencies.
// Usage: node webhook-receiver.mjs <port> <report.json>   (writes the report on SIGTERM)
import http from 'node:http';
import fs from 'node:fs';

const [port, reportPath] = [Number(process.argv[2]), process.argv[3]];
const latencies = [];
const seen = new Set();
let first = 0, last = 0, duplicates = 0;

http.createServer((req, res) => {
  let body = '';
  req.on('data', chunk => body += chunk);
  req.on('end', () => {
    const now = Date.now();
    try {
      const event = JSON.parse(body);
      if (seen.has(event.id)) duplicates++; else seen.add(event.id);
      latencies.push(now - Date.parse(event.occurredAt));
      first = first || now;
      last = now;
    } catch { /* not an event: counted nowhere */ }
    res.writeHead(200).end();
  });
}).listen(port, '127.0.0.1');

function pct(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)] : null;
}

process.on('SIGTERM', () => {
  const sorted = [...latencies].sort((a, b) => a - b);
  const seconds = (last - first) / 1000;
  fs.writeFileSync(reportPath, JSON.stringify({
    deliveries: latencies.length, distinctEvents: seen.size, duplicates,
    latencyMs: { p50: pct(sorted, 50), p95: pct(sorted, 95), p99: pct(sorted, 99), max: sorted.at(-1) ?? null },
    deliveriesPerSecond: seconds > 0 ? Math.round(latencies.length / seconds) : null,
  }, null, 2));
  process.exit(0);
});
