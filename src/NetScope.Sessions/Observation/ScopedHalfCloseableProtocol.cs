using NetScope.Core.Observation;
using NetScope.Core.Protocols;
using NetScope.Sessions.Workspaces;

namespace NetScope.Sessions.Observation;

/// <summary>A <see cref="ScopedProtocol"/> for a protocol that lives with half-closed connections.</summary>
internal sealed class ScopedHalfCloseableProtocol : ScopedProtocol, IHalfCloseableProtocol
{
    private readonly bool _record;

    public ScopedHalfCloseableProtocol(IProtocol inner, Session session, WrapOptions options)
        : base(inner, session, options)
    {
        _record = options.RecordTranscript;
    }

    /// <inheritdoc/>
    public void ReadConnectionLost()
    {
        using (ObservationScope.Enter(Session))
        {
            if (_record)
            {
                Session.Transcript.AddNote("peer finished sending");
            }

            ((IHalfCloseableProtocol)Inner).ReadConnectionLost();
        }
    }

    /// <inheritdoc/>
    public void WriteConnectionLost()
    {
        using (ObservationScope.Enter(Session))
        {
            if (_record)
            {
                Session.Transcript.AddNote("finished sending (half-close)");
            }

            ((IHalfCloseableProtocol)Inner).WriteConnectionLost();
        }
    }
}
