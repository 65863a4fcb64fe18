#!/bin/bash
# HTTP requests per second of NetScope's ready-made listeners next to nginx (one worker), in one run:
#   fixed  GET /          -> 'Hello, world!' (netscope listen http --status 200 --body 'Hello, world!')
#   static GET /1mib.bin  -> a 1 MiB file     (netscope listen http --root DIR)
# wrk -t1 -c50 keep-alive; servers pinned to CPU 0 and wrk to CPU 1. Besides requests/s it prints each
# server's CPU time per request (from /proc), which still means something when other work shares the machine.
# Usage: tests/NetScope.Benchmarks/Http/wrk-vs-nginx.sh [ROUNDS=3] [DUR=8]
set -euo pipefail
ROUNDS=${ROUNDS:-3}
DUR=${DUR:-8}
PORT_BASE=${PORT_BASE:-19300}
repo=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d /tmp/netscope-wrk.XXXXXX)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

dotnet build -c Release "$repo/tests/NetScope.Benchmarks/NetScope.Benchmarks.csproj" -v q -nologo >/dev/null
host="$repo/tests/NetScope.Benchmarks/bin/Release/net10.0/NetScope.Benchmarks.dll"
mkdir -p "$work/www" "$work/nginx"
head -c 1048576 /dev/urandom > "$work/www/1mib.bin"
chmod 755 "$work" "$work/www" && chmod 644 "$work/www/1mib.bin"   # nginx's worker runs as nobody

cat > "$work/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; use epoll; }
http {
    access_log off;
    keepalive_requests 1000000;
    sendfile on;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    server { listen 127.0.0.1:$((PORT_BASE)) backlog=1024; default_type text/plain; location / { return 200 'Hello, world!'; } }
    server { listen 127.0.0.1:$((PORT_BASE + 1)) backlog=1024; root $work/www; }
}
CONF
taskset -c 0 nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" & pids+=($!)
taskset -c 0 dotnet "$host" http-server $((PORT_BASE + 2)) fixed >/dev/null & pids+=($!)
taskset -c 0 dotnet "$host" http-server $((PORT_BASE + 3)) root "$work/www" >/dev/null & pids+=($!)
nginx_master=${pids[0]}

for target in "$((PORT_BASE))/" "$((PORT_BASE + 2))/" "$((PORT_BASE + 1))/1mib.bin" "$((PORT_BASE + 3))/1mib.bin"; do
    for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$target" && break; sleep 0.1; done
    status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$target")
    [ "$status" = 200 ] || { echo "http://127.0.0.1:$target answers $status" >&2; exit 1; }
done
nginx_worker=$(pgrep -P "$nginx_master")

ticks() { cat /proc/"$1"/task/*/stat 2>/dev/null | awk '{s += $14 + $15} END {print s}'; }
measure() { # name pid port path
    local before after out reqs rps
    before=$(ticks "$2")
    out=$(taskset -c 1 wrk -t1 -c50 -d"${DUR}s" "http://127.0.0.1:$3$4")
    after=$(ticks "$2")
    reqs=$(echo "$out" | awk '/requests in/ {print $1}')
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    printf '%-16s %12s req/s %8.2f us CPU/request\n' "$1" "$rps" "$(echo "($after - $before) * 1000000 / $(getconf CLK_TCK) / $reqs" | bc -l)"
}

for target in "$((PORT_BASE))/" "$((PORT_BASE + 2))/" "$((PORT_BASE + 1))/1mib.bin" "$((PORT_BASE + 3))/1mib.bin"; do
    taskset -c 1 wrk -t1 -c50 -d2s "http://127.0.0.1:$target" >/dev/null   # warm-up
done
for round in $(seq "$ROUNDS"); do
    echo "# round $round"
    measure "nginx fixed" "$nginx_worker" $((PORT_BASE)) /
    measure "netscope fixed" "${pids[1]}" $((PORT_BASE + 2)) /
    measure "nginx 1MiB" "$nginx_worker" $((PORT_BASE + 1)) /1mib.bin
    measure "netscope 1MiB" "${pids[2]}" $((PORT_BASE + 3)) /1mib.bin
done
