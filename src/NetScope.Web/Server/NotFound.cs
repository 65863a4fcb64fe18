namespace NetScope.Web.Server;

/// <summary>The 404 page for a path with no resource (twisted.web's <c>NoResource</c>).</summary>
public sealed class NotFound : ErrorPage
{
    /// <summary>Creates a 404 page with its own explanation.</summary>
    /// <param name="detail">Why nothing was found.</param>
    public NotFound(string detail = "Sorry. No luck finding that resource.")
        : base(404, "No Such Resource", detail)
    {
    }

    /// <summary>The shared default 404 page.</summary>
    public static NotFound Instance { get; } = new();
}
