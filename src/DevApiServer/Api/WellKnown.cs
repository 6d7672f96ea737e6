namespace KubeBind.DevApiServer.Api;

/// <summary>Names the server itself gives meaning to.</summary>
internal static class WellKnown
{
    /// <summary>Finalizer the garbage collector uses for <c>propagationPolicy: Orphan</c>.</summary>
    public const string OrphanFinalizer = "orphan";

    /// <summary>Finalizer the garbage collector uses for <c>propagationPolicy: Foreground</c>.</summary>
    public const string ForegroundFinalizer = "foregroundDeletion";

    public static readonly GroupResource Namespaces = new(string.Empty, "namespaces");
    public static readonly GroupResource Secrets = new(string.Empty, "secrets");
    public static readonly GroupResource ServiceAccounts = new(string.Empty, "serviceaccounts");
    public static readonly GroupResource CustomResourceDefinitions = new("apiextensions.k8s.io", "customresourcedefinitions");
    public static readonly GroupResource Roles = new("rbac.authorization.k8s.io", "roles");
    public static readonly GroupResource ClusterRoles = new("rbac.authorization.k8s.io", "clusterroles");
    public static readonly GroupResource RoleBindings = new("rbac.authorization.k8s.io", "rolebindings");
    public static readonly GroupResource ClusterRoleBindings = new("rbac.authorization.k8s.io", "clusterrolebindings");
}
