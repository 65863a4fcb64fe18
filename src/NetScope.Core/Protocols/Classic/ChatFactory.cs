using System.Net;
using NetScope.Core.Protocols.Basic;

namespace NetScope.Core.Protocols.Classic;

/// <summary>
/// A chat room: builds a <see cref="ChatProtocol"/> per connection and relays what each member
/// sends to all the others (see <see cref="ChatProtocol"/> for what each mode does).
/// </summary>
/// <example><code>reactor.ListenTcp(6667, new ChatFactory());</code></example>
public class ChatFactory : Factory
{
    private readonly List<ChatProtocol> _members = [];

    /// <summary>Creates an empty room.</summary>
    /// <param name="mode">Line mode (named members, announcements, commands) or raw mode (a silent byte relay).</param>
    /// <param name="maxLineLength">The longest line a member may send in line mode; a longer one drops that member.</param>
    public ChatFactory(FramingMode mode = FramingMode.Line, int maxLineLength = LineReceiver.DefaultMaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLineLength);
        Mode = mode;
        MaxLineLength = maxLineLength;
    }

    /// <summary>How the room relays.</summary>
    public FramingMode Mode { get; }

    /// <summary>The longest line accepted in line mode.</summary>
    public int MaxLineLength { get; }

    /// <summary>The members connected now, in the order they joined.</summary>
    public IReadOnlyList<ChatProtocol> Members => _members;

    /// <inheritdoc/>
    public override IProtocol? BuildProtocol(EndPoint address) => new ChatProtocol(this);

    /// <summary>Whether a member other than <paramref name="except"/> goes by <paramref name="name"/> (names compare case-insensitively).</summary>
    public bool IsNameTaken(string name, ChatProtocol? except = null) =>
        _members.Exists(m => m != except && string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Writes <paramref name="data"/> to every member but <paramref name="from"/>.</summary>
    public void Broadcast(ChatProtocol? from, ReadOnlySpan<byte> data)
    {
        foreach (var member in _members)
        {
            if (member != from)
            {
                member.Transport.Write(data);
            }
        }
    }

    internal void Join(ChatProtocol member) => _members.Add(member);

    internal void Leave(ChatProtocol member) => _members.Remove(member);
}
