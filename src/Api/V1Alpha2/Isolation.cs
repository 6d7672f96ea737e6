namespace KubeBind.Api.V1Alpha2;

/// <summary>Values of an export isolation.</summary>
public static class Isolation
{
    /// <summary>Cluster-scoped objects are prefixed.</summary>
    public const string Prefixed = "Prefixed";

    /// <summary>Cluster-scoped objects become namespaced.</summary>
    public const string Namespaced = "Namespaced";

    /// <summary>No isolation.</summary>
    public const string None = "None";
}
