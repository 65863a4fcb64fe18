"""Twisted's own echo server for the interop tests (Twisted from Debian's python3-twisted).

Listens on 127.0.0.1, on a free port, prints the port on the first line of stdout and serves
until it is stopped (SIGTERM). It answers a client's FIN by closing once what it echoed is
sent, which a half-closing client waits for.
"""

import sys

from twisted.internet import interfaces, protocol, reactor
from zope.interface import implementer


@implementer(interfaces.IHalfCloseableProtocol)
class Echo(protocol.Protocol):
    def dataReceived(self, data):
        self.transport.write(data)

    def readConnectionLost(self):
        # The client has finished sending: everything it sent is echoed, so finish too.
        self.transport.loseConnection()

    def writeConnectionLost(self):
        pass


def main():
    factory = protocol.Factory.forProtocol(Echo)
    port = reactor.listenTCP(0, factory, interface="127.0.0.1")
    print(port.getHost().port, flush=True)
    reactor.run()


if __name__ == "__main__":
    sys.exit(main())
