using NetScope.Core.Protocols.Basic;

namespace NetScope.Core.Tests.Protocols.Basic;

/// <summary>The C# twin of the oracle script's <c>ScriptedLineOnly</c>.</summary>
internal sealed class ScriptedLineOnlyReceiver : LineOnlyReceiver
{
    private readonly List<string[]> _log;

    public ScriptedLineOnlyReceiver(byte[] delimiter, int maxLength, List<string[]> log)
    {
        _log = log;
        Delimiter = delimiter;
        MaxLength = maxLength;
    }

    protected override void LineReceived(ReadOnlySpan<byte> line)
    {
        _log.Add(["line", Convert.ToHexStringLower(line)]);
        if (line.SequenceEqual("close"u8))
        {
            Transport.LoseConnection();
        }
    }

    protected override void LineLengthExceeded(ReadOnlySpan<byte> line) => _log.Add(["exceeded", Convert.ToHexStringLower(line)]);
}
