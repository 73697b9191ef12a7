#!/usr/bin/env bash
# Benchmark: `alos2-ingest scan` of a generated HPC archive of Level 1.1 products, at 10 000 files
# (2 000 scene groups) and 100 000 files (20 000 groups): time, rate, and how the cost grows; then a
# re-run of the big scan, which must skip every cataloged group without reading its files.
#
# Usage: bench/scan-archive.sh [parallel]      (default 2)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
parallel="${1:-2}"
out="$root/bench/out/scan-archive"
mkdir -p "$out"
cli="$root/bin/alos2-ingest"
"$cli" --version >/dev/null
cp_file="$out/classpath"
(cd "$root" && mvn -q -B -ntp dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null)
cp="$root/target/classes:$(cat "$cp_file")"
for groups in 2000 20000; do
  [[ -d "$out/archive-$groups" ]] || java -cp "$cp" "$root/bench/MakeArchive.java" "$out/archive-$groups" "$groups"
done
echo "machine: $(nproc) cores; parallel $parallel"
now() { date +%s.%N; }
# `search` answers at most 10 000 ids: the catalog's own count
cataloged() { sqlite3 -readonly "$1/catalog.sqlite" 'SELECT count(*) FROM datasets'; }
command -v sqlite3 >/dev/null || { echo "scan-archive.sh: needs sqlite3 to count the cataloged groups" >&2; exit 1; }
# Homes of earlier runs are moved aside now and removed only at the end: removing 100 000 files just
# before a run makes ext4 without a journal (this machine's disk) skip the freed inodes when the next
# run creates its files (recently_deleted), a cost of the benchmark's clean-up, not of a scan.
trash="$out/trash-$$"; mkdir -p "$trash"
for old in "$out"/home-*; do if [[ -e "$old" ]]; then mv "$old" "$trash/"; fi; done
trap 'rm -rf "$out"/trash-*' EXIT
printf '%-34s %8s %8s %10s %12s\n' archive files groups seconds groups/s
declare -A T
for groups in 2000 20000; do
  home="$out/home-$groups"
  files=$(find "$out/archive-$groups" -path '*/.templates' -prune -o -type f -print | wc -l)
  t0=$(now)
  ALOS2_INGEST_HOME="$home" "$cli" scan -q "$out/archive-$groups" --parallel "$parallel"
  t=$(echo "$(now) - $t0" | bc); T[$groups]=$t
  n=$(cataloged "$home")
  printf '%-34s %8d %8d %10.1f %12.0f\n' "archive-$groups (first scan)" "$files" "$n" "$t" "$(echo "$n / $t" | bc -l)"
done
t0=$(now)
ALOS2_INGEST_HOME="$out/home-20000" "$cli" scan -q "$out/archive-20000" --parallel "$parallel"
t=$(echo "$(now) - $t0" | bc)
printf '%-34s %8s %8d %10.1f %12.0f\n' "archive-20000 (re-run, all skipped)" "" 20000 "$t" "$(echo "20000 / $t" | bc -l)"
printf 'cost growth from 10 000 to 100 000 files: %.1fx the time for 10x the files\n' "$(echo "${T[20000]} / ${T[2000]}" | bc -l)"
