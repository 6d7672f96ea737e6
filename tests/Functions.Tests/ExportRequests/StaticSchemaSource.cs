using KubeBind.Api.V1Alpha2;
using KubeBind.Functions.ExportRequests;

namespace KubeBind.Functions.Tests.ExportRequests;

/// <summary>A schema source with a fixed list, for states a shared cluster cannot show (nothing exported at all).</summary>
internal sealed class StaticSchemaSource(params BoundSchemaSpec[] specs) : ISchemaSource
{
    public Task<IReadOnlyList<BoundSchemaSpec>> ListExportedAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<BoundSchemaSpec>>(specs);
}
