namespace KubeBind.DevApiServer.Auth;

/// <summary>An authenticated identity as Kubernetes sees it.</summary>
internal sealed record UserInfo(string Name, IReadOnlyList<string> Groups, string Uid = "")
{
    public const string MastersGroup = "system:masters";
    public const string AuthenticatedGroup = "system:authenticated";
    public const string UnauthenticatedGroup = "system:unauthenticated";

    public static readonly UserInfo Anonymous = new("system:anonymous", [UnauthenticatedGroup]);

    /// <summary>The identity the built-in controllers act as.</summary>
    public static readonly UserInfo System = new("system:kube-controller-manager", [MastersGroup, AuthenticatedGroup]);

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Extra { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public bool IsMaster => Groups.Contains(MastersGroup);
}
