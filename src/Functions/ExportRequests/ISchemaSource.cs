using KubeBind.Api.V1Alpha2;

namespace KubeBind.Functions.ExportRequests;

/// <summary>The provider's exported schemas (backend.md §6.3.1), read live on every call.</summary>
internal interface ISchemaSource
{
    /// <summary>Every exported schema as a BoundSchema spec carrying the source's scope and all its versions.</summary>
    Task<IReadOnlyList<BoundSchemaSpec>> ListExportedAsync(CancellationToken cancellationToken);
}
