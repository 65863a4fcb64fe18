using System.Text.RegularExpressions;
using NetScope.Sessions.Scripting;

namespace NetScope.Cli.Tls;

/// <summary>
/// <c>--starttls-after REGEX</c>: wait until the plaintext received matches, then upgrade the connection to
/// TLS in place and carry on with the next step over TLS. The stream client runs it between script segments.
/// </summary>
/// <param name="Pattern">What the plaintext exchange must show first (e.g. <c>^220 </c> after STARTTLS).</param>
/// <param name="TimeoutSeconds">How long to wait for it.</param>
internal sealed record StartTlsStep(Regex Pattern, double TimeoutSeconds) : ScriptStep
{
    /// <inheritdoc/>
    public override string Describe() => $"starttls after /{Pattern}/";
}
