#pragma warning disable
using System.Text.Json.Nodes;
namespace KubeBind.DevApiServer.Schema
{
    internal enum FieldValidationMode { Ignore, Warn, Strict }
    internal sealed class StructuralSchema
    {
        public static StructuralSchema Parse(JsonNode s) => new();
        public static IReadOnlyList<SchemaFieldError> ValidateDefinition(JsonNode s, string p) => [];
    }
    internal sealed record SchemaFieldError(string Reason, string Field, string Message);
    internal sealed record SchemaProcessingResult(IReadOnlyList<SchemaFieldError> Errors, IReadOnlyList<string> UnknownFields);
    internal static class SchemaProcessor { public static SchemaProcessingResult Process(JsonObject o, StructuralSchema s) => new([], []); }
}
namespace KubeBind.DevApiServer.Apply
{
    internal sealed class ApplySchema
    {
        public static ApplySchema FromOpenApiV3(JsonNode s) => new();
        public static ApplySchema Deduced { get; } = new();
        public ApplySchema WithAssociativeList(string p, params string[] k) => this;
        public ApplySchema WithSetList(string p) => this;
        public ApplySchema WithAtomic(string p) => this;
    }
    internal sealed record ManagedFieldsContext(string ApiVersion, DateTimeOffset Now, string? Subresource, IReadOnlyList<string> ResetFields);
    internal sealed record ApplyConflict(string Manager, string Path);
    internal sealed class ApplyConflictException(string m) : Exception(m) { public IReadOnlyList<ApplyConflict> Conflicts { get; } = []; }
    internal sealed class ApplyRequestException(string m) : Exception(m) { }
    internal static class FieldManager
    {
        public static JsonObject Apply(JsonObject? live, JsonObject config, string manager, bool force, ApplySchema schema, ManagedFieldsContext context)
            => (JsonObject)KubeBind.DevApiServer.Patching.JsonMergePatch.Apply(live, config)!;
        public static JsonObject Update(JsonObject? live, JsonObject updated, string manager, ApplySchema schema, ManagedFieldsContext context) => updated;
    }
}
