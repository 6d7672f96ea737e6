using KubeBind.Kubernetes.LeaderElection;

namespace KubeBind.Kubernetes.Tests.LeaderElection;

public sealed class LeaseObservationTests
{
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Fallback = TimeSpan.FromSeconds(15);

    [Fact]
    public void IsHeldByOther_IsTrue_UntilDurationPassesWithoutChange()
    {
        var observation = new LeaseObservation();
        var record = Record("other", 10, renewed: T0);

        observation.Observe(record, T0);
        observation.Observe(record, T0 + TimeSpan.FromSeconds(5));

        Assert.True(observation.IsHeldByOther("me", Fallback, T0 + TimeSpan.FromSeconds(9.9)));
        Assert.False(observation.IsHeldByOther("me", Fallback, T0 + TimeSpan.FromSeconds(10.1)));
    }

    [Fact]
    public void IsHeldByOther_RestartsClock_WhenRecordChanges()
    {
        var observation = new LeaseObservation();

        observation.Observe(Record("other", 10, renewed: T0), T0);
        observation.Observe(Record("other", 10, renewed: T0 + TimeSpan.FromSeconds(8)), T0 + TimeSpan.FromSeconds(8));

        Assert.True(observation.IsHeldByOther("me", Fallback, T0 + TimeSpan.FromSeconds(17)));
    }

    [Fact]
    public void IsHeldByOther_IgnoresHoldersClock_WhenItIsSkewed()
    {
        var observation = new LeaseObservation();

        // The holder's clock is an hour behind: its renewTime alone would look long expired.
        observation.Observe(Record("other", 10, renewed: T0 - TimeSpan.FromHours(1)), T0);

        Assert.True(observation.IsHeldByOther("me", Fallback, T0 + TimeSpan.FromSeconds(1)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("me")]
    public void IsHeldByOther_IsFalse_WhenNobodyElseHoldsIt(string? holder)
    {
        var observation = new LeaseObservation();

        observation.Observe(Record(holder, 10, renewed: T0), T0);

        Assert.False(observation.IsHeldByOther("me", Fallback, T0));
    }

    [Fact]
    public void IsHeldByOther_UsesOwnDuration_WhenRecordHasNone()
    {
        var observation = new LeaseObservation();

        observation.Observe(Record("other", 0, renewed: T0), T0);

        Assert.True(observation.IsHeldByOther("me", Fallback, T0 + TimeSpan.FromSeconds(14)));
        Assert.False(observation.IsHeldByOther("me", Fallback, T0 + TimeSpan.FromSeconds(16)));
    }

    private static LeaderElectionRecord Record(string? holder, int seconds, DateTimeOffset renewed) => new(holder, seconds, renewed, renewed, 0);
}
