using System.Collections.Concurrent;
using System.Reflection;
using NetScope.Web.Http;

namespace NetScope.Web.Server;

/// <summary>
/// A node of the URL tree a <see cref="Site"/> serves (twisted.web's <c>Resource</c>): it has named children,
/// finds the child for the next path segment, and renders requests that end at it.
/// </summary>
/// <remarks>
/// <para>The site walks the tree one segment at a time (<see cref="GetChildForRequest"/>): each segment moves
/// from <see cref="Request.Postpath"/> to <see cref="Request.Prepath"/> and <see cref="GetChildWithDefault"/>
/// picks the next resource, until the path is used up or a resource says it <see cref="IsLeaf"/> (it then
/// handles the rest of the path itself). As in twisted.web, <c>/</c> is the segment <c>""</c>: a plain
/// resource needs <c>PutChild("", ...)</c> to answer at its own trailing slash.</para>
/// <para><see cref="Render"/> calls <see cref="RenderGet"/>, <see cref="RenderPost"/>, ... by method; a method
/// whose <c>RenderX</c> is not overridden is answered with 405 (and 501 for a method HTTP does not define).
/// HEAD renders like GET without sending the body.</para>
/// <para>All members are called on the reactor thread.</para>
/// </remarks>
public class Resource
{
    private static readonly ConcurrentDictionary<Type, string[]> AllowedByType = new();
    private static readonly ConcurrentDictionary<Type, bool> RenderOverriddenByType = new();

    private static readonly (string Method, string RenderMethod)[] Dispatch =
    [
        (HttpMethods.Get, nameof(RenderGet)),
        (HttpMethods.Post, nameof(RenderPost)),
        (HttpMethods.Put, nameof(RenderPut)),
        (HttpMethods.Delete, nameof(RenderDelete)),
        (HttpMethods.Patch, nameof(RenderPatch)),
        (HttpMethods.Options, nameof(RenderOptions)),
    ];

    private Dictionary<string, Resource>? _children;

    /// <summary>
    /// Whether this resource handles the rest of the path itself (with <see cref="Request.Postpath"/>), so the
    /// walk down the tree stops here. <remarks>Defaults to <see langword="false"/>.</remarks>
    /// </summary>
    public virtual bool IsLeaf => false;

    /// <summary>The children added with <see cref="PutChild"/>, by segment.</summary>
    public IReadOnlyDictionary<string, Resource> Children =>
        (IReadOnlyDictionary<string, Resource>?)_children ?? new Dictionary<string, Resource>();

    /// <summary>
    /// The methods this resource renders: those whose <c>RenderX</c> method is overridden, plus HEAD with GET.
    /// Listed in the <c>Allow</c> header of a 405 answer.
    /// </summary>
    public virtual IReadOnlyList<string> AllowedMethods => AllowedByType.GetOrAdd(GetType(), FindAllowedMethods);

    /// <summary>Walks from <paramref name="resource"/> down the tree along the request's <see cref="Request.Postpath"/>.</summary>
    /// <param name="resource">Where to start (a site's root).</param>
    /// <param name="request">The request; its prepath and postpath move as segments are used.</param>
    /// <returns>The resource that renders the request.</returns>
    public static Resource GetChildForRequest(Resource resource, Request request)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(request);

        // Checked before touching Postpath, so a leaf root never splits the path at all.
        while (!resource.IsLeaf && request.Postpath.Count > 0)
        {
            var segment = request.Postpath[0];
            request.Postpath.RemoveAt(0);
            request.Prepath.Add(segment);
            resource = resource.GetChildWithDefault(segment, request);
        }

        return resource;
    }

    /// <summary>Adds a static child: requests whose next segment is <paramref name="path"/> go to <paramref name="child"/>.</summary>
    /// <param name="path">One decoded segment (<c>""</c> for the trailing slash).</param>
    /// <param name="child">The child.</param>
    public void PutChild(string path, Resource child)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(child);
        (_children ??= new Dictionary<string, Resource>(StringComparer.Ordinal))[path] = child;
    }

    /// <summary>The child added for <paramref name="path"/>, else whatever <see cref="GetChild"/> makes of it.</summary>
    /// <param name="path">The decoded segment.</param>
    /// <param name="request">The request being routed.</param>
    /// <returns>The next resource.</returns>
    public Resource GetChildWithDefault(string path, Request request) =>
        _children is not null && _children.TryGetValue(path, out var child) ? child : GetChild(path, request);

    /// <summary>
    /// Makes the child for a segment that has no static child (a dynamic child). The default answers 404.
    /// </summary>
    /// <param name="path">The decoded segment.</param>
    /// <param name="request">The request being routed.</param>
    /// <returns>The next resource.</returns>
    public virtual Resource GetChild(string path, Request request) => NotFound.Instance;

    /// <summary>
    /// Whether the body of a request that sent <c>Expect: 100-continue</c> is wanted: when not, the server
    /// answers at once (without <c>100 Continue</c>) and closes the connection after that answer. The default
    /// wants it when the resource renders the method (or overrides <see cref="Render"/>).
    /// </summary>
    /// <param name="request">The request; its head is known, its body is not.</param>
    /// <returns><see langword="true"/> to send <c>100 Continue</c> and read the body.</returns>
    public virtual bool WantsBody(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (RenderOverriddenByType.GetOrAdd(GetType(), IsRenderOverridden))
        {
            return true;
        }

        foreach (var method in AllowedMethods)
        {
            if (string.Equals(method, request.Method, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Renders a request that ended at this resource: returns the whole body, or
    /// <see cref="RenderResult.NotDoneYet"/> after arranging to write and finish later.
    /// </summary>
    /// <param name="request">The request; set its status and headers before returning or writing.</param>
    /// <returns>The body, or <see cref="RenderResult.NotDoneYet"/>.</returns>
    /// <exception cref="UnsupportedMethodException">The resource does not render the method.</exception>
    public virtual RenderResult Render(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Method switch
        {
            HttpMethods.Get => RenderGet(request),
            HttpMethods.Head => RenderHead(request),
            HttpMethods.Post => RenderPost(request),
            HttpMethods.Put => RenderPut(request),
            HttpMethods.Delete => RenderDelete(request),
            HttpMethods.Patch => RenderPatch(request),
            HttpMethods.Options => RenderOptions(request),
            _ => throw Unsupported(),
        };
    }

    /// <summary>Renders GET. Not overridden: 405.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The body, or <see cref="RenderResult.NotDoneYet"/>.</returns>
    protected virtual RenderResult RenderGet(Request request) => throw Unsupported();

    /// <summary>Renders HEAD. Not overridden: renders GET, and the server sends its head without the body.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The body (only its length is used), or <see cref="RenderResult.NotDoneYet"/>.</returns>
    protected virtual RenderResult RenderHead(Request request) => RenderGet(request);

    /// <summary>Renders POST. Not overridden: 405.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The body, or <see cref="RenderResult.NotDoneYet"/>.</returns>
    protected virtual RenderResult RenderPost(Request request) => throw Unsupported();

    /// <summary>Renders PUT. Not overridden: 405.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The body, or <see cref="RenderResult.NotDoneYet"/>.</returns>
    protected virtual RenderResult RenderPut(Request request) => throw Unsupported();

    /// <summary>Renders DELETE. Not overridden: 405.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The body, or <see cref="RenderResult.NotDoneYet"/>.</returns>
    protected virtual RenderResult RenderDelete(Request request) => throw Unsupported();

    /// <summary>Renders PATCH. Not overridden: 405.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The body, or <see cref="RenderResult.NotDoneYet"/>.</returns>
    protected virtual RenderResult RenderPatch(Request request) => throw Unsupported();

    /// <summary>Renders OPTIONS. Not overridden: 405.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The body, or <see cref="RenderResult.NotDoneYet"/>.</returns>
    protected virtual RenderResult RenderOptions(Request request) => throw Unsupported();

    /// <summary>The exception for a method this resource does not render, listing <see cref="AllowedMethods"/>.</summary>
    /// <returns>The exception to throw.</returns>
    protected UnsupportedMethodException Unsupported() => new(AllowedMethods);

    private static string[] FindAllowedMethods(Type type)
    {
        var allowed = new List<string>();
        foreach (var (method, renderMethod) in Dispatch)
        {
            if (IsOverridden(type, renderMethod))
            {
                allowed.Add(method);
                if (method == HttpMethods.Get)
                {
                    allowed.Add(HttpMethods.Head);
                }
            }
        }

        return [.. allowed];
    }

    private static bool IsRenderOverridden(Type type) => IsOverridden(type, nameof(Render));

    private static bool IsOverridden(Type type, string name)
    {
        var method = type.GetMethod(
            name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null, [typeof(Request)], null);
        return method is not null && method.GetBaseDefinition().DeclaringType == typeof(Resource) && method.DeclaringType != typeof(Resource);
    }
}
