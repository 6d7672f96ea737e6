namespace KubeBind.DevApiServer.Resources;

/// <summary>Which name validation a resource uses, as in kube-apiserver's per-type ValidateObjectMeta.</summary>
internal enum NameRule
{
    /// <summary>RFC 1123 subdomain (most types, custom resources).</summary>
    Subdomain,

    /// <summary>RFC 1123 label (namespaces).</summary>
    Label,

    /// <summary>Any path segment without '/' or '%' (RBAC objects, e.g. <c>system:basic-user</c>).</summary>
    PathSegment,
}
