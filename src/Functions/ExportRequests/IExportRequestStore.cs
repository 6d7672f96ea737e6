using KubeBind.Api.V1Alpha2;

namespace KubeBind.Functions.ExportRequests;

/// <summary>
/// The reads and writes of the export-request reconciler, always against the API server (no cache). Gets return null
/// for NotFound; writes throw <see cref="Kubernetes.KubernetesApiException"/> as the server answers (AlreadyExists on
/// create, Conflict on a stale resourceVersion).
/// </summary>
internal interface IExportRequestStore
{
    Task<ApiServiceExportRequest?> GetRequestAsync(string ns, string name, CancellationToken cancellationToken);

    /// <summary>Writes the request's status through <c>/status</c>, guarded by its resourceVersion.</summary>
    Task<ApiServiceExportRequest> UpdateRequestStatusAsync(ApiServiceExportRequest request, CancellationToken cancellationToken);

    /// <summary>Deletes the request if it still has the same uid; a request already gone is fine.</summary>
    Task DeleteRequestAsync(ApiServiceExportRequest request, CancellationToken cancellationToken);

    Task<ApiServiceExport?> GetExportAsync(string ns, string name, CancellationToken cancellationToken);

    Task<ApiServiceExport> CreateExportAsync(ApiServiceExport export, CancellationToken cancellationToken);

    Task<BoundSchema?> GetBoundSchemaAsync(string ns, string name, CancellationToken cancellationToken);

    Task<BoundSchema> CreateBoundSchemaAsync(BoundSchema boundSchema, CancellationToken cancellationToken);

    /// <summary>Replaces the BoundSchema (metadata and spec), guarded by its resourceVersion.</summary>
    Task<BoundSchema> UpdateBoundSchemaAsync(BoundSchema boundSchema, CancellationToken cancellationToken);

    Task<ApiServiceNamespace?> GetApiServiceNamespaceAsync(string ns, string name, CancellationToken cancellationToken);

    Task<ApiServiceNamespace> CreateApiServiceNamespaceAsync(ApiServiceNamespace apiServiceNamespace, CancellationToken cancellationToken);
}
