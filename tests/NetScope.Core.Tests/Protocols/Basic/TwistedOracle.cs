using System.Diagnostics;
using System.Text.Json;

namespace NetScope.Core.Tests.Protocols.Basic;

/// <summary>
/// Runs Twisted's own LineReceiver and LineOnlyReceiver (Debian's python3-twisted 22.4, through
/// /usr/bin/python3) over the same cases as our receivers, so their event logs can be compared.
/// </summary>
internal static class TwistedOracle
{
    /// <summary>The Python side: Twisted receivers with the same scripted reactions as <see cref="ScriptedLineReceiver"/>.</summary>
    private const string Script = """
import json
import sys

from twisted.internet import task
from twisted.internet.testing import StringTransport
from twisted.protocols import basic


class Scripted(basic.LineReceiver):
    def __init__(self, case, clock, log):
        self.delimiters = [bytes.fromhex(d) for d in case["delimiters"]]
        self.delimiter = self.delimiters[0]
        self.MAX_LENGTH = case["max"]
        self.clock = clock
        self.log = log
        self.length = 0

    def lineReceived(self, line):
        self.log.append(["line", line.hex()])
        if line == b"":
            self.setRawMode()
        elif line == b"pause":
            self.pauseProducing()
            self.clock.callLater(0, self.resumeProducing)
        elif line == b"rawpause":
            self.pauseProducing()
            self.setRawMode()
            self.clock.callLater(0, self.resumeProducing)
        elif line == b"stop":
            self.stopProducing()
        elif line.startswith(b"len "):
            rest = line[4:]
            if rest.isdigit() and len(rest) <= 3:
                self.length = int(rest)
        elif line == b"clear":
            self.log.append(["clear", self.clearLineBuffer().hex()])
        elif line == b"close":
            self.transport.loseConnection()
        elif line == b"delim":
            self.delimiter = self.delimiters[1] if self.delimiter == self.delimiters[0] else self.delimiters[0]

    def rawDataReceived(self, data):
        data, rest = data[: self.length], data[self.length :]
        self.length -= len(data)
        self.log.append(["raw", data.hex()])
        if self.length == 0:
            self.setLineMode(rest)

    def lineLengthExceeded(self, line):
        self.log.append(["exceeded", line.hex()])
        if len(line) > self.MAX_LENGTH + 1:
            self.setLineMode(line[self.MAX_LENGTH + 1 :])


class ScriptedLineOnly(basic.LineOnlyReceiver):
    def __init__(self, case, log):
        self.delimiter = bytes.fromhex(case["delimiters"][0])
        self.MAX_LENGTH = case["max"]
        self.log = log

    def lineReceived(self, line):
        self.log.append(["line", line.hex()])
        if line == b"close":
            self.transport.loseConnection()

    def lineLengthExceeded(self, line):
        self.log.append(["exceeded", line.hex()])


def run(case):
    log = []
    clock = task.Clock()
    transport = StringTransport()
    if case["kind"] == "line":
        proto = Scripted(case, clock, log)
    else:
        proto = ScriptedLineOnly(case, log)
    proto.makeConnection(transport)
    data = bytes.fromhex(case["data"])
    pos = 0
    for size in case["chunks"]:
        chunk = data[pos : pos + size]
        pos += size
        try:
            proto.dataReceived(chunk)
        except Exception:
            log.append(["error", ""])
        try:
            clock.advance(0)
        except Exception:
            log.append(["error", ""])
    if case["kind"] == "line":
        log.append(["rest", proto.clearLineBuffer().hex()])
        log.append(["state", "%d%d" % (proto.line_mode, proto.paused)])
    else:
        log.append(["rest", "%d" % len(proto._buffer)])
    log.append(["closing", "%d" % transport.disconnecting])
    return log


def main():
    with open(sys.argv[1]) as f:
        cases = json.load(f)
    json.dump([run(case) for case in cases], sys.stdout)


main()
""";

    /// <summary>Runs <paramref name="cases"/> through Twisted and returns each case's event log.</summary>
    public static async Task<List<List<string[]>>> RunAsync(IReadOnlyList<OracleCase> cases)
    {
        var directory = Directory.CreateTempSubdirectory("netscope-oracle-");
        try
        {
            var scriptPath = Path.Combine(directory.FullName, "oracle.py");
            var casesPath = Path.Combine(directory.FullName, "cases.json");
            await File.WriteAllTextAsync(scriptPath, Script);
            await File.WriteAllTextAsync(casesPath, JsonSerializer.Serialize(cases, JsonOptions));
            var start = new ProcessStartInfo("/usr/bin/python3")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(scriptPath);
            start.ArgumentList.Add(casesPath);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"the Twisted oracle failed ({process.ExitCode}): {await errors}");
            }

            return JsonSerializer.Deserialize<List<List<string[]>>>(await output)
                ?? throw new InvalidOperationException("the Twisted oracle printed nothing");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
}
