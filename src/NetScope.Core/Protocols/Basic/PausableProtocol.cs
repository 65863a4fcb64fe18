using NetScope.Core.Transports;

namespace NetScope.Core.Protocols.Basic;

/// <summary>
/// A protocol that is a push producer of what it parses (Twisted's <c>_PauseableMixin</c>, shared by
/// <see cref="LineReceiver"/> and <see cref="IntNStringReceiver"/>): pausing stops delivery at once,
/// even of input already received, and pauses the transport; resuming delivers what was held.
/// </summary>
public abstract class PausableProtocol : Protocol, IPushProducer
{
    /// <summary><see langword="true"/> while paused: received input is held until <see cref="ResumeProducing"/>.</summary>
    public bool Paused { get; private set; }

    /// <summary>Stops delivering input (including what was already received) and pauses the transport.</summary>
    public virtual void PauseProducing()
    {
        Paused = true;
        if (Connected)
        {
            Transport.PauseProducing();
        }
    }

    /// <summary>Resumes the transport and delivers what was held while paused.</summary>
    public virtual void ResumeProducing()
    {
        Paused = false;
        if (Connected)
        {
            Transport.ResumeProducing();
        }

        DataReceived([]);
    }

    /// <summary>Stops delivering input for good and stops the transport.</summary>
    public virtual void StopProducing()
    {
        Paused = true;
        if (Connected)
        {
            Transport.StopProducing();
        }
    }
}
