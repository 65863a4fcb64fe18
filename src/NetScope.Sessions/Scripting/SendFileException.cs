namespace NetScope.Sessions.Scripting;

/// <summary>A <c>send-file</c> step could not open or read its file; the inner exception says why.</summary>
public sealed class SendFileException : IOException
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public SendFileException(string path, Exception innerException)
        : base($"{path}: {innerException?.Message}", innerException)
    {
        Path = path;
    }

    /// <summary>The file the step was to send.</summary>
    public string Path { get; }
}
