using NetScope.Core.Defer;
using NetScope.Core.Protocols.Basic;
using static NetScope.Core.Tests.Protocols.Feeding;

namespace NetScope.Core.Tests.Protocols.Classic;

/// <summary>A client that collects CR LF lines, and sends lines with a chosen ending.</summary>
internal sealed class LineCollector : LineReceiver
{
    public List<string> Lines { get; } = [];

    public Failure? Lost { get; private set; }

    public void Say(string text, string ending = "\r\n") => Transport.Write(B(text + ending));

    public override void ConnectionLost(Failure reason) => Lost = reason;

    protected override void LineReceived(ReadOnlySpan<byte> line) => Lines.Add(S(line));
}
