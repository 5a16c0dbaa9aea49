#!/usr/bin/env bash
# Ingestion (read, repair, segment, language, topics, metadata) is linear in the input size:
# one document of 1 MB, 10 MB and 100 MB built from the bundled seeds, timed in one run.
# Usage: Benchmarks/ingestion/linearity.sh [WORKDIR]   (default /tmp/termsearch-linearity)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-/tmp/termsearch-linearity}"
mkdir -p "$work"
swift build -c release --package-path "$root" >/dev/null
bin="$root/.build/release/termsearch"
python3 - "$root/Corpus" "$work" <<'PY'
import glob, os, sys
corpus, work = sys.argv[1], sys.argv[2]
seeds = ''.join(open(f, encoding='utf-8').read() + '\n\n' for f in sorted(glob.glob(os.path.join(corpus, '*.txt'))))
for mb in (1, 10, 100):
    path = os.path.join(work, f'{mb}mb.txt')
    if os.path.exists(path) and os.path.getsize(path) >= mb * 1_000_000 - 1000: continue
    target, parts, size = mb * 1_000_000, [], 0
    while size < target:
        parts.append(seeds); size += len(seeds.encode())
    open(path, 'w', encoding='utf-8').write(''.join(parts)[:target])
PY
for mb in 1 10 100; do
    /usr/bin/time -f "  peak RSS %M KB, user %U s" "$bin" inspect --summary --max-text-mb 128 "$work/${mb}mb.txt"
done
