#!/usr/bin/env node
// compare-report.mjs: reads what bench/compare.sh left in its results folder and prints one JSON report: per build the
// Entra mix (median and range of the measured runs, errors, verification, p99 per operation, statements and
// transactions per request), the cold mix and start-to-ready, resident memory, statements per operation, figures.mjs'
// figures and pgbench's; then the ratios current/previous and Roster/pgbench of the same run.
// Usage: node bench/compare-report.mjs RESULTS_FOLDER RUNS
import { readFileSync, existsSync } from 'node:fs';

const [dir, runsArg] = process.argv.slice(2);
const RUNS = Number(runsArg || 3);
const text = (f) => (existsSync(`${dir}/${f}`) ? readFileSync(`${dir}/${f}`, 'utf8').trim() : null);
const json = (f) => { try { return JSON.parse(text(f)); } catch { return null; } };
const number = (f) => (text(f) == null || text(f) === '' ? null : Number(text(f)));
const median = (values) => {
  const v = values.filter((x) => x != null).sort((a, b) => a - b);
  return v.length ? v[Math.floor((v.length - 1) / 2)] : null;
};
const ratio = (a, b, digits = 3) => (a != null && b ? +(a / b).toFixed(digits) : null);

function pgbench(build) {
  const out = text(`${build}-pgbench.txt`) || '';
  const tps = [...out.matchAll(/tps = ([0-9.]+)/g)].map((m) => +m[1]);
  const percentiles = [...out.matchAll(/p50 ([0-9.]+) ms/g)].map((m) => +m[1]);
  return { tpsC16: tps[0] ?? null, tpsC1: tps[1] ?? null, p50MsC16: percentiles[0] ?? null, p50MsC1: percentiles[1] ?? null };
}

function build(name) {
  if (!existsSync(`${dir}/${name}-app`)) return null;
  const mixes = Array.from({ length: RUNS }, (_, i) => json(`${name}-mix-${i + 1}.json`));
  const overall = mixes.map((m) => m?.phases?.overall ?? null);
  const requests = overall.reduce((sum, o) => sum + (o?.requests ?? 0), 0);
  const p99 = {};
  for (const o of overall.filter(Boolean)) {
    for (const [op, figures] of Object.entries(o.ops)) p99[op] = Math.max(p99[op] ?? 0, figures.p99);
  }
  const cold = json(`${name}-mix-cold.json`)?.phases?.overall;
  const xacts = number(`${name}-xact-after`) - number(`${name}-xact-before`);
  const statements = number(`${name}-statements`);
  const commits = number(`${name}-commits`);
  const figures = json(`${name}-figures.json`);
  const opsPerSec = overall.map((o) => o?.opsPerSec ?? null);
  return {
    ref: text(`${name}-ref`),
    startToReadyMs: number(`${name}-ready-ms`),
    entraMix: {
      opsPerSecMedian: median(opsPerSec), opsPerSecRuns: opsPerSec,
      errors: overall.map((o) => o?.errors ?? null),
      verificationOk: mixes.map((m) => m?.verification?.ok ?? null),
      worstP99MsByOperation: p99,
      statementsPerRequest: ratio(statements, requests, 2),
      transactionsPerRequest: ratio(xacts, requests, 2),
      // pg_stat_database counts every autocommit statement as a transaction; explicit ones end in a COMMIT.
      explicitTransactionsPerRequest: ratio(commits, requests, 2),
      coldOpsPerSec: cold?.opsPerSec ?? null,
      coldOverWarm: ratio(cold?.opsPerSec, median(opsPerSec)),
    },
    rssAfterMixMb: number(`${name}-rss-kb`) ? Math.round(number(`${name}-rss-kb`) / 1024) : null,
    statementsPerOperation: (json(`${name}-statements.json`)?.operations ?? []).map((o) =>
      ({ operation: o.operation, statements: o.statementsPerRequest, transactions: o.transactionsPerRequest })),
    postUsersC16PerSec: figures?.postUsers?.perSecond ?? null,
    filterEq: { c1P50Ms: figures?.filterC1?.p50 ?? null, c16PerSec: figures?.filterC16?.perSecond ?? null,
      c16Errors: figures?.filterC16?.errors ?? null },
    memberAddInto: figures?.patchAddOneMember ?? null,
    pgbench: pgbench(name),
  };
}

const previous = build('previous');
const current = build('current');
const ratios = {};
for (const [label, b] of Object.entries({ previous, current })) {
  if (!b) continue;
  ratios[label] = {
    entraMixOverPgbench: ratio(b.entraMix.opsPerSecMedian, b.pgbench.tpsC16, 4),
    filterEqC16OverPgbench: ratio(b.filterEq.c16PerSec, b.pgbench.tpsC16),
    filterEqC1P50OverPgbench: ratio(b.filterEq.c1P50Ms, b.pgbench.p50MsC1, 1),
  };
}
if (previous && current) {
  ratios.currentOverPrevious = {
    entraMix: ratio(current.entraMix.opsPerSecMedian, previous.entraMix.opsPerSecMedian, 2),
    coldEntraMix: ratio(current.entraMix.coldOpsPerSec, previous.entraMix.coldOpsPerSec, 2),
    filterEqC16: ratio(current.filterEq.c16PerSec, previous.filterEq.c16PerSec, 2),
    postUsersC16: ratio(current.postUsersC16PerSec, previous.postUsersC16PerSec, 2),
    memberAddP50: ratio(current.memberAddInto?.p50, previous.memberAddInto?.p50, 2),
    pgbenchC16: ratio(current.pgbench.tpsC16, previous.pgbench.tpsC16, 2),
  };
}
console.log(JSON.stringify({ folder: dir, previous, current, ratios }, null, 2));
