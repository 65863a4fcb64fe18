using System.Diagnostics.CodeAnalysis;

namespace NetScope.Web.Http.Parsing;

/// <summary>
/// What a <see cref="MessageReader{THead}"/> needs from the parser of one kind of message (request or
/// response): how to parse its head, what its head means for the body, and where its events go.
/// </summary>
/// <typeparam name="THead">The parsed head.</typeparam>
internal interface IMessageSink<THead>
    where THead : class
{
    /// <summary>Parses a complete head section (start line and field lines, valid only during the call).</summary>
    bool TryParseHead(ReadOnlySpan<byte> section, [NotNullWhen(true)] out THead? head, out HttpParseErrorKind error);

    /// <summary>
    /// Starts the body the head announces (<see cref="MessageReader{THead}.StartBody"/>) and reports the head;
    /// a message without a body is complete at once.
    /// </summary>
    /// <returns>Whether to go on parsing.</returns>
    bool OnHead(THead head);

    /// <summary>A piece of the decoded body.</summary>
    void OnBody(ReadOnlySpan<byte> data);

    /// <summary>The trailer fields of a chunked body.</summary>
    void OnTrailers(HttpHeaders trailers);

    /// <summary>The message's body ended.</summary>
    /// <returns>Whether to go on parsing.</returns>
    bool OnComplete();

    /// <summary>The input was refused; nothing follows.</summary>
    void OnError(HttpParseError error);
}
