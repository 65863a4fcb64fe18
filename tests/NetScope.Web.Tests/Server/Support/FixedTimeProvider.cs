namespace NetScope.Web.Tests.Server.Support;

/// <summary>A wall clock that says what the test tells it to.</summary>
internal sealed class FixedTimeProvider : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2024, 5, 17, 12, 34, 56, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}
