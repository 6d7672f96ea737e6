namespace KubeBind.Kubernetes.Tests.Config;

/// <summary>The kubeconfig fixtures and test certificates under TestData/Config.</summary>
internal static class ConfigTestData
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "TestData", "Config");

    public static string PathOf(string relative) => Path.Combine(Directory, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    public static Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return name => map.GetValueOrDefault(name);
    }
}
