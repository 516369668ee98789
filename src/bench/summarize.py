#!/usr/bin/env python3
"""Prints the benchmark's table from the JSON files run-benchmarks.sh leaves in target/bench (search.json,
compare.json, startup.json, load.json; any may be missing), checks the performance targets, writes summary.json."""
import json
import os
import statistics
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "target/bench"


def read(name):
    try:
        with open(os.path.join(out, name)) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def trio(p):
    return "-" if not p else f"{p['p50ms']:.1f} / {p['p95ms']:.1f} / {p['p99ms']:.1f}"


search, compare, startup, load = (read(n) for n in ("search.json", "compare.json", "startup.json", "load.json"))
targets = []  # (target, figure, met)

if search:
    print(f"\nSearch latency, {search['records']:,} records, {search['iterations']} rounds after {search['warmupRounds']}"
          " (ms, p50 / p95 / p99)")
    print(f"{'class':<11} {'core (top 20)':>22} {'counts+facets':>22} {'service':>22} {'JSON API':>22} {'HTML page':>22}")
    for c in search["classes"]:
        print(f"{c['class']:<11} {trio(c['core']):>22} {trio(c.get('counts')):>22} {trio(c.get('service')):>22}"
              f" {trio(c['api']):>22} {trio(c['page']):>22}")
    core = {c["class"]: c["core"]["p95ms"] for c in search["classes"]}
    worst = max(("term", "and", "phrase", "fielded"), key=lambda k: core.get(k, 0))
    targets.append((f"core p95 <= 20 ms for term, AND, phrase, fielded (at {search['records']:,} records)",
                    f"worst {worst} {core[worst]:.1f} ms", core[worst] <= 20))
    page = max(search["classes"], key=lambda c: c["page"]["p95ms"])
    targets.append(("search page p95 <= 100 ms (every class)", f"worst {page['class']} {page['page']['p95ms']:.1f} ms",
                    page["page"]["p95ms"] <= 100))

if compare:
    print(f"\nLucene against PostgreSQL {compare.get('postgresVersion') or '(absent)'} full-text and H2 LIKE, "
          f"{compare['records']:,} records (ms, p50 / p95 / p99; ratio = other p50 / Lucene p50, p95 likewise)")
    print(f"{'class':<11} {'lucene':>22} {'postgres':>22} {'pg ratio':>13} {'h2 like':>26} {'like ratio':>15}")
    ratios = {}
    for c in compare["classes"]:
        pg, like = c.get("postgres"), c.get("h2-like")
        r = lambda x: "-" if not x else f"{x['ratioP50']:.1f}x / {x['ratioP95']:.1f}x"
        print(f"{c['class']:<11} {trio(c['lucene']):>22} {trio(pg):>22} {r(pg):>13} {trio(like):>26} {r(like):>15}")
        if pg:
            ratios[c["class"]] = min(pg["ratioP50"], pg["ratioP95"])
    if ratios:
        ranked = [k for k in ("term", "and", "phrase", "truncation", "or10", "strategy", "mapped") if k in ratios]
        worst_ranked = min(ranked, key=ratios.get)
        worst_any = min(ratios, key=ratios.get)
        targets.append((">= 2x faster than PostgreSQL full-text on ranked queries (p50 and p95)",
                        f"worst {worst_ranked} {ratios[worst_ranked]:.2f}x", ratios[worst_ranked] >= 2))
        targets.append(("no query class slower than PostgreSQL", f"worst {worst_any} {ratios[worst_any]:.2f}x",
                        ratios[worst_any] >= 1))

if startup:
    ms = [s["ms"] for s in startup["starts"]]
    rss = [s["rssMB"] for s in startup["starts"]]
    print(f"\nStart-up with {startup['records']:,} records ({startup['javaOpts']}): first 200 on /login after "
          f"{', '.join(f'{m:,}' for m in ms)} ms (median {statistics.median(ms):,.0f}); RSS {', '.join(map(str, rss))} MB")
    targets.append(("start-up <= 3 s to the first 200", f"median {statistics.median(ms) / 1000:.2f} s "
                    f"at {startup['records']:,} records", statistics.median(ms) <= 3000))

if load and "runs" in load:
    for key, label in (("runs", "count cache on (the default)"), ("runsWithoutCountCache", "count cache off")):
        if key not in load:
            continue
        print(f"\nLoad: GET /search, signed in, queries.txt in turn, {load['seconds']} s per client count, {label}")
        print(f"{'clients':>7} {'requests/s':>11} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7}")
        for r in load[key]:
            errors = r["non200"] + r["socketErrors"] + r["timeouts"]
            print(f"{r['clients']:>7} {r['rps']:>11.1f} {r['p50ms']:>8.1f} {r['p95ms']:>8.1f} {r['p99ms']:>8.1f} {errors:>7}")
            r["errors"] = errors
        eight = next((r for r in load[key] if r["clients"] == 8), None)
        if eight:
            targets.append((f">= 150 requests/s at 8 clients, p95 <= 200 ms, no errors ({label})",
                            f"{eight['rps']:.0f} req/s, p95 {eight['p95ms']:.0f} ms, {eight['errors']} errors",
                            eight["rps"] >= 150 and eight["p95ms"] <= 200 and eight["errors"] == 0))
elif load:
    print(f"\nLoad: skipped ({load.get('skipped')})")

if targets:
    print("\nTargets")
    for t, figure, met in targets:
        print(f"  {'met   ' if met else 'MISSED'}  {t}: {figure}")

with open(os.path.join(out, "summary.json"), "w") as f:
    json.dump({"search": search, "compare": compare, "startup": startup, "load": load,
               "targets": [{"target": t, "figure": fig, "met": m} for t, fig, m in targets]}, f, indent=2)
print(f"\nwritten: {os.path.join(out, 'summary.json')}")
