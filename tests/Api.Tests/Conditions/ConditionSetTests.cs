using KubeBind.Api.Conditions;

namespace KubeBind.Api.Tests.Conditions;

public sealed class ConditionSetTests
{
    private static readonly DateTimeOffset Start = new(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, Condition> ChangedStates => new()
    {
        { "status", Condition.True("SecretValid") },
        { "reason", Condition.False("SecretValid", "ProviderSecretInvalid", ConditionSeverity.Warning, "missing key") },
        { "severity", Condition.False("SecretValid", "ProviderSecretNotFound", ConditionSeverity.Error, "missing key") },
        { "message", Condition.False("SecretValid", "ProviderSecretNotFound", ConditionSeverity.Warning, "another message") },
    };

    // Pairs of every two priority levels: the first wins the Ready summary whatever the order or the type names.
    public static TheoryData<Condition, Condition, Condition> SummaryPairs
    {
        get
        {
            Condition[] byPriority =
            [
                Condition.False("A", "Broken", ConditionSeverity.Error, "error"),
                Condition.False("A", "Degraded", ConditionSeverity.Warning, "warning"),
                Condition.False("A", "Waiting", ConditionSeverity.Info, "info"),
                Condition.True("A"),
                Condition.Unknown("A", "NotYet", "unknown"),
            ];
            var data = new TheoryData<Condition, Condition, Condition>();
            for (var i = 0; i < byPriority.Length; i++)
            {
                for (var j = i + 1; j < byPriority.Length; j++)
                {
                    var winner = byPriority[i] with { Type = "Zeta" };
                    var loser = byPriority[j] with { Type = "Alpha" };
                    var ready = winner with { Type = ConditionType.Ready };
                    data.Add(winner, loser, ready);
                    data.Add(loser, winner, ready);
                }
            }

            return data;
        }
    }

    [Fact]
    public void Set_StampsNowTruncatedToSeconds_WhenConditionIsNew()
    {
        var clock = new ManualClock(Start.AddMilliseconds(987.6543));

        var conditions = Array.Empty<Condition>().MarkTrue("SecretValid", clock);

        Assert.Equal(Start, conditions.Get("SecretValid")!.LastTransitionTime);
        Assert.Equal(TimeSpan.Zero, conditions.Get("SecretValid")!.LastTransitionTime!.Value.Offset);
    }

    [Fact]
    public void Set_StampsUtc_WhenClockHasAnOffset()
    {
        var clock = new ManualClock(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.FromHours(2)));

        var conditions = Array.Empty<Condition>().MarkTrue("SecretValid", clock);

        Assert.Equal(TimeSpan.Zero, conditions[0].LastTransitionTime!.Value.Offset);
        Assert.Equal(Start, conditions[0].LastTransitionTime);
    }

    [Fact]
    public void Set_KeepsGivenTime_WhenNewConditionAlreadyHasOne()
    {
        var given = Start.AddDays(-1);
        var clock = new ManualClock(Start);

        var conditions = Array.Empty<Condition>().Set(Condition.True("A") with { LastTransitionTime = given }, clock);

        Assert.Equal(given, conditions[0].LastTransitionTime);
    }

    [Fact]
    public void Set_KeepsTransitionTime_WhenStateIsUnchanged()
    {
        var clock = new ManualClock(Start);
        var conditions = Array.Empty<Condition>()
            .MarkFalse("SecretValid", "ProviderSecretNotFound", ConditionSeverity.Warning, "missing key", clock);
        clock.Now = Start.AddMinutes(5);

        var again = conditions.MarkFalse("SecretValid", "ProviderSecretNotFound", ConditionSeverity.Warning, "missing key", clock);

        Assert.Equal(Start, again.Get("SecretValid")!.LastTransitionTime);
    }

    [Theory]
    [MemberData(nameof(ChangedStates))]
    public void Set_StampsNewTransitionTime_WhenStateChanges(string changed, Condition next)
    {
        var clock = new ManualClock(Start);
        var conditions = Array.Empty<Condition>()
            .MarkFalse("SecretValid", "ProviderSecretNotFound", ConditionSeverity.Warning, "missing key", clock);
        clock.Now = Start.AddMinutes(5);

        var updated = conditions.Set(next, clock);

        Assert.True(Start.AddMinutes(5) == updated.Get("SecretValid")!.LastTransitionTime, $"{changed} changed");
        Assert.Single(updated);
    }

    [Fact]
    public void Set_LeavesInputUntouched_WhenReplacingACondition()
    {
        var clock = new ManualClock(Start);
        var conditions = Array.Empty<Condition>().MarkTrue("A", clock);

        _ = conditions.MarkUnknown("A", "Gone", "gone", clock);

        Assert.True(conditions.IsTrue("A"));
    }

    [Fact]
    public void Set_SortsReadyFirstThenByType_WhenConditionsAreAddedInAnyOrder()
    {
        var clock = new ManualClock(Start);

        var conditions = Array.Empty<Condition>()
            .MarkTrue("b", clock)
            .MarkTrue("SecretValid", clock)
            .MarkTrue(ConditionType.Ready, clock)
            .MarkTrue("Connected", clock)
            .MarkTrue("Zeta", clock);

        Assert.Equal(["Ready", "Connected", "SecretValid", "Zeta", "b"], conditions.Select(c => c.Type));
    }

    [Fact]
    public void MarkFalse_StoresReasonSeverityAndMessage_WhenCalled()
    {
        var clock = new ManualClock(Start);

        var conditions = Array.Empty<Condition>()
            .MarkFalse("ExportsReady", "SchemaNotFound", ConditionSeverity.Error, "Schema not found", clock);

        Assert.Equal(
            new Condition
            {
                Type = "ExportsReady",
                Status = ConditionStatus.False,
                Severity = ConditionSeverity.Error,
                Reason = "SchemaNotFound",
                Message = "Schema not found",
                LastTransitionTime = Start,
            },
            conditions[0]);
    }

    [Fact]
    public void MarkTrue_ClearsReasonSeverityAndMessage_WhenConditionWasFalse()
    {
        var clock = new ManualClock(Start);

        var conditions = Array.Empty<Condition>()
            .MarkFalse("A", "Broken", ConditionSeverity.Error, "broken", clock)
            .MarkTrue("A", clock);

        Assert.Equal(Condition.True("A") with { LastTransitionTime = Start }, conditions[0]);
    }

    [Theory]
    [InlineData(ConditionStatus.True, true, false, false)]
    [InlineData(ConditionStatus.False, false, true, false)]
    [InlineData(ConditionStatus.Unknown, false, false, true)]
    public void Getters_ReportStatus_WhenConditionExists(string status, bool isTrue, bool isFalse, bool isUnknown)
    {
        IReadOnlyList<Condition> conditions = [new Condition { Type = "A", Status = status }];

        Assert.True(conditions.Has("A"));
        Assert.Equal(isTrue, conditions.IsTrue("A"));
        Assert.Equal(isFalse, conditions.IsFalse("A"));
        Assert.Equal(isUnknown, conditions.IsUnknown("A"));
    }

    [Fact]
    public void Getters_ReportMissingAsUnknown_WhenConditionIsAbsent()
    {
        IReadOnlyList<Condition> conditions = [Condition.True("A")];

        Assert.Null(conditions.Get("B"));
        Assert.False(conditions.Has("B"));
        Assert.False(conditions.IsTrue("B"));
        Assert.False(conditions.IsFalse("B"));
        Assert.True(conditions.IsUnknown("B"));
    }

    [Fact]
    public void Delete_RemovesOnlyThatType_WhenPresent()
    {
        IReadOnlyList<Condition> conditions = [Condition.True("Ready"), Condition.True("A"), Condition.True("B")];

        var remaining = conditions.Delete("A");

        Assert.Equal(["Ready", "B"], remaining.Select(c => c.Type));
        Assert.Equal(3, conditions.Count);
    }

    [Theory]
    [MemberData(nameof(SummaryPairs))]
    public void SetSummary_TakesHighestPriorityGroup_WhenTwoConditionsDiffer(Condition first, Condition second, Condition ready)
    {
        var clock = new ManualClock(Start);
        var conditions = Array.Empty<Condition>().Set(first, clock).Set(second, clock);

        var summarized = conditions.SetSummary(clock);

        Assert.Equal(ready with { LastTransitionTime = Start }, summarized[0]);
        Assert.Equal(3, summarized.Count);
    }

    [Fact]
    public void SetSummary_UsesFirstTypeOfTopGroup_WhenSeveralConditionsShareIt()
    {
        var clock = new ManualClock(Start);
        var conditions = Array.Empty<Condition>()
            .MarkFalse("ValidVersion", "ParseError", ConditionSeverity.Warning, "bad version", clock)
            .MarkFalse("SecretValid", "ProviderSecretNotFound", ConditionSeverity.Warning, "no secret", clock)
            .MarkFalse("Alpha", "Waiting", ConditionSeverity.Info, "waiting", clock);

        var ready = conditions.SetSummary(clock).Get(ConditionType.Ready);

        Assert.Equal(
            Condition.False(ConditionType.Ready, "ProviderSecretNotFound", ConditionSeverity.Warning, "no secret") with { LastTransitionTime = Start },
            ready);
    }

    [Fact]
    public void SetSummary_WritesUnknownWithoutSeverity_WhenAllAreUnknown()
    {
        var clock = new ManualClock(Start);
        IReadOnlyList<Condition> conditions =
        [
            Condition.Unknown("B", "LaterReason", "later") with { Severity = ConditionSeverity.Info },
            Condition.Unknown("A", "FirstReason", "first") with { Severity = ConditionSeverity.Info },
        ];

        var ready = conditions.SetSummary(clock).Get(ConditionType.Ready);

        Assert.Equal(Condition.Unknown(ConditionType.Ready, "FirstReason", "first") with { LastTransitionTime = Start }, ready);
    }

    [Fact]
    public void SetSummary_IgnoresExistingReady_WhenComputingIt()
    {
        var clock = new ManualClock(Start);
        var conditions = Array.Empty<Condition>()
            .MarkFalse(ConditionType.Ready, "Pending", ConditionSeverity.Info, "Pending", clock)
            .MarkTrue("SecretValid", clock);
        clock.Now = Start.AddMinutes(1);

        var summarized = conditions.SetSummary(clock);

        Assert.Equal(Condition.True(ConditionType.Ready) with { LastTransitionTime = Start.AddMinutes(1) }, summarized[0]);
    }

    [Fact]
    public void SetSummary_KeepsReadyTransitionTime_WhenSummaryIsUnchanged()
    {
        var clock = new ManualClock(Start);
        var conditions = Array.Empty<Condition>().MarkTrue("SecretValid", clock).SetSummary(clock);
        clock.Now = Start.AddMinutes(1);

        var again = conditions.MarkTrue("ValidVersion", clock).SetSummary(clock);

        Assert.Equal(Start, again.Get(ConditionType.Ready)!.LastTransitionTime);
    }

    [Fact]
    public void SetSummary_WritesNothing_WhenOnlyReadyExists()
    {
        var clock = new ManualClock(Start);
        var conditions = Array.Empty<Condition>().MarkFalse(ConditionType.Ready, "Pending", ConditionSeverity.Info, "Pending", clock);

        var summarized = conditions.SetSummary(clock);

        Assert.Same(conditions, summarized);
    }

    [Fact]
    public void SetSummary_ConsidersOnlyListedTypesInListedOrder_WhenTypesAreGiven()
    {
        var clock = new ManualClock(Start);
        var conditions = Array.Empty<Condition>()
            .MarkFalse("Connected", "NotConnected", ConditionSeverity.Error, "not connected", clock)
            .MarkFalse("SecretValid", "ProviderSecretNotFound", ConditionSeverity.Warning, "no secret", clock)
            .MarkFalse("Heartbeating", "Late", ConditionSeverity.Warning, "late", clock);

        var ready = conditions.SetSummary(clock, ["SecretValid", "Heartbeating"]).Get(ConditionType.Ready);

        Assert.Equal(
            Condition.False(ConditionType.Ready, "ProviderSecretNotFound", ConditionSeverity.Warning, "no secret") with { LastTransitionTime = Start },
            ready);
    }
}
