#!/usr/bin/env python3
"""Indexing CPU and memory against Xapian itself (issue #14, point 5), interleaved rounds.

Each round indexes the same corpus with the C++ yardstick (Benchmarks/xapian-index.cpp) and with
each termsearch binary given, in a rotating order, each into a fresh index, and records wall
seconds, CPU seconds (user + system, the process and its children) and peak RSS. The report gives
per run the median and every round's CPU ratio to that round's C++ run.

    g++ -O2 -std=c++17 -o /tmp/xapian-index Benchmarks/xapian-index.cpp $(xapian-config --cxxflags --libs)
    python3 Benchmarks/indexing_cpu.py --corpus /tmp/corpus-200/000 --work /tmp/bench-cpu \\
        --yardstick /tmp/xapian-index --binary new=.build/release/termsearch [--binary old=/tmp/old] --rounds 3
"""
import argparse, json, os, resource, shutil, statistics, subprocess, sys, time


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--work", required=True, help="scratch folder for the indexes (emptied)")
    ap.add_argument("--yardstick", required=True, help="the built xapian-index program")
    ap.add_argument("--binary", action="append", required=True, help="NAME=PATH of a termsearch binary (repeatable)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--json", help="write the rounds here")
    args = ap.parse_args()

    binaries = [b.split("=", 1) for b in args.binary]
    mb = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(args.corpus) for f in fs) / 1e6
    names = ["xapian"] + [n for n, _ in binaries]
    rounds = []
    for r in range(args.rounds):
        order = names[r % len(names):] + names[:r % len(names)]
        result = {}
        for name in order:
            index = os.path.join(args.work, name)
            shutil.rmtree(index, ignore_errors=True)
            os.makedirs(args.work, exist_ok=True)
            if name == "xapian":
                command = [args.yardstick, index, args.corpus]
            else:
                command = [dict(binaries)[name], "index", "--index", index, args.corpus]
            # Peak RSS of one child: measured in a fresh Python child so the maximum is its own.
            probe = [sys.executable, "-c",
                     "import resource,subprocess,sys,time;s=time.monotonic();"
                     "p=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.PIPE);"
                     "u=resource.getrusage(resource.RUSAGE_CHILDREN);"
                     "print(p.returncode,time.monotonic()-s,u.ru_utime+u.ru_stime,u.ru_maxrss/1024);"
                     "sys.stderr.write(p.stderr.decode())"] + command
            done = subprocess.run(probe, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            code, wall, cpu, rss = done.stdout.split()
            if int(code) != 0:
                sys.exit(f"{' '.join(command)} failed ({code}): {done.stderr.strip()}")
            result[name] = {"wall": float(wall), "cpu": float(cpu), "rss_mb": float(rss)}
            print(f"round {r + 1} {name}: wall {float(wall):.1f} s, cpu {float(cpu):.1f} s, peak RSS {float(rss):.0f} MB", flush=True)
        rounds.append(result)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"corpus": args.corpus, "megabytes": mb, "rounds": rounds}, f, indent=1)
    print(f"\ncorpus {args.corpus}: {mb:.1f} MB; {args.rounds} rounds, order rotated; load average {os.getloadavg()[0]:.1f}\n")
    print("| run | wall s | CPU s | CPU s per MB | CPU ratio to Xapian (median; rounds) | wall ratio (median) | peak RSS MB (max) |")
    print("| --- | ---: | ---: | ---: | --- | ---: | ---: |")
    for name in names:
        walls = [x[name]["wall"] for x in rounds]
        cpus = [x[name]["cpu"] for x in rounds]
        ratios = [x[name]["cpu"] / x["xapian"]["cpu"] for x in rounds]
        wall_ratios = [x[name]["wall"] / x["xapian"]["wall"] for x in rounds]
        rss = max(x[name]["rss_mb"] for x in rounds)
        print(f"| {name} | {statistics.median(walls):.1f} | {statistics.median(cpus):.1f} | {statistics.median(cpus) / mb:.2f} | "
              f"**{statistics.median(ratios):.2f}** ({', '.join(f'{v:.2f}' for v in ratios)}) | {statistics.median(wall_ratios):.2f} | {rss:.0f} |")


if __name__ == "__main__":
    main()
