#!/usr/bin/env bash
# serve under load: N generated GRQ documents (default 100 000, those of bench/catalog-scale.sh) in
# SQLite and in OpenSearch, `alos2-ingest serve` on each, then wrk with 16 connections for S seconds
# (default 30) per kind of query: a small area and one year (up to 10 items), a CQL2-text filter, and
# a large area paged by following the next links (100 a page). Beside each, the same searches made
# in-process on the catalog (Catalog.searchItems on as many threads): the difference is what the
# HTTP layer and the STAC mapping cost.
#
#   bench/serve-load.sh                  # 100 000 documents, 30 s per kind, own OpenSearch
#   bench/serve-load.sh 20000 10         # fewer, shorter
#   SKIP_OPENSEARCH=1 bench/serve-load.sh   # or SKIP_SQLITE=1
#   OPENSEARCH_URI=opensearch://host:9200/bench bench/serve-load.sh   # an existing cluster
#
# Results go to bench/out/serve-load.txt.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
records="${1:-100000}"
seconds="${2:-30}"
connections=16
out="$root/bench/out"
mkdir -p "$out"
command -v wrk >/dev/null || { echo "serve-load: wrk is needed (apt-get install wrk)" >&2; exit 1; }

mvn -B -ntp -q test-compile
mvn -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt" >/dev/null
cp="$root/target/classes:$root/target/test-classes:$(cat "$out/classpath.txt")"

work="$(mktemp -d /tmp/alos2-ingest-serve-load-XXXXXX)"
server=""
osdir=""
cleanup() {
  [[ -n "$server" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  [[ -n "$osdir" ]] && bin/start-opensearch --stop --dir "$osdir" >/dev/null 2>&1 || true
  rm -rf "$work" ${osdir:+"$osdir"}
}
trap cleanup EXIT

catalogs=()
[[ -z "${SKIP_SQLITE:-}" ]] && catalogs+=("sqlite:$out/serve-load.sqlite")
if [[ -z "${SKIP_OPENSEARCH:-}" ]]; then
  if [[ -z "${OPENSEARCH_URI:-}" ]]; then
    osdir="$(mktemp -d /tmp/alos2-ingest-bench-opensearch-XXXXXX)"
    chmod 755 "$osdir"
    bin/start-opensearch --dir "$osdir" --port 0 --heap "${OPENSEARCH_HEAP:-1g}" \
      --zip "target/test-servers/opensearch-2.19.6.zip" --geo-jar "target/test-servers/geo-2.19.6.jar" >/dev/null
    url="$(cat "$osdir/url")"
    OPENSEARCH_URI="opensearch://${url#http://}/bench"
  fi
  catalogs+=("$OPENSEARCH_URI")
fi

java -Xmx2g -cp "$cp" org.alos2ingest.catalog.ServeLoadBenchmark index "$out/serve-load.sqlite" "${OPENSEARCH_URI:--}" "$records"
java -cp "$cp" org.alos2ingest.catalog.ServeLoadBenchmark queries "$work/queries" 2000

# one serve at a time, on a free port (started here, not in a subshell, so that cleanup knows its pid)
start_serve() {
  mkdir -p "$work/home"
  java -Xmx1g -cp "$cp" org.alos2ingest.cli.Main serve --home "$work/home" --catalog "$1" --port 0 >"$work/serve.log" 2>&1 &
  server=$!
}
# prints the URL serve listens on once it does
serve_url() {
  for _ in $(seq 1 300); do
    local u
    u="$(sed -n 's/^serving STAC API at \(http[^ ]*\) over.*/\1/p' "$work/serve.log")"
    if [[ -n "$u" ]]; then echo "${u%/}"; return; fi
    kill -0 "$server" 2>/dev/null || break
    sleep 0.2
  done
  cat "$work/serve.log" >&2
  echo "serve-load: serve did not start on $1" >&2
  exit 1
}

{
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; $(java -version 2>&1 | head -1); $records documents; wrk -t2 -c$connections -d${seconds}s"
  echo
  echo "| catalog    | kind   | via     | req/s | p50 ms | p99 ms | errors | load avg (1 min) |"
  echo "|------------|--------|---------|-------|--------|--------|--------|------------------|"
} | tee "$out/serve-load.txt"
for uri in "${catalogs[@]}"; do
  name="$([[ $uri == sqlite:* ]] && echo sqlite || echo opensearch)"
  start_serve "$uri"
  base="$(serve_url "$uri")"
  if ! curl -fsS "$base/search?limit=1" >/dev/null; then
    cp "$work/serve.log" "$out/serve-load-serve.log"
    echo "serve-load: serve on $name fails a plain search; its log: $out/serve-load-serve.log" >&2
    exit 1
  fi
  for kind in small cql2 paging; do
    follow="$([[ $kind == paging ]] && echo follow || true)"
    # a short unrecorded run first, so that the JIT and the caches are warm
    wrk -t2 -c$connections -d5s --timeout 5s -s bench/serve-load.lua "$base" -- "$work/queries/$kind.txt" $follow >/dev/null
    r="$(wrk -t2 -c$connections -d${seconds}s --timeout 5s -s bench/serve-load.lua "$base" -- "$work/queries/$kind.txt" $follow | sed -n 's/^RESULT //p')"
    read -r rps p50 p99 errors _ <<<"$r"
    printf "| %-10s | %-6s | HTTP    | %5s | %6s | %6s | %6s | %16s |\n" "$name" "$kind" "$rps" "$p50" "$p99" "$errors" \
      "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$out/serve-load.txt"
  done
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
  java -Xmx1g -cp "$cp" org.alos2ingest.catalog.ServeLoadBenchmark direct "$uri" "$work/queries" "$seconds" "$connections" \
    | while IFS='|' read -r _ cat kind rps p50 p99 errors _; do
        [[ "$kind" =~ (small|cql2|paging) ]] || continue
        printf "| %-10s | %-6s | catalog | %5s | %6s | %6s | %6s | %16s |\n" "$name" "$(echo $kind)" "$(echo $rps)" "$(echo $p50)" \
          "$(echo $p99)" "$(echo $errors)" "$(cut -d' ' -f1 /proc/loadavg)"
      done | tee -a "$out/serve-load.txt"
done
