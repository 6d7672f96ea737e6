using KubeBind.DevApiServer.Auth;

namespace KubeBind.DevApiServer.Resources;

/// <summary>What a strategy may consult during a write.</summary>
internal sealed record WriteContext(UserInfo User, DateTimeOffset Now, bool DryRun, string? Subresource, ApiServerServices Services);
