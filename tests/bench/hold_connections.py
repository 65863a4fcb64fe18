"""Opens N idle TCP connections to 127.0.0.1:PORT, holds them, and reports the server's RSS.

usage: hold_connections.py PORT N HOLD_SECONDS SERVER_PID
Prints one line: idle_conns=N rss_kib=... (the server's VmRSS while all N are open).
"""
import resource
import socket
import sys
import time

port, count, hold, pid = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, count + 100), hard))
sockets = []
try:
    for _ in range(count):
        sockets.append(socket.create_connection(("127.0.0.1", port), timeout=10))
    deadline = time.monotonic() + hold
    while time.monotonic() < deadline:
        time.sleep(0.2)
    with open(f"/proc/{pid}/status") as status:
        rss = next(line.split()[1] for line in status if line.startswith("VmRSS"))
    print(f"idle_conns={len(sockets)} rss_kib={rss}")
finally:
    for s in sockets:
        s.close()
