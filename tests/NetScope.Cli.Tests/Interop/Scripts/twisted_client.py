"""A Twisted TCP client for the interop tests (Twisted from Debian's python3-twisted).

    twisted_client.py HOST PORT send   sends its stdin, half-closes, and writes everything the
                                       server sends back to stdout, until the server closes
    twisted_client.py HOST PORT read N reads N bytes, writes them to stdout, and closes

Exits 0 when the conversation ended cleanly; otherwise prints the reason on stderr and exits 1.
"""

import sys

from twisted.internet import error, interfaces, protocol, reactor
from zope.interface import implementer

outcome = {"code": 1}


@implementer(interfaces.IHalfCloseableProtocol)
class Client(protocol.Protocol):
    def __init__(self, mode, payload, count):
        self.mode = mode
        self.payload = payload
        self.count = count
        self.received = bytearray()

    def connectionMade(self):
        if self.mode == "send":
            self.transport.write(self.payload)
            self.transport.loseWriteConnection()

    def dataReceived(self, data):
        self.received += data
        if self.mode == "read" and len(self.received) >= self.count:
            del self.received[self.count:]
            self.mode = "done"
            self.transport.loseConnection()

    def readConnectionLost(self):
        self.transport.loseConnection()

    def writeConnectionLost(self):
        pass

    def connectionLost(self, reason):
        sys.stdout.buffer.write(bytes(self.received))
        sys.stdout.buffer.flush()
        expected_end = self.mode in ("send", "done")
        if expected_end and reason.check(error.ConnectionDone):
            outcome["code"] = 0
        else:
            print(f"twisted_client: {self.mode}: {reason.getErrorMessage()}", file=sys.stderr)
        reactor.stop()


class Factory(protocol.ClientFactory):
    def __init__(self, client):
        self.client = client

    def buildProtocol(self, addr):
        return self.client

    def clientConnectionFailed(self, connector, reason):
        print(f"twisted_client: connect: {reason.getErrorMessage()}", file=sys.stderr)
        reactor.stop()


def main():
    host, port, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    payload = sys.stdin.buffer.read() if mode == "send" else b""
    count = int(sys.argv[4]) if mode == "read" else 0
    reactor.connectTCP(host, port, Factory(Client(mode, payload, count)), timeout=10)
    reactor.run()
    return outcome["code"]


if __name__ == "__main__":
    sys.exit(main())
