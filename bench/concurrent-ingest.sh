#!/usr/bin/env bash
# Concurrent ingest while serving: N `ingest` processes (default 8), each of its own generated FBD
# Level 1.5 delivery (default 4000 px wide, about a third of the real 14060; WIDTH=full for the real
# size), all started at once into one fresh SQLite home, while `serve` on that home answers searches
# (`/search?limit=1000`, on T threads, default 2, bench/SearchLoad.java) for as long as they run.
#
#   bench/concurrent-ingest.sh                # 8 deliveries of 4000 px, 2 search threads
#   bench/concurrent-ingest.sh 8 full 4       # real-size deliveries (423 MiB each), 4 search threads
#   INGEST_OPTS="" bench/concurrent-ingest.sh # with map tiles (default: --no-tiles)
#
# Prints the datasets per second of the whole run (first start to last exit), the searches per second
# and their p50/p99 latency during it, and fails if an ingest failed, a dataset is missing or listed
# twice, a search failed, or a search listed fewer items than the one before it. Results go to
# bench/out/concurrent-ingest.txt; the deliveries stay in bench/out/concurrent-ingest/ for the next run.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
n="${1:-8}"
width="${2:-4000}"
threads="${3:-2}"
ingest_opts="${INGEST_OPTS---no-tiles}"
out="$root/bench/out/concurrent-ingest"
cli="$root/bin/alos2-ingest"
mkdir -p "$out"
"$cli" --version >/dev/null   # build the jar before timing anything

size_opt=(--width "$width")
[[ "$width" == full ]] && size_opt=(--full-size)
in="$out/in-$width"
mkdir -p "$in"
for ((i = 0; i < n; i++)); do
  # one scene a month, each a degree further east: distinct deliveries and datasets
  if ! ls "$in"/*_ALOS2$((62000 + i))2900-*.zip >/dev/null 2>&1; then
    echo "generating delivery $((i + 1)) of $n (${size_opt[*]})..." >&2
    "$cli" sample "${size_opt[@]}" --orbit $((62000 + i)) --centre "-30,$((-75 + i))" \
      --time "2024-$(printf %02d $((i % 12 + 1)))-03T03:12:30" -o "$in" >/dev/null
  fi
done
mapfile -t zips < <(ls "$in"/*.zip | head -n "$n")

home="$out/home"
rm -rf "$home" "$out/logs" "$out/stop"
mkdir -p "$out/logs"
"$cli" search --home "$home" --format ids >/dev/null   # the catalog exists before serve opens it
server=""
load=""
cleanup() {
  [[ -n "$load" ]] && touch "$out/stop" && wait "$load" 2>/dev/null || true
  [[ -n "$server" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
}
trap cleanup EXIT
"$cli" serve --home "$home" --port 0 >"$out/logs/serve.log" 2>&1 &
server=$!
url=""
for _ in $(seq 1 300); do
  url="$(sed -n 's/^serving STAC API at \(http[^ ]*\) over.*/\1/p' "$out/logs/serve.log")"
  [[ -n "$url" ]] && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.2
done
[[ -n "$url" ]] || { cat "$out/logs/serve.log" >&2; echo "concurrent-ingest: serve did not start" >&2; exit 1; }

java bench/SearchLoad.java "$url" "$threads" "$out/stop" >"$out/logs/search.txt" 2>&1 &
load=$!
# the search client compiled and searching before the ingests start
for _ in $(seq 1 600); do
  grep -q '^STARTED' "$out/logs/search.txt" 2>/dev/null && break
  sleep 0.1
done
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
t0=$(date +%s.%N)
pids=()
for ((i = 0; i < ${#zips[@]}; i++)); do
  # shellcheck disable=SC2086
  "$cli" ingest --home "$home" -q $ingest_opts "${zips[$i]}" >"$out/logs/ingest-$i.log" 2>&1 &
  pids+=($!)
done
failed=0
for ((i = 0; i < ${#pids[@]}; i++)); do
  if ! wait "${pids[$i]}"; then
    failed=$((failed + 1))
    echo "ingest $i failed:" >&2
    cat "$out/logs/ingest-$i.log" >&2
  fi
done
t1=$(date +%s.%N)
touch "$out/stop"
wait "$load"
load=""
read -r _ searches seconds rate p50 p99 errors decreases < <(grep '^RESULT' "$out/logs/search.txt")
ids="$("$cli" search --home "$home" --format ids --limit 10000)"
count=$(grep -c . <<<"$ids" || true)
unique=$(sort -u <<<"$ids" | grep -c . || true)
elapsed=$(echo "$t1 - $t0" | bc)

{
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; load average (1, 5, 15 min) at the start $load_before, at the end $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
  echo "$n ingest processes at once, one FBD L1.5 delivery each (${size_opt[*]}, $(du -sh "$in" | cut -f1) in all, ingest $ingest_opts), $threads search threads on serve"
  printf 'ingest: %d datasets in %.1f s = %.2f datasets/s (%d failed; %d cataloged, %d distinct)\n' \
    "$n" "$elapsed" "$(echo "$n / $elapsed" | bc -l)" "$failed" "$count" "$unique"
  printf 'search during it: %s searches in %s s = %s/s, p50 %s ms, p99 %s ms, %s errors, %s decreases\n' \
    "$searches" "$seconds" "$rate" "$p50" "$p99" "$errors" "$decreases"
} | tee "$root/bench/out/concurrent-ingest.txt"
[[ $failed -eq 0 && $count -eq $n && $unique -eq $n && $errors -eq 0 && $decreases -eq 0 ]] || { echo "concurrent-ingest: FAILED" >&2; exit 1; }
