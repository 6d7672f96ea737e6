namespace KubeBind.Api.Conditions;

/// <summary>The wire values of a condition's <c>severity</c>; only meaningful when the status is False, absent (null) otherwise.</summary>
public static class ConditionSeverity
{
    /// <summary>The object cannot work until this is fixed.</summary>
    public const string Error = "Error";

    /// <summary>Something is wrong but the object may still work.</summary>
    public const string Warning = "Warning";

    /// <summary>Expected, usually transient, such as waiting for something.</summary>
    public const string Info = "Info";
}
