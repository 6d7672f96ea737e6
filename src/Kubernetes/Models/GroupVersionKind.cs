namespace KubeBind.Kubernetes.Models;

/// <summary>A kind in one API group and version, e.g. <c>("wildwest.dev", "v1alpha1", "Cowboy")</c>.</summary>
public readonly record struct GroupVersionKind(string Group, string Version, string Kind)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>Splits an apiVersion ("v1", "group/version") and pairs it with a kind.</summary>
    public static GroupVersionKind From(string apiVersion, string kind)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? new(string.Empty, apiVersion, kind) : new(apiVersion[..slash], apiVersion[(slash + 1)..], kind);
    }

    public override string ToString() => $"{ApiVersion}, Kind={Kind}";
}
