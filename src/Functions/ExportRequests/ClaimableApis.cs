using KubeBind.Api.V1Alpha2;

namespace KubeBind.Functions.ExportRequests;

/// <summary>The APIs a permission claim may name (upstream's <c>ClaimableAPIs</c>): ConfigMaps, Secrets and ServiceAccounts of the core group.</summary>
internal static class ClaimableApis
{
    private static readonly string[] CoreResources = ["configmaps", "secrets", "serviceaccounts"];

    /// <summary>Whether <paramref name="claim"/> names a claimable API.</summary>
    public static bool Contains(PermissionClaim claim) =>
        string.IsNullOrEmpty(claim.Group) && CoreResources.Contains(claim.Resource, StringComparer.Ordinal);
}
