namespace NetScope.Web.Server.Listeners;

/// <summary>What a ready-made HTTP listener answers with.</summary>
public enum HttpListenerMode
{
    /// <summary>Serves a directory (<c>--root DIR</c>) with <see cref="Static.StaticFile"/>.</summary>
    Directory,

    /// <summary>Echoes every request (<c>--echo</c>) with <see cref="EchoResource"/>.</summary>
    Echo,

    /// <summary>Gives every request the same answer (<c>--status CODE</c>) with <see cref="FixedResource"/>.</summary>
    Status,
}
