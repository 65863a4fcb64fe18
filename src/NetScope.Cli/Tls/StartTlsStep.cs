using System.Text.RegularExpressions;
using NetScope.Sessions.Scripting;

namespace NetScope.Cli.Tls;

/// <summary>
/// <c>--starttls-after REGEX</c>: wait until the plaintext received matches, then upgrade the connection to
/// TLS in place and carry on with the next step over TLS. The stream client runs it between script segments.
/// </summary>
/// <remarks>
/// It matches as <c>--expect</c> does (<c>^</c> at a line start): in
/// <c>--expect '^220 ' --send 'STARTTLS\r\n' --starttls-after '^220 '</c> the first expect takes the
/// greeting's line and the STARTTLS step waits for the server's answer on a later line. Plaintext that
/// arrived after the answer is discarded at the upgrade, so that nothing sent before TLS can satisfy a
/// step that runs over it.
/// </remarks>
/// <param name="Pattern">What the plaintext exchange must show first (e.g. <c>^220 </c> after STARTTLS).</param>
/// <param name="TimeoutSeconds">How long to wait for it.</param>
internal sealed record StartTlsStep(Regex Pattern, double TimeoutSeconds) : ScriptStep
{
    /// <summary>How failure messages name this step.</summary>
    public const string Name = "--starttls-after";

    /// <summary>Whether the match consumes through the end of its line, as an <see cref="ExpectStep"/>'s does.</summary>
    public bool ThroughLineEnd { get; init; }

    /// <summary>The pattern as the user wrote it, when <see cref="Pattern"/> is a rewrite of it; shown in messages.</summary>
    public string? Source { get; init; }

    /// <inheritdoc/>
    public override string Describe() => $"{Name} /{Source ?? Pattern.ToString()}/";
}
