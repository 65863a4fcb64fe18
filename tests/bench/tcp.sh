#!/usr/bin/env bash
# NetScope's TCP benchmarks beside the peers, in one run (issue 3, docs/performance.md):
#   echo, 64-byte messages, 100 connections:   msgs/s and server CPU per message
#   echo, 1 connection ping-pong:              p50/p99 latency (client on the other CPU and on the same CPU)
#   bulk one-way throughput (discard):         bytes/s over one connection
#   10,000 idle connections held on echo:      resident memory
# Usage: tests/bench/tcp.sh   (knobs: DUR=8 WARM=2 ROUNDS=2 IDLE=10000 NETSCOPE=path KIT_SRC=path)
source "$(dirname "$0")/lib.sh"
DUR=${DUR:-8}; WARM=${WARM:-2}; ROUNDS=${ROUNDS:-2}; IDLE=${IDLE:-10000}
prepare_kit
prepare_netscope
ulimit -n "$(ulimit -Hn)" 2>/dev/null; [ "$(ulimit -n)" -gt $((IDLE + 200)) ] || note "descriptor limit $(ulimit -n) is below IDLE=$IDLE; the idle test will fail"
LOAD="timeout -k 5 $((DUR + WARM + 30)) taskset -c $LOAD_CPU $KIT/bin/echoload"

P=$(free_port); start_srv c_epoll "$P" "$KIT/bin/c_epoll_echo" "$P"
P=$(free_port); start_srv twisted "$P" $PY "$KIT/servers/twisted_echo.py" "$P"
( cd "$KIT/servers/dotnet-echo" && dotnet build -c Release -o "$WORK/dotnet-echo" >"$WORK/dotnet-echo-build.log" 2>&1 ) || note "dotnet-echo build failed"
P=$(free_port); start_srv dotnet "$P" dotnet "$WORK/dotnet-echo/dotnet-echo.dll" "$P"
P=$(free_port); start_srv netscope "$P" "$NETSCOPE" listen echo --port "$P"

echo "# echo"
for r in $(seq 1 "$ROUNDS"); do
  order=(c_epoll netscope dotnet twisted); [ $((r % 2)) -eq 0 ] && order=(twisted dotnet netscope c_epoll)
  for s in "${order[@]}"; do
    measure "echo-c100-r$r" "$s" $LOAD -p "${SPORT[$s]}" -c 100 -s 64 -d 1 -t "$DUR" -w "$WARM"
  done
  for s in "${order[@]}"; do
    measure "echo-c1-r$r" "$s" $LOAD -p "${SPORT[$s]}" -c 1 -s 64 -d 1 -t "$DUR" -w "$WARM"
  done
done
for s in c_epoll netscope dotnet twisted; do
  measure "echo-c1-samecpu" "$s" timeout -k 5 $((DUR + WARM + 30)) taskset -c "$SRV_CPU" "$KIT/bin/echoload" -p "${SPORT[$s]}" -c 1 -s 64 -d 1 -t "$DUR" -w "$WARM"
done
for s in c_epoll twisted dotnet; do stop_srv "$s"; done

echo "# bulk (one connection, 64 KiB writes, discard servers)"
P=$(free_port); start_srv c_discard "$P" "$KIT/bin/c_epoll_echo" "$P" discard
P=$(free_port); start_srv socat "$P" socat -u "TCP-LISTEN:$P,bind=127.0.0.1,reuseaddr,fork" OPEN:/dev/null
P=$(free_port); start_srv netscope_discard "$P" "$NETSCOPE" listen discard --port "$P"
for r in $(seq 1 "$ROUNDS"); do
  for s in c_discard netscope_discard socat; do
    measure "bulk-r$r" "$s" timeout -k 5 $((DUR + 30)) taskset -c "$LOAD_CPU" "$KIT/bin/echoload" -m bulk -p "${SPORT[$s]}" -c 1 -t "$DUR" -w 1
  done
done

echo "# idle connections"
before=$(rss_kib "${SPID[netscope]}")
timeout -k 5 120 taskset -c "$LOAD_CPU" $PY "$HERE/hold_connections.py" "${SPORT[netscope]}" "$IDLE" 5 "${SPID[netscope]}"
echo "idle	netscope	rss_before_kib=$before"
