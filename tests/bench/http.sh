#!/usr/bin/env bash
# NetScope's HTTP server benchmarks beside the peers, in one run (issue 5, docs/performance.md):
#   wrk -t1 -c50 keep-alive, fixed 13-byte answer:  nginx (1 worker), twistd web, Kestrel, netscope
#                                                   (-q, and the default that logs each request to its stdout, a file)
#   wrk -t1 -c50, a 1 MiB static file:              nginx (sendfile off and on), netscope
#   the client, a 100 MB body from nginx:             curl, netscope http (wall time, in-process time, max RSS)
# Usage: tests/bench/http.sh   (knobs: DUR=8 ROUNDS=2 NETSCOPE=path KIT_SRC=path FIXED_ONLY=1: the fixed answer only)
source "$(dirname "$0")/lib.sh"
DUR=${DUR:-8}; ROUNDS=${ROUNDS:-2}; FIXED_ONLY=${FIXED_ONLY:-0}
prepare_kit
prepare_netscope
WRK="timeout -k 5 $((DUR + 30)) taskset -c $LOAD_CPU wrk -t1 -c50 -d${DUR}s --latency"

WWW=$WORK/www; mkdir -p "$WWW"
head -c 1048576 /dev/urandom >"$WWW/1mib.bin"

nginx_conf() { # PORT SENDFILE -> renders a one-worker nginx: / fixed, /files/ static
  local prefix=$WORK/nginx-$1
  mkdir -p "$prefix"
  cat >"$prefix/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $prefix/nginx.pid;
error_log $prefix/error.log warn;
events { worker_connections 1024; use epoll; }
http {
  access_log off;
  keepalive_requests 1000000;
  sendfile $2;
  client_body_temp_path $prefix/body; proxy_temp_path $prefix/proxy; fastcgi_temp_path $prefix/fastcgi;
  uwsgi_temp_path $prefix/uwsgi; scgi_temp_path $prefix/scgi;
  server {
    listen 127.0.0.1:$1 backlog=1024;
    default_type text/plain;
    location = / { return 200 'Hello, world!'; }
    location /files/ { alias $WWW/; }
  }
}
CONF
  echo "$prefix"
}

( cd "$KIT/servers/dotnet-http" && dotnet build -c Release -o "$WORK/dotnet-http" >"$WORK/dotnet-http-build.log" 2>&1 ) || note "Kestrel build failed"
P=$(free_port); D=$(nginx_conf "$P" off); start_srv nginx "$P" nginx -p "$D" -c "$D/nginx.conf" -e "$D/error.log"
P=$(free_port); D=$(nginx_conf "$P" on); start_srv nginx_sendfile "$P" nginx -p "$D" -c "$D/nginx.conf" -e "$D/error.log"
P=$(free_port); start_srv twisted_web "$P" $PY "$KIT/servers/twisted_web.py" "$P"
P=$(free_port); start_srv kestrel "$P" dotnet "$WORK/dotnet-http/dotnet-http.dll" "$P"
P=$(free_port); start_srv netscope "$P" "$NETSCOPE" listen http --port "$P" --quiet --status 200 --body 'Hello, world!' --header 'Content-Type: text/plain'
# The command as issue 5 names it: one access-log line per request on stdout (start_srv sends it to a file).
P=$(free_port); start_srv netscope_logged "$P" "$NETSCOPE" listen http --port "$P" --status 200 --body 'Hello, world!' --header 'Content-Type: text/plain'
P=$(free_port); start_srv netscope_files "$P" "$NETSCOPE" listen http --port "$P" --quiet --root "$WWW"

for s in nginx twisted_web kestrel netscope netscope_logged; do # warm-up (JIT), not reported
  timeout 30 taskset -c "$LOAD_CPU" wrk -t1 -c50 -d2s "http://127.0.0.1:${SPORT[$s]}/" >/dev/null 2>&1
done
echo "# fixed 13-byte answer"
for r in $(seq 1 "$ROUNDS"); do
  order=(nginx netscope netscope_logged kestrel twisted_web); [ $((r % 2)) -eq 0 ] && order=(twisted_web kestrel netscope_logged netscope nginx)
  for s in "${order[@]}"; do
    measure "fixed-r$r" "$s" bash -c "$WRK http://127.0.0.1:${SPORT[$s]}/ | grep -E 'Requests/sec|99%' | paste -sd' '"
  done
done
[ "$FIXED_ONLY" = 1 ] && exit 0
echo "# static 1 MiB file"
for r in $(seq 1 "$ROUNDS"); do
  measure "static-r$r" nginx bash -c "$WRK http://127.0.0.1:${SPORT[nginx]}/files/1mib.bin | grep -E 'Requests/sec|Transfer/sec' | paste -sd' '"
  measure "static-r$r" nginx_sendfile bash -c "$WRK http://127.0.0.1:${SPORT[nginx_sendfile]}/files/1mib.bin | grep -E 'Requests/sec|Transfer/sec' | paste -sd' '"
  measure "static-r$r" netscope_files bash -c "$WRK http://127.0.0.1:${SPORT[netscope_files]}/1mib.bin | grep -E 'Requests/sec|Transfer/sec' | paste -sd' '"
done

echo "# client: a 100 MB body from nginx (sendfile on) to /dev/null, curl and netscope http alternately"
head -c 100000000 /dev/urandom >"$WWW/100mb.bin"
URL="http://127.0.0.1:${SPORT[nginx_sendfile]}/files/100mb.bin"
CLIENT_RUNS=${CLIENT_RUNS:-15}
field() { grep -o "\"$1\": *[0-9.]*" <<<"$2" | tr -d ' ' | cut -d: -f2; }
for r in $(seq 1 "$CLIENT_RUNS"); do
  # wall_s includes process start-up; in_process_s is the client's own count from its start to the
  # end of the body (curl's time_total, netscope's timings.done), first_byte_s the same to the first
  # byte of the answer, so in_process_s - first_byte_s is the body's own transfer time;
  # max_rss_kib from GNU time.
  out=$( { /usr/bin/time -f "wall_s=%e max_rss_kib=%M" timeout 60 taskset -c "$LOAD_CPU" \
    curl -s -o /dev/null -w 'in_process_s=%{time_total} first_byte_s=%{time_starttransfer} bytes=%{size_download}\n' "$URL"; } 2>&1 | paste -sd' ')
  printf 'client-r%s\tcurl\t%s\n' "$r" "$out"
  out=$( { /usr/bin/time -f "wall_s=%e max_rss_kib=%M" timeout 60 taskset -c "$LOAD_CPU" \
    "$NETSCOPE" http "$URL" -o /dev/null --json-output; } 2>&1 | paste -sd' ')
  printf 'client-r%s\tnetscope\tin_process_s=%s first_byte_s=%s bytes=%s %s\n' "$r" \
    "$(field done "$out")" "$(field first_byte "$out")" "$(field body_size "$out")" \
    "$(grep -o 'wall_s=[0-9.]* max_rss_kib=[0-9]*' <<<"$out")"
done | tee "$WORK/client.tsv"
# Medians per client, and netscope's throughput as a fraction of curl's (short runs are noisy).
awk -F'\t' '
  { split($3, kv, " "); for (i in kv) { split(kv[i], p, "="); v[p[1]] = p[2] }
    n[$2]++; wall[$2, n[$2]] = v["wall_s"]; total[$2, n[$2]] = v["in_process_s"]; body[$2, n[$2]] = v["in_process_s"] - v["first_byte_s"] }
  function median(a, who, k,   i, j, t, x) { for (i = 1; i <= k; i++) x[i] = a[who, i]
    for (i = 2; i <= k; i++) for (j = i; j > 1 && x[j-1] > x[j]; j--) { t = x[j]; x[j] = x[j-1]; x[j-1] = t }
    return k % 2 ? x[(k+1)/2] : (x[k/2] + x[k/2+1]) / 2 }
  END { for (c in n) { mw[c] = median(wall, c, n[c]); mt[c] = median(total, c, n[c]); mb[c] = median(body, c, n[c])
          printf "client-median\t%s\twall_s=%.3f in_process_s=%.4f body_s=%.4f\n", c, mw[c], mt[c], mb[c] }
        printf "client-ratio\tnetscope/curl throughput\tin_process=%.2fx body=%.2fx wall=%.2fx\n", mt["curl"]/mt["netscope"], mb["curl"]/mb["netscope"], mw["curl"]/mw["netscope"] }' "$WORK/client.tsv"
