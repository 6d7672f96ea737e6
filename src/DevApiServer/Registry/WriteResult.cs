using System.Text.Json.Nodes;

namespace KubeBind.DevApiServer.Registry;

/// <summary>The object a write produced (in the requested version), whether it was created, and warnings for the client.</summary>
internal sealed record WriteResult(JsonObject Object, bool Created, IReadOnlyList<string> Warnings);
