using System.Text;

namespace NetScope.Web.Server;

/// <summary>
/// What <see cref="Resource.Render"/> returns: the whole body of the response, which the server sends with a
/// <c>Content-Length</c> and then finishes the request, or <see cref="NotDoneYet"/>, which means the resource
/// writes the response itself and calls <see cref="Request.Finish"/> later (twisted.web's <c>NOT_DONE_YET</c>).
/// </summary>
public readonly struct RenderResult
{
    private RenderResult(ReadOnlyMemory<byte> body, bool notDoneYet)
    {
        Body = body;
        IsNotDoneYet = notDoneYet;
    }

    /// <summary>The resource answers later: it will write (or not) and call <see cref="Request.Finish"/> itself.</summary>
    public static RenderResult NotDoneYet { get; } = new(default, notDoneYet: true);

    /// <summary>The whole body (empty for a response without one); meaningless with <see cref="IsNotDoneYet"/>.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Whether the resource finishes the request itself.</summary>
    public bool IsNotDoneYet { get; }

    /// <summary>A complete body.</summary>
    /// <param name="body">The bytes to send; the server does not copy them before sending, so do not change them afterwards.</param>
    public static implicit operator RenderResult(byte[] body) => new(body ?? [], notDoneYet: false);

    /// <summary>A complete body.</summary>
    /// <param name="body">The bytes to send; do not change them afterwards.</param>
    public static implicit operator RenderResult(ReadOnlyMemory<byte> body) => new(body, notDoneYet: false);

    /// <summary>A complete body given as text, sent as UTF-8.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The result.</returns>
    public static RenderResult FromText(string text) => new(Encoding.UTF8.GetBytes(text ?? string.Empty), notDoneYet: false);

    /// <summary>A complete body (the named form of the implicit conversion).</summary>
    /// <param name="body">The bytes to send.</param>
    /// <returns>The result.</returns>
    public static RenderResult FromBytes(ReadOnlyMemory<byte> body) => new(body, notDoneYet: false);
}
