using KubeBind.Kubernetes.Queue;

namespace KubeBind.Kubernetes.Tests.Queue;

public sealed class RateLimiterTests
{
    [Fact]
    public void ItemExponentialFailure_DoublesPerFailure_AndRestartsAfterForget()
    {
        var limiter = new ItemExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000));

        var delays = Enumerable.Range(0, 5).Select(_ => limiter.NextDelay("ns/a").TotalMilliseconds).ToArray();
        var requeues = limiter.NumRequeues("ns/a");
        var other = limiter.NextDelay("ns/b");
        limiter.Forget("ns/a");

        Assert.Equal([5d, 10d, 20d, 40d, 80d], delays);
        Assert.Equal(5, requeues);
        Assert.Equal(TimeSpan.FromMilliseconds(5), other);
        Assert.Equal(0, limiter.NumRequeues("ns/a"));
        Assert.Equal(TimeSpan.FromMilliseconds(5), limiter.NextDelay("ns/a"));
    }

    [Fact]
    public void ItemExponentialFailure_StaysAtMaximum_AfterManyFailures()
    {
        var limiter = new ItemExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000));

        var delays = Enumerable.Range(0, 2000).Select(_ => limiter.NextDelay("ns/a")).ToArray();

        // 5 ms * 2^17 = 655 s is the last delay under the 1000 s cap.
        Assert.Equal(TimeSpan.FromMilliseconds(5 * 131072), delays[17]);
        Assert.All(delays[18..], d => Assert.Equal(TimeSpan.FromSeconds(1000), d));
    }

    [Fact]
    public void Bucket_AllowsBurst_ThenSpacesRetriesAtQps()
    {
        var clock = new ManualTimeProvider();
        var limiter = new BucketRateLimiter<string>(10, 100, clock);

        var burst = Enumerable.Range(0, 100).Select(i => limiter.NextDelay($"ns/{i}")).ToArray();
        var first = limiter.NextDelay("ns/x");
        var second = limiter.NextDelay("ns/y");
        clock.Advance(TimeSpan.FromSeconds(1));
        var refilled = Enumerable.Range(0, 8).Select(i => limiter.NextDelay($"ns/r{i}")).ToArray();
        var afterRefill = limiter.NextDelay("ns/z");

        Assert.All(burst, d => Assert.Equal(TimeSpan.Zero, d));
        AssertClose(TimeSpan.FromMilliseconds(100), first);
        AssertClose(TimeSpan.FromMilliseconds(200), second);
        Assert.All(refilled, d => Assert.Equal(TimeSpan.Zero, d));
        AssertClose(TimeSpan.FromMilliseconds(100), afterRefill);
        Assert.Equal(0, limiter.NumRequeues("ns/x"));
    }

    [Fact]
    public void DefaultController_TakesLongerOfBackoffAndBucket()
    {
        var clock = new ManualTimeProvider();
        var limiter = RateLimiters.DefaultController<string>(clock);

        var burst = Enumerable.Range(0, 100).Select(i => limiter.NextDelay($"ns/{i}")).ToArray();
        var bucketBound = limiter.NextDelay("ns/0");
        clock.Advance(TimeSpan.FromSeconds(100));
        limiter.NextDelay("ns/0");
        limiter.NextDelay("ns/0");
        var backoffBound = limiter.NextDelay("ns/0");
        var requeues = limiter.NumRequeues("ns/0");
        limiter.Forget("ns/0");

        Assert.All(burst, d => Assert.Equal(TimeSpan.FromMilliseconds(5), d));
        AssertClose(TimeSpan.FromMilliseconds(100), bucketBound);
        Assert.Equal(TimeSpan.FromMilliseconds(80), backoffBound);
        Assert.Equal(5, requeues);
        Assert.Equal(0, limiter.NumRequeues("ns/0"));
    }

    private static void AssertClose(TimeSpan expected, TimeSpan actual)
        => Assert.InRange(actual, expected - TimeSpan.FromMilliseconds(0.01), expected + TimeSpan.FromMilliseconds(0.01));
}
