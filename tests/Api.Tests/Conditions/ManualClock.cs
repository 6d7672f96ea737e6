namespace KubeBind.Api.Tests.Conditions;

/// <summary>A clock that only moves when a test sets <see cref="Now"/>.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
