namespace NetScope.Tui.Model;

/// <summary>Where and how to listen, as the dialog or <c>--listen</c> asked.</summary>
/// <param name="Kind">The listener kind's name.</param>
/// <param name="Host">The IP address to bind.</param>
/// <param name="Port">The port; 0 picks a free one.</param>
/// <param name="LineFraming">Line framing (for the kinds where it means something), raw otherwise.</param>
internal sealed record ListenRequest(string Kind, string Host, int Port, bool LineFraming);
