using NetScope.Core.Reactor;
using NetScope.Web.Server;
using NetScope.Web.Server.Listeners;
using NetScope.Web.Server.Static;
using NetScope.Web.Tests.Server.Support;

namespace NetScope.Web.Tests.Server.Interop;

/// <summary>The site real peers talk to: files, echo, a chunked stream, a slow and a fast answer.</summary>
internal static class InteropSite
{
    public static Site Build(IReactor reactor, StaticTree tree)
    {
        var root = new Resource();
        root.PutChild("", FixedResource.Text("root"));
        root.PutChild("files", new StaticFile(tree.Root));
        root.PutChild("echo", new EchoResource());
        root.PutChild("stream", new StreamingResource("chunk one, ", "chunk two"));
        root.PutChild("slow", new SlowResource());
        root.PutChild("fast", FixedResource.Text("fast"));
        return new Site(root, reactor);
    }

    /// <summary>Answers "slow" a third of a second later, on the reactor clock.</summary>
    private sealed class SlowResource : Resource
    {
        public override bool IsLeaf => true;

        protected override RenderResult RenderGet(Request request)
        {
            request.Site.Clock.CallLater(0.3, () =>
            {
                if (!request.IsDisconnected)
                {
                    request.Write("slow");
                    request.Finish();
                }
            });
            return RenderResult.NotDoneYet;
        }
    }
}
