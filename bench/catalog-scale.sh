#!/usr/bin/env bash
# Catalog at scale: indexes N generated GRQ dataset records (default 100 000) into the embedded SQLite
# catalog and into OpenSearch through Catalog.indexAll, then times bbox+time, filter and large-area
# queries on both (median and p99) and checks that both catalogs give the same answers.
#
#   bench/catalog-scale.sh                       # 100 000 records, 200 queries of each kind, own OpenSearch
#   bench/catalog-scale.sh 20000 100             # fewer
#   OPENSEARCH_URI=opensearch://host:9200/bench bench/catalog-scale.sh   # an existing cluster (prefix "bench")
#
# Starts its own OpenSearch (bin/start-opensearch, heap $OPENSEARCH_HEAP, default 1g) unless
# OPENSEARCH_URI is set; results go to bench/out/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
records="${1:-100000}"
queries="${2:-200}"
out="$root/bench/out"
mkdir -p "$out"

mvn -B -ntp -q test-compile
mvn -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt" >/dev/null
cp="$root/target/classes:$root/target/test-classes:$(cat "$out/classpath.txt")"

started=""
if [[ -z "${OPENSEARCH_URI:-}" ]]; then
  osdir="$(mktemp -d /tmp/alos2-ingest-bench-opensearch-XXXXXX)"
  chmod 755 "$osdir"
  bin/start-opensearch --dir "$osdir" --port 0 --heap "${OPENSEARCH_HEAP:-1g}" \
    --zip "target/test-servers/opensearch-2.19.6.zip" --geo-jar "target/test-servers/geo-2.19.6.jar" >/dev/null
  started="$osdir"
  url="$(cat "$osdir/url")"
  OPENSEARCH_URI="opensearch://${url#http://}/bench"
  trap 'bin/start-opensearch --stop --dir "$started" >/dev/null; rm -rf "$started"' EXIT
fi

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; $(java -version 2>&1 | head -1); OpenSearch heap ${OPENSEARCH_HEAP:-1g}"
java -Xmx3g -cp "$cp" org.alos2ingest.catalog.CatalogScaleBenchmark "$out/catalog-scale.sqlite" "$OPENSEARCH_URI" "$records" "$queries" \
  | tee "$out/catalog-scale.txt"
