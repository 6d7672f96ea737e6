using KubeBind.Api.V1Alpha2;

namespace KubeBind.Functions.ExportRequests;

/// <summary>
/// Settings of the export-request reconciler, bound from the <c>ExportRequests</c> configuration section; they mirror
/// the backend flags <c>--consumer-scope</c>, <c>--isolation</c>, <c>--schema-sync-interval</c> and <c>--schema-source</c>.
/// </summary>
internal sealed class ExportRequestOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "ExportRequests";

    /// <summary>The canonical (and only supported) schema source: CRDs labelled <c>kube-bind.io/exported=true</c>.</summary>
    public const string CrdSchemaSource = "CustomResourceDefinition.v1.apiextensions.k8s.io";

    /// <summary><c>Namespaced</c> or <c>Cluster</c> (any case): the informerScope of exports and BoundSchemas.</summary>
    public string ConsumerScope { get; set; } = InformerScope.Namespaced;

    /// <summary><c>Prefixed</c>, <c>Namespaced</c> or <c>None</c> (any case): the isolation of exports.</summary>
    public string Isolation { get; set; } = Api.V1Alpha2.Isolation.Prefixed;

    /// <summary>The Kind.Version.Group of the objects BoundSchemas are copied from; only CRDs are supported so far.</summary>
    public string SchemaSource { get; set; } = CrdSchemaSource;
}
