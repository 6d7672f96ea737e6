namespace KubeBind.Api.Conditions;

/// <summary>Condition types shared by every kube-bind object.</summary>
public static class ConditionType
{
    /// <summary>The summary condition, computed from all the others by <see cref="ConditionSet.SetSummary"/>.</summary>
    public const string Ready = "Ready";
}
