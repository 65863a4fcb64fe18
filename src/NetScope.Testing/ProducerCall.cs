namespace NetScope.Testing;

/// <summary>A call a test transport received in its role as a push producer.</summary>
public enum ProducerCall
{
    /// <summary><c>PauseProducing</c>.</summary>
    Pause,

    /// <summary><c>ResumeProducing</c>.</summary>
    Resume,

    /// <summary><c>StopProducing</c>.</summary>
    Stop,
}
