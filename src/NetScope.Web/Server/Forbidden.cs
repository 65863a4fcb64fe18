namespace NetScope.Web.Server;

/// <summary>The 403 page for a resource that exists but may not be read (twisted.web's <c>ForbiddenResource</c>).</summary>
public sealed class Forbidden : ErrorPage
{
    /// <summary>Creates a 403 page with its own explanation.</summary>
    /// <param name="detail">Why access is refused.</param>
    public Forbidden(string detail = "Sorry, resource is forbidden.")
        : base(403, "Forbidden Resource", detail)
    {
    }

    /// <summary>The shared default 403 page.</summary>
    public static Forbidden Instance { get; } = new();
}
