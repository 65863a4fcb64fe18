namespace NetScope.Core.Tests.Tls;

/// <summary>Upper bounds that only stop a broken test from hanging; nothing waits for them to pass.</summary>
internal static class TestTimeouts
{
    public static readonly TimeSpan Operation = TimeSpan.FromSeconds(10);
}
