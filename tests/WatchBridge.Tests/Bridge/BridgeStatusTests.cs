using KubeBind.WatchBridge.Bridge;

namespace KubeBind.WatchBridge.Tests.Bridge;

public sealed class BridgeStatusTests
{
    [Theory]
    [InlineData(false, false, false, false)]
    [InlineData(true, false, false, true)]
    [InlineData(true, true, false, false)]
    [InlineData(true, true, true, true)]
    public void IsReady_HoldsForSyncedLeadersAndStandbys(bool standing, bool leader, bool synced, bool ready)
    {
        var status = new BridgeStatus("test") { IsStanding = standing, IsLeader = leader, IsSynced = synced };

        var isReady = status.IsReady;

        Assert.Equal(ready, isReady);
    }
}
