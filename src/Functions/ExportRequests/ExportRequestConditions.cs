namespace KubeBind.Functions.ExportRequests;

/// <summary>The condition types and reasons the reconciler writes on APIServiceExportRequests (api-types.md §6).</summary>
internal static class ExportRequestConditions
{
    /// <summary>Whether the export and its BoundSchemas are in place.</summary>
    public const string ExportsReady = "ExportsReady";

    /// <summary>Whether the permission claims are acceptable; only ever written False.</summary>
    public const string PermissionClaim = "PermissionClaim";

    /// <summary>A requested resource has no exported schema.</summary>
    public const string SchemaNotFound = "SchemaNotFound";

    /// <summary>The requested resources' schemas are not all of one scope.</summary>
    public const string DifferentScopes = "DifferentScopes";

    /// <summary>A claim names a resource that is not claimable.</summary>
    public const string InvalidPermissionClaim = "InvalidPermissionClaim";

    /// <summary>Two claims name the same group and resource.</summary>
    public const string DuplicatePermissionClaim = "DuplicatePermissionClaim";
}
