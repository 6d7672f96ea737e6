namespace KubeBind.Kubernetes.Tests.Config;

/// <summary>A tiny sh exec plugin in a temp directory that records its invocations, environment and arguments.</summary>
internal sealed class ExecPlugin : IDisposable
{
    private const string Script = """
        #!/bin/sh
        dir=$(dirname "$0")
        count=$(cat "$dir/count" 2>/dev/null || echo 0)
        count=$((count + 1))
        echo "$count" > "$dir/count"
        printf '%s' "$KUBERNETES_EXEC_INFO" > "$dir/info.json"
        printf '%s\n' "$@" > "$dir/args"
        if [ -n "$FAIL" ]; then
          echo "boom: $FAIL" >&2
          exit 3
        fi
        extra=""
        if [ -n "$EXPIRY" ]; then
          extra=",\"expirationTimestamp\":\"$EXPIRY\""
        fi
        if [ -n "$CERT_FILE" ]; then
          cert=$(awk '{printf "%s\\n", $0}' "$CERT_FILE")
          key=$(awk '{printf "%s\\n", $0}' "$KEY_FILE")
          extra="$extra,\"clientCertificateData\":\"$cert\",\"clientKeyData\":\"$key\""
        fi
        printf '{"kind":"ExecCredential","apiVersion":"%s","status":{"token":"tok-%s-%s"%s}}' "$API" "$1" "$count" "$extra"
        """;

    private readonly TempDirectory _directory = new();

    public ExecPlugin()
    {
        Command = _directory.Write("plugin.sh", Script.ReplaceLineEndings("\n") + "\n");
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the exec plugin tests need a POSIX sh");
        }

        File.SetUnixFileMode(Command, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Command { get; }

    public string Directory => _directory.Path;

    public int Invocations => File.Exists(_directory.File("count")) ? int.Parse(File.ReadAllText(_directory.File("count")).Trim(), System.Globalization.CultureInfo.InvariantCulture) : 0;

    public string ExecInfo => File.ReadAllText(_directory.File("info.json"));

    public string Args => File.ReadAllText(_directory.File("args"));

    public void Dispose() => _directory.Dispose();
}
