using System.Net;
using System.Text;
using NetScope.Core.Tls;
using NetScope.Core.Transports;
using NetScope.Web.Client;
using NetScope.Web.Http;

namespace NetScope.Cli.Http;

/// <summary>
/// What -v and -i show of each exchange: with -v the connection and both heads on stderr as they happen
/// (<c>&gt;</c> sent, <c>&lt;</c> received, <c>*</c> events, as curl does); with -i the response heads, kept to
/// be written before the body once the outcome is known.
/// </summary>
internal sealed class HeadPrinter : IHttpExchangeObserver
{
    private readonly TextWriter _error;
    private readonly bool _verbose;
    private readonly bool _keepHeads;
    private readonly List<string> _heads = [];

    public HeadPrinter(TextWriter error, bool verbose, bool keepHeads)
    {
        _error = error;
        _verbose = verbose;
        _keepHeads = keepHeads;
    }

    /// <summary>Every response head received (interim ones too), as sent on the wire: status line, fields, empty line, CRLFs.</summary>
    public IReadOnlyList<string> Heads => _heads;

    public void ConnectionReady(ITransport transport, bool reused)
    {
        if (!_verbose)
        {
            return;
        }

        _error.WriteLine(reused ? $"* reusing the connection to {Describe(transport.GetPeer())}" : $"* connected to {Describe(transport.GetPeer())}");
        if (!reused && transport is ITlsUpgradable { Tls.Session: { } session })
        {
            var verification = session.Verification;
            _error.WriteLine($"* {session.ProtocolName} {session.CipherSuite}, ALPN {session.ApplicationProtocol ?? "none"}, server name {session.ServerName ?? "(none)"}");
            _error.WriteLine($"* certificate: {session.PeerCertificates.FirstOrDefault()?.Subject ?? "none"}; {(verification.IsTrusted ? "verified" : $"NOT verified ({verification.Reason})")}");
        }
    }

    public void PhaseReached(HttpPhase phase, double secondsSinceStart)
    {
    }

    public void RequestHeadSent(ReadOnlySpan<byte> head)
    {
        if (!_verbose)
        {
            return;
        }

        foreach (var line in Encoding.Latin1.GetString(head).Split("\r\n")[..^1])
        {
            _error.WriteLine(line.Length == 0 ? ">" : "> " + line);
        }
    }

    public void RequestBodySent(ReadOnlySpan<byte> data)
    {
    }

    public void ResponseDataReceived(ReadOnlySpan<byte> data)
    {
    }

    public void ResponseHeadReceived(HttpResponseHead head)
    {
        if (_keepHeads)
        {
            _heads.Add(Format(head));
        }

        if (_verbose)
        {
            _error.WriteLine("< " + head);
            foreach (var header in head.Headers)
            {
                _error.WriteLine($"< {header.Name}: {header.Value}");
            }

            _error.WriteLine("<");
        }
    }

    public void Finished(Exception? error)
    {
        if (_verbose && error is not null)
        {
            _error.WriteLine($"* failed: {CliErrors.OneLine(error.Message)}");
        }
    }

    private static string Format(HttpResponseHead head)
    {
        var text = new StringBuilder(head.ToString().TrimEnd()).Append("\r\n");
        foreach (var header in head.Headers)
        {
            text.Append(header.Name).Append(": ").Append(header.Value).Append("\r\n");
        }

        return text.Append("\r\n").ToString();
    }

    private static string Describe(EndPoint endPoint) => endPoint switch
    {
        IPEndPoint { Address.AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } ip => $"[{ip.Address}]:{ip.Port}",
        IPEndPoint ip => $"{ip.Address}:{ip.Port}",
        _ => endPoint.ToString() ?? "?",
    };
}
