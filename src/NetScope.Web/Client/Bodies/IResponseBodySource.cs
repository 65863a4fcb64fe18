namespace NetScope.Web.Client.Bodies;

/// <summary>Where an <see cref="HttpResponse"/>'s body comes from: the connection, or another response being decoded.</summary>
internal interface IResponseBodySource
{
    /// <summary>Whether the response wants more data now (a consumer is attached and not paused).</summary>
    void SetReading(bool reading);

    /// <summary>The consumer gave up the body: stop it for good (the connection is aborted).</summary>
    void StopBody();
}
