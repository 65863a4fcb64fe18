using System.Buffers;
using System.Text;
using NetScope.Core.Defer;
using NetScope.Core.Protocols.Basic;

namespace NetScope.Core.Protocols.Classic;

/// <summary>
/// A member of a <see cref="ChatFactory"/> room. What it does depends on the room's mode.
/// </summary>
/// <remarks>
/// <para>
/// <b>Line mode</b> (the default): lines end with LF (a CR before it is dropped) and are
/// relayed to every other member as <c>&lt;name&gt; text</c>, each followed by CR LF. A
/// member's name is its address (<c>127.0.0.1:50123</c>) until it picks a nick with
/// <c>/nick NAME</c> (1 to 32 characters, no spaces, not already in use, case-insensitively).
/// <c>/who</c> lists the room to the sender and <c>/quit</c> leaves. The room announces
/// arrivals (<c>* name joined</c>), departures (<c>* name left</c>) and nick changes
/// (<c>* old is now new</c>); a newcomer is greeted with its name and who is there. Any other
/// line, including one starting with another '/', is a message.
/// </para>
/// <para>
/// <b>Raw mode</b>: the room is a relay: every chunk one member sends goes to all the others
/// unchanged, with nothing added (no names, no announcements), so binary streams pass intact.
/// </para>
/// </remarks>
public class ChatProtocol : LineReceiver
{
    /// <summary>The longest nick, in characters.</summary>
    public const int MaxNickLength = 32;

    private static readonly byte[] Lf = "\n"u8.ToArray();
    private static readonly byte[] CrLf = "\r\n"u8.ToArray();

    private readonly ChatFactory _room;

    /// <summary>Creates a member of <paramref name="room"/>.</summary>
    public ChatProtocol(ChatFactory room)
    {
        _room = room ?? throw new ArgumentNullException(nameof(room));
        Factory = room;
        Delimiter = Lf;
        MaxLength = room.MaxLineLength;
    }

    /// <summary>The member's name: its peer address until it picks a nick.</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary>Joins the room and, in line mode, greets the member and announces it.</summary>
    public override void ConnectionMade()
    {
        Name = Transport.GetPeer().ToString() ?? "?";
        if (_room.Mode == FramingMode.Raw)
        {
            SetRawMode();
            _room.Join(this);
            return;
        }

        var others = _room.Members.Select(m => m.Name).ToList();
        _room.Join(this);
        var here = others.Count == 0 ? "nobody else is here" : $"here: {string.Join(", ", others)}";
        SendText($"* welcome, you are {Name}; {here}. Commands: /nick NAME, /who, /quit");
        Announce($"* {Name} joined");
    }

    /// <summary>Leaves the room and, in line mode, announces it.</summary>
    public override void ConnectionLost(Failure reason)
    {
        _room.Leave(this);
        if (_room.Mode == FramingMode.Line)
        {
            Announce($"* {Name} left");
        }
    }

    /// <summary>Writes <paramref name="text"/> and CR LF to this member.</summary>
    public void SendText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Transport.Write(Encoding.UTF8.GetBytes(text + "\r\n"));
    }

    /// <summary>Handles a command or relays the line to the others.</summary>
    protected override void LineReceived(ReadOnlySpan<byte> line)
    {
        if (line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        if (line.StartsWith("/nick "u8))
        {
            ChangeNick(Encoding.UTF8.GetString(line["/nick "u8.Length..]).Trim());
        }
        else if (line.SequenceEqual("/who"u8))
        {
            SendText($"* here: {string.Join(", ", _room.Members.Select(m => m.Name))}");
        }
        else if (line.SequenceEqual("/quit"u8))
        {
            Transport.LoseConnection();
        }
        else
        {
            Relay(line);
        }
    }

    /// <summary>Relays a raw chunk to the others, unchanged.</summary>
    protected override void RawDataReceived(ReadOnlySpan<byte> data) => _room.Broadcast(this, data);

    private void Relay(ReadOnlySpan<byte> line)
    {
        var name = Encoding.UTF8.GetBytes(Name);
        var length = name.Length + 3 + line.Length + CrLf.Length;
        var message = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var span = message.AsSpan(0, length);
            span[0] = (byte)'<';
            name.CopyTo(span[1..]);
            "> "u8.CopyTo(span[(1 + name.Length)..]);
            line.CopyTo(span[(3 + name.Length)..]);
            CrLf.CopyTo(span[(3 + name.Length + line.Length)..]);
            _room.Broadcast(this, span);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(message);
        }
    }

    private void ChangeNick(string nick)
    {
        if (nick.Length is 0 or > MaxNickLength || nick.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            SendText($"* invalid nick: use 1 to {MaxNickLength} characters without spaces");
            return;
        }

        if (_room.IsNameTaken(nick, except: this))
        {
            SendText($"* {nick} is taken");
            return;
        }

        var old = Name;
        Name = nick;
        var notice = $"* {old} is now {nick}";
        SendText(notice);
        Announce(notice);
    }

    private void Announce(string text) => _room.Broadcast(this, Encoding.UTF8.GetBytes(text + "\r\n"));
}
