namespace KubeBind.Testing;

/// <summary>The upstream fixtures in <c>../shared/reference</c> beside the repository (or <c>KUBEBIND_SHARED_DIR</c>).</summary>
public static class ReferenceData
{
    public static string Directory { get; } = Locate();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Directory, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(Path(parts));

    private static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable("KUBEBIND_SHARED_DIR");
        if (!string.IsNullOrEmpty(configured))
        {
            return System.IO.Path.Combine(configured, "reference");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "KubeBind.Functions.sln")))
            {
                var reference = System.IO.Path.Combine(dir.FullName, "..", "shared", "reference");
                if (System.IO.Directory.Exists(reference))
                {
                    return System.IO.Path.GetFullPath(reference);
                }

                throw new DirectoryNotFoundException($"expected the shared reference data at {System.IO.Path.GetFullPath(reference)}; set KUBEBIND_SHARED_DIR to the folder holding reference/");
            }
        }

        throw new DirectoryNotFoundException("could not find KubeBind.Functions.sln above the test binaries; set KUBEBIND_SHARED_DIR");
    }
}
