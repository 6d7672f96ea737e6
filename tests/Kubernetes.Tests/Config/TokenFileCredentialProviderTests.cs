using KubeBind.Kubernetes.Config;

namespace KubeBind.Kubernetes.Tests.Config;

public sealed class TokenFileCredentialProviderTests
{
    [Fact]
    public async Task GetAsync_ReturnsTheNewToken_WhenTheFileIsRewritten()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("token", "first\n");
        File.SetLastWriteTimeUtc(path, new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var provider = new TokenFileCredentialProvider(path, new ManualTimeProvider(DateTimeOffset.UnixEpoch));
        var before = await provider.GetAsync(CancellationToken.None);

        File.WriteAllText(path, "second");
        File.SetLastWriteTimeUtc(path, new DateTime(2030, 1, 1, 0, 1, 0, DateTimeKind.Utc));
        var after = await provider.GetAsync(CancellationToken.None);

        Assert.Equal("first", before.Authorization!.Parameter);
        Assert.Equal("second", after.Authorization!.Parameter);
    }

    [Fact]
    public async Task GetAsync_RereadsAfterAMinute_WhenTheModificationTimeDidNotChange()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("token", "first");
        var stamp = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, stamp);
        var clock = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var provider = new TokenFileCredentialProvider(path, clock);
        await provider.GetAsync(CancellationToken.None);
        File.WriteAllText(path, "second");
        File.SetLastWriteTimeUtc(path, stamp);

        var cached = await provider.GetAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1));
        var reread = await provider.GetAsync(CancellationToken.None);

        Assert.Equal("first", cached.Authorization!.Parameter);
        Assert.Equal("second", reread.Authorization!.Parameter);
    }

    [Fact]
    public async Task GetAsync_KeepsTheLastToken_WhenTheFileIsBrieflyMissing()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("token", "first");
        var provider = new TokenFileCredentialProvider(path, new ManualTimeProvider(DateTimeOffset.UnixEpoch));
        await provider.GetAsync(CancellationToken.None);

        File.Delete(path);
        provider.Invalidate();
        var credential = await provider.GetAsync(CancellationToken.None);

        Assert.Equal("first", credential.Authorization!.Parameter);
    }
}
