namespace KubeBind.Api.Conditions;

/// <summary>kube-bind's condition helpers (Cluster API util/conditions) as pure functions over a condition list.</summary>
/// <remarks>
/// Every mutator leaves its input untouched and returns a new list, so callers write
/// <c>status with { Conditions = status.Conditions.MarkTrue(...) }</c>. Times come from the given <see cref="TimeProvider"/>.
/// </remarks>
public static class ConditionSet
{
    /// <summary>Returns the first condition of <paramref name="type"/>, or null when there is none.</summary>
    public static Condition? Get(this IReadOnlyList<Condition> conditions, string type)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        foreach (var condition in conditions)
        {
            if (condition.Type == type)
            {
                return condition;
            }
        }

        return null;
    }

    /// <summary>Returns whether a condition of <paramref name="type"/> exists.</summary>
    public static bool Has(this IReadOnlyList<Condition> conditions, string type) => conditions.Get(type) is not null;

    /// <summary>Returns whether the condition of <paramref name="type"/> exists and is True.</summary>
    public static bool IsTrue(this IReadOnlyList<Condition> conditions, string type) =>
        conditions.Get(type)?.Status == ConditionStatus.True;

    /// <summary>Returns whether the condition of <paramref name="type"/> exists and is False.</summary>
    public static bool IsFalse(this IReadOnlyList<Condition> conditions, string type) =>
        conditions.Get(type)?.Status == ConditionStatus.False;

    /// <summary>Returns whether the condition of <paramref name="type"/> is Unknown or missing, as upstream's IsUnknown does.</summary>
    public static bool IsUnknown(this IReadOnlyList<Condition> conditions, string type) =>
        conditions.Get(type) is not { } condition || condition.Status == ConditionStatus.Unknown;

    /// <summary>Adds or replaces the condition of its type, keeping the old transition time when nothing but the time differs, then sorts.</summary>
    public static IReadOnlyList<Condition> Set(this IReadOnlyList<Condition> conditions, Condition condition, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(time);

        var result = new List<Condition>(conditions.Count + 1);
        var found = false;
        foreach (var existing in conditions)
        {
            if (found || existing.Type != condition.Type)
            {
                result.Add(existing);
                continue;
            }

            found = true;

            // Upstream leaves an unchanged condition untouched, so its transition time survives re-marking.
            result.Add(HasSameState(existing, condition) ? existing : condition with { LastTransitionTime = Now(time) });
        }

        if (!found)
        {
            // Upstream only stamps a new condition whose transition time is still zero.
            result.Add(condition.LastTransitionTime is null ? condition with { LastTransitionTime = Now(time) } : condition);
        }

        return Sort(result);
    }

    /// <summary>Sets <paramref name="type"/> to True with no reason, severity or message.</summary>
    public static IReadOnlyList<Condition> MarkTrue(this IReadOnlyList<Condition> conditions, string type, TimeProvider time) =>
        conditions.Set(Condition.True(type), time);

    /// <summary>Sets <paramref name="type"/> to False with a reason, a <see cref="ConditionSeverity"/> and a message.</summary>
    public static IReadOnlyList<Condition> MarkFalse(
        this IReadOnlyList<Condition> conditions, string type, string reason, string severity, string message, TimeProvider time) =>
        conditions.Set(Condition.False(type, reason, severity, message), time);

    /// <summary>Sets <paramref name="type"/> to Unknown with a reason and a message.</summary>
    public static IReadOnlyList<Condition> MarkUnknown(
        this IReadOnlyList<Condition> conditions, string type, string reason, string message, TimeProvider time) =>
        conditions.Set(Condition.Unknown(type, reason, message), time);

    /// <summary>Returns the list without any condition of <paramref name="type"/>, otherwise in the same order.</summary>
    public static IReadOnlyList<Condition> Delete(this IReadOnlyList<Condition> conditions, string type)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        return [.. conditions.Where(c => c.Type != type)];
    }

    /// <summary>Computes the <c>Ready</c> summary of the other conditions (or only of <paramref name="conditionTypes"/>); null when none is in scope.</summary>
    /// <remarks>
    /// Groups by (status, severity) and takes the group of highest priority: False/Error, False/Warning, False/Info, True, Unknown.
    /// True gives a bare <c>Ready=True</c>; otherwise <c>Ready</c> takes the group's status (and severity when False) and the reason
    /// and message of its first condition in sort order, or of the first listed type present when types are given (upstream WithConditions).
    /// </remarks>
    public static Condition? Summary(this IReadOnlyList<Condition> conditions, IReadOnlyList<string>? conditionTypes = null)
    {
        ArgumentNullException.ThrowIfNull(conditions);

        var inScope = conditions
            .Where(c => c.Type != ConditionType.Ready && (conditionTypes is null || conditionTypes.Contains(c.Type)))
            .ToList();
        if (inScope.Count == 0)
        {
            return null;
        }

        // GroupBy keeps first-seen order and OrderBy is stable, so equal priorities resolve deterministically.
        var top = inScope
            .GroupBy(c => (c.Status, c.Severity))
            .OrderBy(g => MergePriority(g.Key.Status, g.Key.Severity))
            .First();
        if (top.Key.Status == ConditionStatus.True)
        {
            return Condition.True(ConditionType.Ready);
        }

        var ordered = Sort(top);
        var first = conditionTypes?
            .Select(t => ordered.FirstOrDefault(c => c.Type == t))
            .FirstOrDefault(c => c is not null) ?? ordered[0];

        return top.Key.Status == ConditionStatus.False
            ? Condition.False(ConditionType.Ready, first.Reason ?? "", top.Key.Severity ?? "", first.Message ?? "")
            : Condition.Unknown(ConditionType.Ready, first.Reason ?? "", first.Message ?? "");
    }

    /// <summary>Sets <c>Ready</c> to the <see cref="Summary"/> of the other conditions; leaves the list as it is when there are none.</summary>
    public static IReadOnlyList<Condition> SetSummary(
        this IReadOnlyList<Condition> conditions, TimeProvider time, IReadOnlyList<string>? conditionTypes = null) =>
        conditions.Summary(conditionTypes) is { } ready ? conditions.Set(ready, time) : conditions;

    private static bool HasSameState(Condition a, Condition b) =>
        a.Type == b.Type && a.Status == b.Status && a.Reason == b.Reason && a.Severity == b.Severity && a.Message == b.Message;

    // metav1.Time has second precision, so upstream truncates before storing.
    private static DateTimeOffset Now(TimeProvider time)
    {
        var now = time.GetUtcNow().ToUniversalTime();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    // Upstream's lexicographicLess: Ready first, then byte-wise by type.
    private static List<Condition> Sort(IEnumerable<Condition> conditions) =>
    [
        .. conditions
            .OrderBy(c => c.Type == ConditionType.Ready ? 0 : 1)
            .ThenBy(c => c.Type, StringComparer.Ordinal),
    ];

    private static int MergePriority(string status, string? severity) => (status, severity) switch
    {
        (ConditionStatus.False, ConditionSeverity.Error) => 0,
        (ConditionStatus.False, ConditionSeverity.Warning) => 1,
        (ConditionStatus.False, ConditionSeverity.Info) => 2,
        (ConditionStatus.True, _) => 3,
        (ConditionStatus.Unknown, _) => 4,
        _ => 99,
    };
}
