namespace KubeBind.Functions.Tests.ExportRequests;

/// <summary>The system clock moved by a fixed offset, to make fresh objects look old.</summary>
internal sealed class ShiftedTimeProvider(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
