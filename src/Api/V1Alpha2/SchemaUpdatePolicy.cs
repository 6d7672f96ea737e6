namespace KubeBind.Api.V1Alpha2;

/// <summary>Values of schemaUpdatePolicy.</summary>
public static class SchemaUpdatePolicy
{
    /// <summary>The schema is never updated after binding (default).</summary>
    public const string Never = "Never";

    /// <summary>The schema follows the provider.</summary>
    public const string Always = "Always";
}
