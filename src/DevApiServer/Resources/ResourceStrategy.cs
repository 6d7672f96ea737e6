using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Api;

namespace KubeBind.DevApiServer.Resources;

/// <summary>
/// Type-specific behaviour on writes, like kube-apiserver's per-type strategies: defaults and server-owned
/// fields on create/update, and validation beyond the generic metadata rules.
/// </summary>
internal class ResourceStrategy
{
    public static readonly ResourceStrategy Default = new();

    /// <summary>Top-level fields a strictly-decoded built-in accepts; null means any (custom resources use their schema).</summary>
    public virtual IReadOnlySet<string>? KnownFields => null;

    public virtual void PrepareForCreate(JsonObject obj, WriteContext context)
    {
    }

    public virtual void PrepareForUpdate(JsonObject updated, JsonObject old, WriteContext context)
    {
    }

    public virtual IEnumerable<StatusCause> Validate(JsonObject obj, JsonObject? old, WriteContext context) => [];
}
