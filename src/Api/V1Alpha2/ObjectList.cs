using System.Text.Json;
using System.Text.Json.Serialization;
using KubeBind.Kubernetes.Models;

namespace KubeBind.Api.V1Alpha2;

/// <summary>The shape every <c>&lt;Kind&gt;List</c> shares: list metadata and the items.</summary>
public abstract record ObjectList<T>
    where T : IKubernetesObject
{
    /// <summary>Creates a list of the given list kind.</summary>
    protected ObjectList(string kind) => Kind = kind;

    /// <summary>The list kind, e.g. <c>APIServiceExportList</c>.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; init; }

    /// <summary>The list apiVersion, <c>kube-bind.io/v1alpha2</c>.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; init; } = Group.ApiVersion;

    /// <summary>The list's version and paging state.</summary>
    [JsonPropertyName("metadata")]
    public ListMeta Metadata { get; init; } = new();

    /// <summary>The objects; written even when empty, as Go does.</summary>
    [JsonPropertyName("items")]
    public IReadOnlyList<T> Items { get; init; } = [];

    /// <summary>Fields this version does not know, kept verbatim on round trips.</summary>
    // A setter, not init: source-generated extension data needs one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
