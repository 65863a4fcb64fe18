using System.Text;
using NetScope.Core.Protocols;
using NetScope.Core.Tls;

namespace NetScope.Core.Tests.Tls.Layer;

/// <summary>
/// Just enough of an SMTP server for STARTTLS (RFC 3207): a greeting, EHLO advertising STARTTLS, the
/// upgrade in place, then every other line echoed with the security it arrived under, and QUIT. Bytes
/// that follow STARTTLS in the same read are dropped, as the RFC requires.
/// </summary>
internal sealed class SmtpLikeServer(TlsServerOptions options) : Protocol
{
    private readonly List<byte> _line = [];

    public TaskCompletionSource<ITlsTransport> Upgraded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ITlsTransport? Tls { get; private set; }

    public override void ConnectionMade() => Transport.Write("220 netscope test ESMTP\r\n"u8);

    public override void DataReceived(ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            if (b != (byte)'\n')
            {
                _line.Add(b);
                continue;
            }

            var line = Encoding.ASCII.GetString([.. _line]).TrimEnd('\r');
            _line.Clear();
            if (Handle(line))
            {
                return;
            }
        }
    }

    /// <summary>Answers one line; true when the rest of this read must be dropped.</summary>
    private bool Handle(string line)
    {
        var verb = line.Split(' ')[0].ToUpperInvariant();
        switch (verb)
        {
            case "EHLO":
                Transport.Write(Tls is null ? "250-netscope\r\n250 STARTTLS\r\n"u8 : "250 netscope\r\n"u8);
                return false;
            case "STARTTLS" when Tls is null:
                Transport.Write("220 2.0.0 ready to start TLS\r\n"u8);
                Tls = ((ITlsUpgradable)Transport).StartTls(options);
                Upgraded.TrySetResult(Tls);
                return true;
            case "QUIT":
                Transport.Write("221 bye\r\n"u8);
                Transport.LoseConnection();
                return true;
            default:
                Transport.Write(Encoding.ASCII.GetBytes($"250 {(Tls is null ? "plain" : "tls")} echo: {line}\r\n"));
                return false;
        }
    }
}
