using System.Text.Json.Nodes;
using KubeBind.DevApiServer.Schema;

namespace KubeBind.DevApiServer.Tests.Schema;

/// <summary>Small builders so table rows only spell out the part of the schema and object under test.</summary>
internal static class SchemaTestData
{
    public const string DefinitionPath = "spec.versions[0].schema.openAPIV3Schema";

    /// <summary>A root schema whose <c>spec</c> is the given schema.</summary>
    public static StructuralSchema SpecSchema(string specSchemaJson) => StructuralSchema.Parse(RootSchemaJson(specSchemaJson));

    public static JsonNode RootSchemaJson(string specSchemaJson) =>
        JsonNode.Parse($$"""
            {
              "type": "object",
              "properties": {
                "apiVersion": { "type": "string" },
                "kind": { "type": "string" },
                "metadata": { "type": "object" },
                "spec": {{specSchemaJson}}
              }
            }
            """)!;

    /// <summary>A custom resource whose <c>spec</c> is the given JSON.</summary>
    public static JsonObject Resource(string specJson) =>
        JsonNode.Parse($$"""
            {
              "apiVersion": "wildwest.dev/v1alpha1",
              "kind": "Cowboy",
              "metadata": { "name": "billy", "namespace": "wild-west" },
              "spec": {{specJson}}
            }
            """)!.AsObject();

    /// <summary>Processes a spec against a spec schema and returns the errors as field.Error.Error() prints them.</summary>
    public static string[] Errors(string specSchemaJson, string specJson) =>
        SchemaProcessor.Process(Resource(specJson), SpecSchema(specSchemaJson)).Errors.Select(e => e.ToString()).ToArray();

    public static JsonNode Load(string fileName) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", fileName)))!;
}
