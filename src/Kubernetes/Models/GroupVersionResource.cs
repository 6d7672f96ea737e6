namespace KubeBind.Kubernetes.Models;

/// <summary>A resource in one API group and version, e.g. <c>("wildwest.dev", "v1alpha1", "cowboys")</c>; the core group is "".</summary>
public readonly record struct GroupVersionResource(string Group, string Version, string Resource)
{
    /// <summary>The apiVersion string of the group/version: <c>v1</c> or <c>group/version</c>.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The URL prefix of the group/version: <c>/api/v1</c> or <c>/apis/group/version</c>.</summary>
    public string PathPrefix => Group.Length == 0 ? $"/api/{Version}" : $"/apis/{Group}/{Version}";

    public override string ToString() => Group.Length == 0 ? $"{Version}/{Resource}" : $"{Group}/{Version}/{Resource}";
}
