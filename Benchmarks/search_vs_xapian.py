#!/usr/bin/env python3
"""Search speed against Xapian itself (issue #14): termsearch end to end (a process per search,
`--format json`, with and without `--facets`), the 40-line C++ program Benchmarks/xapian-search.cpp
on the same index, and ripgrep over the same files; interleaved, one repetition of every
contender per query before the next, so the machine's drift hits all alike. Then in process
(`termsearch bench queries`, one open searcher) with and without facets.

    swift build -c release
    g++ -O2 -o /tmp/xapian-search Benchmarks/xapian-search.cpp $(xapian-config --cxxflags --libs)
    python3 Benchmarks/search_vs_xapian.py --index /tmp/idx-200 --corpus /tmp/corpus-200 --cxx /tmp/xapian-search

Prints a Markdown table (medians in ms, ratios = termsearch median ÷ C++ median) and writes
--json. Nothing here asserts on time.
"""
import argparse, json, statistics, subprocess, time

QUERIES = [
    # (kind, query, ripgrep pattern: the closest line-level equivalent)
    ("exact phrase", '"aansprakelijkheid beperkt tot"', r"aansprakelijkheid beperkt tot"),
    ("rare word", "broncode", r"broncode"),
    ("NEAR/6", "aansprakelijkheid NEAR/6 schade", r"aansprakelijkheid(\W+\w+){0,6}\W+schade"),
    ("two words", "aansprakelijkheid schade", r"aansprakelijkheid.*schade|schade.*aansprakelijkheid"),
    ("common word", "overeenkomst", r"overeenkomst"),
    ("boolean", "(schade OR kosten) AND NOT indirecte", r"schade|kosten"),
]


def ms(cmd):
    start = time.perf_counter()
    subprocess.run(cmd, capture_output=True, check=False)
    return (time.perf_counter() - start) * 1000


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--index", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--binary", default=".build/release/termsearch")
    ap.add_argument("--cxx", default="/tmp/xapian-search")
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--in-process-repeat", type=int, default=100)
    ap.add_argument("--json")
    args = ap.parse_args()
    ts = args.binary
    contenders = {
        "termsearch": lambda q, p: [ts, "search", "--index", args.index, "--format", "json", q],
        "termsearch --facets": lambda q, p: [ts, "search", "--index", args.index, "--format", "json", "--facets", q],
        "C++": lambda q, p: [args.cxx, args.index, q],
        "ripgrep": lambda q, p: ["rg", "-i", "-c", "--no-messages", "-e", p, args.corpus],
    }
    rows = []
    for kind, q, pattern in QUERIES:
        samples = {name: [] for name in contenders}
        for name, cmd in contenders.items():  # warm the page cache
            ms(cmd(q, pattern))
        for _ in range(args.repeat):
            for name, cmd in contenders.items():
                samples[name].append(ms(cmd(q, pattern)))
        out = json.loads(subprocess.run(contenders["termsearch"](q, pattern), capture_output=True, text=True).stdout)
        rows.append({"kind": kind, "query": q, "total": out["total"], "totalIsExact": out.get("totalIsExact"),
                     "median_ms": {n: statistics.median(s) for n, s in samples.items()}})
    for facets in (False, True):
        cmd = [ts, "bench", "queries", "--index", args.index, "--repeat", str(args.in_process_repeat)]
        out = json.loads(subprocess.run(cmd + (["--facets"] if facets else []) + [q for _, q, _ in QUERIES],
                                        capture_output=True, text=True, check=True).stdout)
        for row, measured in zip(rows, out):
            s = sorted(measured["ms"])
            row["in_process_facets" if facets else "in_process"] = {
                "p50": s[len(s) // 2], "p99": s[min(len(s) - 1, round(0.99 * (len(s) - 1)))]}
    print("| query | total | termsearch ms | ÷ C++ | with --facets ms | ÷ C++ | C++ ms | ripgrep ms | ripgrep ÷ termsearch | in process p50/p99 ms | with facets p50/p99 ms |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        m = r["median_ms"]
        c = m["C++"]
        total = f'{r["total"]:,}' + ("" if r["totalIsExact"] else " (about)")
        ip, ipf = r["in_process"], r["in_process_facets"]
        print(f'| {r["kind"]} `{r["query"]}` | {total} | {m["termsearch"]:.1f} | {m["termsearch"] / c:.2f} | '
              f'{m["termsearch --facets"]:.1f} | {m["termsearch --facets"] / c:.2f} | {c:.1f} | {m["ripgrep"]:.1f} | '
              f'{m["ripgrep"] / m["termsearch"]:.1f} | {ip["p50"]:.1f} / {ip["p99"]:.1f} | {ipf["p50"]:.1f} / {ipf["p99"]:.1f} |')
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=2)


if __name__ == "__main__":
    main()
