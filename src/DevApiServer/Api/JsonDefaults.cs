using System.Text.Encodings.Web;
using System.Text.Json;

namespace KubeBind.DevApiServer.Api;

/// <summary>Serializer settings shared by every response and the store.</summary>
internal static class JsonDefaults
{
    /// <summary>Compact output without HTML escaping: bodies are JSON for machines, never embedded in pages.</summary>
    public static readonly JsonSerializerOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly JsonSerializerOptions Indented = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    /// <summary>Parsing limits for request bodies: depth is bounded so hostile input cannot exhaust the stack.</summary>
    public static readonly JsonDocumentOptions Document = new() { MaxDepth = 128 };

    public static readonly System.Text.Json.Nodes.JsonNodeOptions Node = new() { PropertyNameCaseInsensitive = false };
}
