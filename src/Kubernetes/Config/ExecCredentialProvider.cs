using System.ComponentModel;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace KubeBind.Kubernetes.Config;

/// <summary>
/// Runs a kubeconfig exec plugin (client.authentication.k8s.io v1 or v1beta1) and caches its token and/or client
/// certificate until shortly before <c>status.expirationTimestamp</c>, or until <see cref="Invalidate"/> after a 401.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "A SemaphoreSlim needs disposing only once its wait handle is used; this one never is.")]
public sealed class ExecCredentialProvider : ICredentialProvider
{
    /// <summary>The v1 ExecCredential API version.</summary>
    public const string V1 = "client.authentication.k8s.io/v1";

    /// <summary>The v1beta1 ExecCredential API version.</summary>
    public const string V1Beta1 = "client.authentication.k8s.io/v1beta1";

    private const int MaxStandardErrorLength = 2048;

    private readonly KubeconfigExec _exec;
    private readonly KubeconfigCluster? _cluster;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Cached? _cached;

    /// <summary>Creates a provider for <paramref name="exec"/>; <paramref name="cluster"/> is passed to the plugin when it asks for cluster info.</summary>
    public ExecCredentialProvider(KubeconfigExec exec, KubeconfigCluster? cluster = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(exec);
        ArgumentException.ThrowIfNullOrEmpty(exec.Command);
        if (exec.ApiVersion is not (V1 or V1Beta1))
        {
            throw new ArgumentException($"exec apiVersion must be {V1} or {V1Beta1}, not \"{exec.ApiVersion}\"", nameof(exec));
        }

        if (exec.InteractiveMode is not (null or "Never" or "IfAvailable" or "Always") || (exec.InteractiveMode is null && exec.ApiVersion == V1))
        {
            throw new ArgumentException($"exec interactiveMode must be Never, IfAvailable or Always{(exec.ApiVersion == V1 ? $" (required by {V1})" : string.Empty)}", nameof(exec));
        }

        _exec = exec;
        _cluster = cluster;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async ValueTask<Credential> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh(_cached) is { } credential)
        {
            return credential;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh(_cached) is { } raced)
            {
                return raced;
            }

            var cached = await RunAsync(cancellationToken).ConfigureAwait(false);
            _cached = cached;
            return cached.Credential;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Invalidate() => _cached = null;

    private Credential? Fresh(Cached? cached) =>
        cached is not null && (cached.RefreshAt is null || _timeProvider.GetUtcNow() < cached.RefreshAt) ? cached.Credential : null;

    private async Task<Cached> RunAsync(CancellationToken cancellationToken)
    {
        var command = _exec.Command!;
        if (_exec.InteractiveMode == "Always")
        {
            throw new ExecCredentialException(command, "interactiveMode is Always, but this client never runs plugins interactively (there is no terminal)", installHint: _exec.InstallHint);
        }

        var info = new ProcessStartInfo(command)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in _exec.Args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var env in _exec.Env)
        {
            info.Environment[env.Name] = env.Value;
        }

        info.Environment["KUBERNETES_EXEC_INFO"] = ExecInfo();

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new ExecCredentialException(command, "could not be started", installHint: _exec.InstallHint);
        }
        catch (Win32Exception e)
        {
            throw new ExecCredentialException(command, $"executable could not be run: {e.Message}", installHint: _exec.InstallHint, innerException: e);
        }

        using (process)
        {
            // Never interactive, so the plugin gets no standard input (client-go passes it only to interactive plugins).
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            var output = await stdout.ConfigureAwait(false);
            var error = Truncate(await stderr.ConfigureAwait(false));
            if (process.ExitCode != 0)
            {
                throw new ExecCredentialException(command, $"exited with code {process.ExitCode}", process.ExitCode, error, _exec.InstallHint);
            }

            return Parse(command, output, error);
        }
    }

    private Cached Parse(string command, string output, string? error)
    {
        ExecCredentialException Bad(string problem, Exception? inner = null) => new(command, problem, 0, error, _exec.InstallHint, inner);
        try
        {
            using var document = JsonDocument.Parse(output);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "kind") != "ExecCredential")
            {
                throw Bad("output is not an ExecCredential");
            }

            if (Text(root, "apiVersion") is var version && version != _exec.ApiVersion)
            {
                throw Bad($"is configured for {_exec.ApiVersion} but returned apiVersion \"{version}\"");
            }

            if (!root.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.Object)
            {
                throw Bad("output has no status");
            }

            var token = Text(status, "token");
            var certificate = Text(status, "clientCertificateData");
            var key = Text(status, "clientKeyData");
            if (string.IsNullOrEmpty(certificate) != string.IsNullOrEmpty(key))
            {
                throw Bad("status must have both clientCertificateData and clientKeyData, or neither");
            }

            if (string.IsNullOrEmpty(token) && string.IsNullOrEmpty(certificate))
            {
                throw Bad("status has neither a token nor a client certificate");
            }

            var clientCertificate = string.IsNullOrEmpty(certificate) ? null : Pem.ParseClientCertificate(certificate, key!);
            var credential = new Credential(string.IsNullOrEmpty(token) ? null : Credential.Bearer(token).Authorization, clientCertificate);
            DateTimeOffset? refreshAt = null;
            if (Text(status, "expirationTimestamp") is { Length: > 0 } expiry)
            {
                var expiresAt = DateTimeOffset.Parse(expiry, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                var lifetime = expiresAt - _timeProvider.GetUtcNow();
                // Refresh a little early so a request never leaves with a token that expires on the way.
                refreshAt = expiresAt - TimeSpan.FromTicks(Math.Clamp(lifetime.Ticks / 10, 0, TimeSpan.FromSeconds(30).Ticks));
            }

            return new Cached(credential, refreshAt);
        }
        catch (Exception e) when (e is JsonException or FormatException or CryptographicException or InvalidOperationException)
        {
            throw Bad($"output is not a valid ExecCredential: {e.Message}", e);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private string ExecInfo()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", "ExecCredential");
            writer.WriteString("apiVersion", _exec.ApiVersion);
            writer.WriteStartObject("spec");
            if (_exec.ProvideClusterInfo && _cluster is not null)
            {
                writer.WriteStartObject("cluster");
                writer.WriteString("server", _cluster.Server);
                WriteIfSet(writer, "tls-server-name", _cluster.TlsServerName);
                if (_cluster.InsecureSkipTlsVerify)
                {
                    writer.WriteBoolean("insecure-skip-tls-verify", true);
                }

                WriteIfSet(writer, "certificate-authority-data", _cluster.CertificateAuthorityData);
                WriteIfSet(writer, "proxy-url", _cluster.ProxyUrl);
                writer.WriteEndObject();
            }

            writer.WriteBoolean("interactive", false);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteString(name, value);
        }
    }

    private static string? Truncate(string text) =>
        text.Length <= MaxStandardErrorLength ? text : string.Concat(text.AsSpan(0, MaxStandardErrorLength), "… (truncated)");

    private sealed record Cached(Credential Credential, DateTimeOffset? RefreshAt);
}
