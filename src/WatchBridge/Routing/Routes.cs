using System.Text.Json.Nodes;
using KubeBind.Api;
using KubeBind.Api.Naming;
using KubeBind.Api.Queues;
using KubeBind.Api.V1Alpha2;
using KubeBind.Kubernetes.Models;

namespace KubeBind.WatchBridge.Routing;

/// <summary>
/// The routing table: the sources the bridge watches, the indexes it keeps, and which reconciler each change
/// reaches. A new reconciler adds its target to <see cref="ReconcileTargets"/> and its lines to <see cref="Table"/>.
/// </summary>
internal static class Routes
{
    /// <summary>APIServiceExportRequests by the BoundSchemas their resources need: <c>&lt;ns&gt;/&lt;resource&gt;.&lt;group&gt;</c>.</summary>
    public const string RequestsByBoundSchema = "exportRequestsByBoundSchema";

    /// <summary>APIServiceExportRequests by the resources they name, in any namespace: <c>&lt;resource&gt;.&lt;group&gt;</c>.</summary>
    public const string RequestsByGroupResource = "exportRequestsByGroupResource";

    // Declared first: static initializers run in textual order.
    private static readonly GroupVersionResource Crds = new("apiextensions.k8s.io", "v1", "customresourcedefinitions");

    public static Source<ApiServiceExportRequest> ExportRequests { get; } =
        Typed<ApiServiceExportRequest>(ApiServiceExportRequest.KindName, ApiServiceExportRequest.Resource)
            .WithIndex(RequestsByBoundSchema, r => GroupResources(r).Select(gr => $"{r.Metadata.Namespace}/{gr}"))
            .WithIndex(RequestsByGroupResource, GroupResources);

    public static Source<ApiServiceExport> Exports { get; } = Typed<ApiServiceExport>(ApiServiceExport.KindName, ApiServiceExport.Resource);

    public static Source<BoundSchema> BoundSchemas { get; } = Typed<BoundSchema>(BoundSchema.KindName, BoundSchema.Resource);

    /// <summary>Provider CRDs offered for binding; one losing the label is seen as deleted, which routes too.</summary>
    public static Source<JsonObject> ExportedCrds { get; } =
        new("CustomResourceDefinition", Crds, client => client.Resource(Crds), $"{Labels.Exported}={Labels.True}");

    public static RoutingTable Table { get; } = new RoutingTable()
        // A request is reconciled on its own changes, and on every resync.
        .Self(ExportRequests, ReconcileTargets.ExportRequests)
        // The export a request creates has the request's name; upstream keyed this on <ns>/<resource>.<group> and never matched (backend.md quirk 5).
        .Map(Exports, ReconcileTargets.ExportRequests, static (export, _) => [ObjectName.Of(export)])
        // A BoundSchema <ns>/<resource>.<group> matters to the requests in its namespace that ask for that resource.
        .Map(BoundSchemas, ReconcileTargets.ExportRequests, static (schema, caches) =>
            caches.ByIndex(ExportRequests, RequestsByBoundSchema, ObjectName.Of(schema).ToString()).Select(ObjectName.Of))
        // An exported CRD <plural>.<group> is a schema source for every request naming it, in any namespace.
        .Map(ExportedCrds, ReconcileTargets.ExportRequests, static (crd, caches) =>
            caches.ByIndex(ExportRequests, RequestsByGroupResource, ObjectName.Of(crd).Name).Select(ObjectName.Of));

    /// <summary>The <c>&lt;resource&gt;.&lt;group&gt;</c> names of a request's resources (BoundSchema and CRD names alike).</summary>
    private static IEnumerable<string> GroupResources(ApiServiceExportRequest request) =>
        request.Spec.Resources.Where(r => r.Resource.Length > 0).Select(r => Names.BoundSchemaName(r.Group ?? string.Empty, r.Resource)).Distinct();

    private static Source<T> Typed<T>(string kind, string resource)
        where T : class
    {
        var gvr = Group.Resource(resource);
        return new Source<T>(kind, gvr, client => client.Resource(gvr, ApiJson.TypeInfo<T>()));
    }
}
