namespace NetScope.Core.Protocols;

/// <summary>
/// A protocol that can live with a half-open connection (Twisted's <c>IHalfCloseableProtocol</c>):
/// instead of losing the whole connection when one direction closes, it is told which one did.
/// </summary>
public interface IHalfCloseableProtocol
{
    /// <summary>The peer finished sending (FIN received). This side may still write; call <c>LoseConnection</c> when done.</summary>
    void ReadConnectionLost();

    /// <summary>This side's write direction is closed (after <c>LoseWriteConnection</c>); data may still arrive.</summary>
    void WriteConnectionLost();
}
