namespace KubeBind.DevApiServer.Resources;

/// <summary>A subresource as discovery lists it, e.g. <c>cowboys/status</c> or <c>serviceaccounts/token</c>.</summary>
internal sealed record Subresource(string Name, string Kind, IReadOnlyList<string> Verbs, string Group = "", string Version = "");
