#!/usr/bin/env python3
"""Two termsearch builds side by side, interleaved: the same queries through the CLI (a process
per search, `--format json`) and in process (`termsearch bench queries`), one repetition of each
build before the next, so the machine's drift hits both alike. Each build searches its own index
(an index of the same corpus built by that build: the schema may differ).

    python3 Benchmarks/compare_binaries.py --old OLD_BIN --old-index OLD_IDX --new .build/release/termsearch --new-index IDX
    python3 Benchmarks/compare_binaries.py ... --query "service unavailable during maintenance"   # own questions instead

Prints a Markdown table of medians (ms) and new ÷ old. Nothing here asserts on time.
"""
import argparse, json, statistics, subprocess, time

from search_vs_xapian import QUERIES


def ms(cmd):
    start = time.perf_counter()
    subprocess.run(cmd, capture_output=True, check=True)
    return (time.perf_counter() - start) * 1000


def in_process(binary, index, query, repeat, extra=()):
    out = subprocess.run([binary, "bench", "queries", "--index", index, "--repeat", str(repeat), *extra, query],
                         capture_output=True, text=True, check=True).stdout
    return statistics.median(json.loads(out)[0]["ms"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--old", required=True)
    ap.add_argument("--old-index", required=True)
    ap.add_argument("--new", required=True)
    ap.add_argument("--new-index", required=True)
    ap.add_argument("--repeat", type=int, default=9)
    ap.add_argument("--in-process-repeat", type=int, default=20)
    ap.add_argument("--query", action="append", help="a question to compare instead of the benchmark's six (repeatable)")
    args = ap.parse_args()
    queries = [("question", q, None) for q in args.query] if args.query else QUERIES
    print("| query | old CLI ms | new CLI ms | new ÷ old | old in process ms | new in process ms | new ÷ old | new in process with --facets ms | ÷ old |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for kind, q, _ in queries:
        old_cli, new_cli, old_ip, new_ip, new_ipf = [], [], [], [], []
        for _ in range(args.repeat):
            old_cli.append(ms([args.old, "search", "--index", args.old_index, "--format", "json", q]))
            new_cli.append(ms([args.new, "search", "--index", args.new_index, "--format", "json", q]))
        for _ in range(3):
            old_ip.append(in_process(args.old, args.old_index, q, args.in_process_repeat))
            new_ip.append(in_process(args.new, args.new_index, q, args.in_process_repeat))
            new_ipf.append(in_process(args.new, args.new_index, q, args.in_process_repeat, ["--facets"]))
        oc, nc = statistics.median(old_cli), statistics.median(new_cli)
        oi, ni, nf = statistics.median(old_ip), statistics.median(new_ip), statistics.median(new_ipf)
        print(f"| {kind} `{q}` | {oc:.1f} | {nc:.1f} | {nc / oc:.2f} | {oi:.1f} | {ni:.1f} | {ni / oi:.2f} | {nf:.1f} | {nf / oi:.2f} |")


if __name__ == "__main__":
    main()
