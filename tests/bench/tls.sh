#!/usr/bin/env bash
# NetScope's TLS benchmarks beside the peers, in one run (issue 4, docs/performance.md):
#   full handshakes per second (openssl s_time -new) against `netscope listen echo --tls` and
#   `openssl s_server` on the same certificate (and Twisted's listenSSL echo for reference);
#   bulk TLS throughput over one connection into `netscope listen discard --tls` and into
#   socat's OPENSSL-LISTEN address, with the same socat client sending BYTES; and the other
#   direction: `netscope tls --raw` sending BYTES from stdin against socat's OPENSSL client
#   sending them, both into the same socat OPENSSL-LISTEN sink.
#   The handshake rows come twice: one s_time client (the client is the limit: each server uses
#   about half a core) and four in parallel on the load core (../shared/bench/tls_par.sh).
# Usage: tests/bench/tls.sh   (knobs: DUR=8 ROUNDS=2 BYTES=2147483648 NETSCOPE=path KIT_SRC=path)
source "$(dirname "$0")/lib.sh"
DUR=${DUR:-8}; ROUNDS=${ROUNDS:-2}; BYTES=${BYTES:-2147483648}
prepare_kit
prepare_netscope
CERT=$WORK/tls-cert.pem; KEY=$WORK/tls-key.pem
[ -f "$CERT" ] || openssl req -x509 -newkey rsa:2048 -nodes -keyout "$KEY" -out "$CERT" -days 30 -subj /CN=127.0.0.1 2>/dev/null

P=$(free_port); start_srv openssl "$P" openssl s_server -quiet -accept "127.0.0.1:$P" -cert "$CERT" -key "$KEY"
P=$(free_port); start_srv netscope "$P" "$NETSCOPE" listen echo --port "$P" --quiet --tls --cert "$CERT" --key "$KEY"
P=$(free_port); start_srv twisted "$P" $PY "$KIT/servers/twisted_tls_echo.py" "$P" "$CERT" "$KEY"

# Warm-up (JIT, session caches), not reported.
for s in openssl netscope twisted; do
  timeout 20 taskset -c "$LOAD_CPU" openssl s_time -connect "127.0.0.1:${SPORT[$s]}" -new -time 2 >/dev/null 2>&1
done
echo "# full handshakes (s_time -new)"
for r in $(seq 1 "$ROUNDS"); do
  order=(openssl netscope twisted); [ $((r % 2)) -eq 0 ] && order=(twisted netscope openssl)
  for s in "${order[@]}"; do
    measure "handshakes-r$r" "$s" bash -c "timeout -k 5 $((DUR + 30)) taskset -c $LOAD_CPU openssl s_time -connect 127.0.0.1:${SPORT[$s]} -new -time $DUR 2>&1 | grep -E 'connections/user sec|connections in' | paste -sd' '"
  done
done
echo "# full handshakes, 4 parallel s_time clients (tls_par.sh)"
for r in $(seq 1 "$ROUNDS"); do
  order=(openssl netscope twisted); [ $((r % 2)) -eq 0 ] && order=(twisted netscope openssl)
  for s in "${order[@]}"; do
    measure "handshakes-x4-r$r" "$s" bash -c "timeout -k 5 $((DUR + 30)) taskset -c $LOAD_CPU sh $KIT/tls_par.sh 4 ${SPORT[$s]} $DUR | awk '{n += \$1} END {printf \"connections=%d per_sec=%.1f\n\", n, n / $DUR}'"
  done
done
for s in openssl netscope twisted; do stop_srv "$s"; done

echo "# bulk ($BYTES bytes over one TLS connection)"
P=$(free_port); start_srv socat "$P" socat -u "OPENSSL-LISTEN:$P,bind=127.0.0.1,reuseaddr,fork,cert=$CERT,key=$KEY,verify=0" OPEN:/dev/null
P=$(free_port); start_srv netscope_discard "$P" "$NETSCOPE" listen discard --port "$P" --quiet --tls --cert "$CERT" --key "$KEY"
bulk() { # PORT -> MB/s of sending BYTES with a socat OPENSSL client
  local t0 t1
  t0=$(date +%s.%N)
  head -c "$BYTES" /dev/zero | timeout -k 5 120 taskset -c "$LOAD_CPU" socat -u -b 65536 - "OPENSSL:127.0.0.1:$1,verify=0" 2>/dev/null
  t1=$(date +%s.%N)
  awk -v b="$BYTES" -v a="$t0" -v c="$t1" 'BEGIN{printf "MBps=%.1f secs=%.2f\n", b/1e6/(c-a), c-a}'
}
for r in $(seq 1 "$ROUNDS"); do
  order=(socat netscope_discard); [ $((r % 2)) -eq 0 ] && order=(netscope_discard socat)
  for s in "${order[@]}"; do
    measure "bulk-r$r" "$s" bulk "${SPORT[$s]}"
  done
done

echo "# bulk, the client sending ($BYTES bytes over one TLS connection into socat's OPENSSL-LISTEN)"
stop_srv socat; stop_srv netscope_discard
P=$(free_port); start_srv socat_sink "$P" socat -u "OPENSSL-LISTEN:$P,bind=127.0.0.1,reuseaddr,fork,cert=$CERT,key=$KEY,verify=0" OPEN:/dev/null
# Here the client is what is measured: it runs on the load core, the sink on the server core
# (srv_cpu is the sink's share).
send_with() { # socat|netscope -> MB/s of that client sending BYTES to the sink
  local t0 t1
  t0=$(date +%s.%N)
  if [ "$1" = socat ]; then
    head -c "$BYTES" /dev/zero | timeout -k 5 120 taskset -c "$LOAD_CPU" socat -u -b 65536 - "OPENSSL:127.0.0.1:${SPORT[socat_sink]},verify=0" 2>/dev/null
  else
    head -c "$BYTES" /dev/zero | timeout -k 5 120 taskset -c "$LOAD_CPU" "$NETSCOPE" tls "127.0.0.1:${SPORT[socat_sink]}" --insecure --raw --half-close >/dev/null 2>&1
  fi
  t1=$(date +%s.%N)
  awk -v b="$BYTES" -v a="$t0" -v c="$t1" 'BEGIN{printf "MBps=%.1f secs=%.2f\n", b/1e6/(c-a), c-a}'
}
for r in $(seq 1 "$ROUNDS"); do
  order=(socat netscope); [ $((r % 2)) -eq 0 ] && order=(netscope socat)
  for c in "${order[@]}"; do
    measure "send-r$r-$c" socat_sink send_with "$c"
  done
done
