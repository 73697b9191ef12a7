#!/usr/bin/env bash
# Download throughput of alos2-ingest's downloader against curl, side by side, on the same URL of a
# local HTTP server (bench/BenchServer.java: sendfile, Range, keep-alive; or nginx with BENCH_SERVER=nginx)
# serving a random file.
#
#   bench/download-vs-curl.sh [SIZE_GB (default 2)] [RUNS (default 3)]
#
# Each run downloads the whole file once with `curl -sS -o` and once with `bin/alos2-ingest download`
# (JVM start-up included, with the launcher's class-data archive: that is what a user runs; BENCH_BARE_JAVA=1
# runs `java -jar` instead), alternating which goes first, into bench/out/.
# Prints each run's seconds and MB/s, the medians, and the ratio alos2-ingest / curl (1.0 = as fast).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size_gb="${1:-2}"
runs="${2:-3}"
out="$root/bench/out"
mkdir -p "$out"
file="$out/source-${size_gb}g.bin"
bytes=$((size_gb * 1024 * 1024 * 1024))
if [[ ! -f "$file" ]] || [[ "$(stat -c %s "$file")" != "$bytes" ]]; then
  echo "writing a ${size_gb} GiB random file: $file" >&2
  head -c "$bytes" /dev/urandom > "$file.tmp" && mv "$file.tmp" "$file"
fi
"$root/bin/alos2-ingest" --version >/dev/null   # builds the jar (and its class-data archive) when needed
jar="$root/target/alos2-ingest.jar"

portfile="$(mktemp)"
if [[ "${BENCH_SERVER:-java}" == nginx ]]; then
  # nginx (installed with apt-get when missing) in the foreground, from a scratch prefix
  source "$root/bench/lib.sh"
  bench_need nginx nginx-light
  bench_install
  ngx="$(mktemp -d)"
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  user_line=""
  [[ $(id -u) -eq 0 ]] && user_line="user root;"
  cat > "$ngx/nginx.conf" <<NGINX
$user_line
worker_processes 1;
daemon off;
pid $ngx/nginx.pid;
error_log $ngx/error.log;
events { worker_connections 64; }
http {
  access_log off;
  sendfile on;
  client_body_temp_path $ngx/body; proxy_temp_path $ngx/proxy; fastcgi_temp_path $ngx/fastcgi;
  uwsgi_temp_path $ngx/uwsgi; scgi_temp_path $ngx/scgi;
  server { listen 127.0.0.1:$port; location = /source.bin { alias $file; default_type application/octet-stream; } }
}
NGINX
  nginx -p "$ngx" -c "$ngx/nginx.conf" &
  server=$!
  trap 'kill "$server" 2>/dev/null || true; rm -rf "$portfile" "$ngx"' EXIT
  for _ in $(seq 100); do curl -sf -o /dev/null -r 0-0 "http://127.0.0.1:$port/source.bin" && break; sleep 0.1; done
else
  java "$root/bench/BenchServer.java" "$file" > "$portfile" &
  server=$!
  trap 'kill "$server" 2>/dev/null || true; rm -f "$portfile"' EXIT
  for _ in $(seq 100); do [[ -s "$portfile" ]] && break; sleep 0.1; done
  port="$(head -1 "$portfile")"
fi
url="http://127.0.0.1:$port/source.bin"
home="$out/home"
dest="${BENCH_DEST:-$out/dest}"   # BENCH_DEST=/dev/shm/x takes the disk out of the comparison

now() { date +%s.%N; }
run_curl() {
  rm -rf "$dest"; mkdir -p "$dest"
  local t0 t1; t0=$(now); curl -sS -o "$dest/source.bin" "$url"; t1=$(now)
  [[ "$(stat -c %s "$dest/source.bin")" == "$bytes" ]] || { echo "curl: wrong size" >&2; exit 1; }
  awk -v a="$t1" -v b="$t0" 'BEGIN {printf "%.3f", a - b}'
}
run_ours() {
  rm -rf "$dest"; mkdir -p "$dest"
  local t0 t1; t0=$(now)
  if [[ -n "${BENCH_BARE_JAVA:-}" ]]; then
    java ${ALOS2_INGEST_JAVA_OPTS:--Xmx1500m} -jar "$jar" download --home "$home" -q -o "$dest" --netrc /dev/null "$url"
  else
    "$root/bin/alos2-ingest" download --home "$home" -q -o "$dest" --netrc /dev/null "$url"
  fi
  t1=$(now)
  [[ "$(stat -c %s "$dest/source.bin")" == "$bytes" ]] || { echo "alos2-ingest: wrong size" >&2; exit 1; }
  awk -v a="$t1" -v b="$t0" 'BEGIN {printf "%.3f", a - b}'
}
mbs() { awk -v b="$bytes" -v s="$1" 'BEGIN {printf "%.1f", b / s / 1000000}'; }

echo "file: $size_gb GiB ($bytes bytes) from $url (${BENCH_SERVER:-java} server); $runs runs; $(nproc) cores; $(curl --version | head -1 | cut -d' ' -f1-2); $(java -version 2>&1 | head -1)"
printf "%-4s %12s %12s %14s %14s\n" run "curl s" "ours s" "curl MB/s" "ours MB/s"
curl_times=(); our_times=()
for i in $(seq "$runs"); do
  if (( i % 2 )); then c=$(run_curl); o=$(run_ours); else o=$(run_ours); c=$(run_curl); fi
  curl_times+=("$c"); our_times+=("$o")
  printf "%-4s %12.2f %12.2f %14.0f %14.0f\n" "$i" "$c" "$o" "$(mbs "$c")" "$(mbs "$o")"
done
median() { printf "%s\n" "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
mc=$(median "${curl_times[@]}"); mo=$(median "${our_times[@]}")
printf "%-4s %12.2f %12.2f %14.0f %14.0f\n" median "$mc" "$mo" "$(mbs "$mc")" "$(mbs "$mo")"
printf "throughput ratio alos2-ingest / curl (median): %.2f\n" "$(awk -v c="$mc" -v o="$mo" 'BEGIN {print c / o}')"
rm -rf "$dest"
