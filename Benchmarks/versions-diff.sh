#!/bin/sh
# Times `termsearch diff` on every version pair: the real pairs of realworld2 (PDFs: ingestion
# with pdftotext included) and the constructed pairs of Tests/Fixtures/versions.
# Usage: Benchmarks/versions-diff.sh [TERMSEARCH] [REALWORLD_FILES]
T=${1:-.build/release/termsearch}
R=${2:-/work/shared/realworld2/files}
pair() {
  start=$(date +%s.%N)
  summary=$("$T" diff "$1" "$2" | grep '^Summary' | sed 's/^Summary  //')
  end=$(date +%s.%N)
  printf '| %s → %s | %s | %.2f |\n' "$(basename "$1")" "$(basename "$2")" "$summary" "$(echo "$end - $start" | bc)"
}
echo '| pair | result | seconds |'
echo '| --- | --- | ---: |'
total_start=$(date +%s.%N)
pair "$R/16_beautybar-privacy-2020-09.pdf" "$R/12_beautybar-privacy.pdf"
pair "$R/10_justzaap-2017_en.pdf" "$R/11_justzaap-2018_en.pdf"
pair "$R/02_asr-inboedel-2020.pdf" "$R/03_asr-inboedel-2022.pdf"
pair Corpus/ict-leverancier-matteman-voorwaarden.txt Tests/Fixtures/versions/constructed/matteman-2021.txt
pair Corpus/spijkerman-computerservice-voorwaarden.txt Tests/Fixtures/versions/constructed/spijkerman-2024.txt
total_end=$(date +%s.%N)
printf '| all 5 pairs | | %.2f |\n' "$(echo "$total_end - $total_start" | bc)"
