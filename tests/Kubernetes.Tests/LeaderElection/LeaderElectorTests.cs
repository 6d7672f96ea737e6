using System.Diagnostics;
using KubeBind.Kubernetes.Models;
using KubeBind.Kubernetes.Rest;
using KubeBind.Testing;

namespace KubeBind.Kubernetes.Tests.LeaderElection;

[Collection(ClientCollection.Name)]
public sealed class LeaderElectorTests(ClientFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task RunAsync_LeadsAndWritesLease_WhenLeaseIsMissing()
    {
        var ns = await fixture.Cluster.CreateNamespaceAsync("leader");
        await using var a = new Candidate(fixture.Client, ns, "bridge", "a");

        await a.Started.Task.WaitAsync(Deadline);
        var lease = await Leases().GetAsync("bridge", ns);

        Assert.True(a.Elector.IsLeader);
        Assert.Equal("a", a.Elector.CurrentLeader);
        Assert.Equal("a", lease.Spec!.HolderIdentity);
        Assert.Equal(2, lease.Spec.LeaseDurationSeconds);
        Assert.Equal(0, lease.Spec.LeaseTransitions);
        Assert.NotNull(lease.Spec.AcquireTime);
        Assert.NotNull(lease.Spec.RenewTime);
        await WaitFor.ConditionAsync(
            async () => (await Leases().GetAsync("bridge", ns)).Spec!.RenewTime > lease.Spec.RenewTime,
            "the leader to renew the lease");
    }

    [Fact]
    public async Task RunAsync_SecondTakesOverPromptly_WhenFirstReleasesOnCancel()
    {
        var ns = await fixture.Cluster.CreateNamespaceAsync("leader");
        // A lease far longer than the wait below: only the release can explain a takeover in time.
        var leaseDuration = TimeSpan.FromSeconds(30);
        await using var a = new Candidate(fixture.Client, ns, "bridge", "a", releaseOnCancel: true, leaseDuration);
        await a.Started.Task.WaitAsync(Deadline);
        await using var b = new Candidate(fixture.Client, ns, "bridge", "b", releaseOnCancel: true, leaseDuration);
        await b.LeaderSeen("a").Task.WaitAsync(Deadline);

        Assert.False(b.Elector.IsLeader);
        Assert.False(b.Started.Task.IsCompleted);
        var clock = Stopwatch.StartNew();
        await a.StopAsync();
        await b.Started.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var lease = await Leases().GetAsync("bridge", ns);

        Assert.True(clock.Elapsed < leaseDuration / 2, $"took over after {clock.Elapsed}");
        Assert.True(a.Stopped.Task.IsCompletedSuccessfully);
        Assert.True(a.LeadingToken.IsCancellationRequested);
        Assert.False(a.Elector.IsLeader);
        Assert.True(b.Elector.IsLeader);
        Assert.Equal("b", lease.Spec!.HolderIdentity);
        Assert.Equal(1, lease.Spec.LeaseTransitions);
    }

    [Fact]
    public async Task RunAsync_TakesOverLease_WhenDeadHolderLetsItExpire()
    {
        var ns = await fixture.Cluster.CreateNamespaceAsync("leader");
        var now = DateTimeOffset.UtcNow;
        await Leases().CreateAsync(new Lease
        {
            Metadata = new ObjectMeta { Name = "bridge" },
            Spec = new LeaseSpec { HolderIdentity = "dead", LeaseDurationSeconds = 2, AcquireTime = now, RenewTime = now, LeaseTransitions = 4 },
        }, ns);

        var clock = Stopwatch.StartNew();
        await using var b = new Candidate(fixture.Client, ns, "bridge", "b");
        await b.LeaderSeen("dead").Task.WaitAsync(Deadline);
        await b.Started.Task.WaitAsync(Deadline);
        var lease = await Leases().GetAsync("bridge", ns);

        // Expiry counts from when b first saw the record, by b's clock: never sooner than the holder's duration.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.9), $"took over after {clock.Elapsed}");
        Assert.Equal("b", lease.Spec!.HolderIdentity);
        Assert.Equal(5, lease.Spec.LeaseTransitions);
    }

    [Fact]
    public async Task RunAsync_StopsLeadingWithinRenewDeadline_WhenLeaseIsStolen()
    {
        var ns = await fixture.Cluster.CreateNamespaceAsync("leader");
        await using var a = new Candidate(fixture.Client, ns, "bridge", "a", releaseOnCancel: true);
        await a.Started.Task.WaitAsync(Deadline);

        await WaitFor.ConditionAsync(
            async () =>
            {
                var lease = await Leases().GetAsync("bridge", ns);
                var now = DateTimeOffset.UtcNow;
                try
                {
                    await Leases().UpdateAsync(lease with { Spec = lease.Spec! with { HolderIdentity = "thief", AcquireTime = now, RenewTime = now } });
                    return true;
                }
                catch (KubernetesApiException e) when (e.IsConflict)
                {
                    return false; // the leader renewed in between: steal again
                }
            },
            "the lease to be stolen");
        var clock = Stopwatch.StartNew();
        await a.Stopped.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await a.Run.WaitAsync(Deadline);
        var after = await Leases().GetAsync("bridge", ns);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5) + TimeSpan.FromSeconds(0.5), $"stopped after {clock.Elapsed}");
        Assert.True(a.LeadingToken.IsCancellationRequested);
        Assert.False(a.Elector.IsLeader);
        Assert.Equal("thief", a.Elector.CurrentLeader);
        Assert.Equal("thief", after.Spec!.HolderIdentity); // a lost lease is not released
    }

    [Fact]
    public async Task RunAsync_StopsLeadingWithinRenewDeadline_WhenApiServerIsUnreachable()
    {
        var ns = await fixture.Cluster.CreateNamespaceAsync("leader");
        var configuration = fixture.Configuration();
        using var partition = new PartitionHandler(configuration.CreateHandler());
        using var client = new KubernetesClient(configuration, new KubernetesClientOptions { MessageHandler = partition });
        await using var a = new Candidate(client, ns, "bridge", "a", releaseOnCancel: true);
        await a.Started.Task.WaitAsync(Deadline);

        partition.Partitioned = true;
        var clock = Stopwatch.StartNew();
        await a.Stopped.Task.WaitAsync(Deadline);
        await a.Run.WaitAsync(Deadline);

        // RenewDeadline is 1.5 s; the last renewal came at most one RetryPeriod (0.2 s) before the partition.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5) + TimeSpan.FromSeconds(0.5), $"stopped after {clock.Elapsed}");
        Assert.True(a.LeadingToken.IsCancellationRequested);
        Assert.False(a.Elector.IsLeader);
    }

    private ResourceClient<Lease> Leases() => fixture.Client.Resource(Lease.Resource, KubernetesJsonContext.Default.Lease);
}
