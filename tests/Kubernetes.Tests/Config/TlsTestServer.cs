using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace KubeBind.Kubernetes.Tests.Config;

/// <summary>A tiny HTTPS/1.1 server on 127.0.0.1:0 that answers every request with the client certificate's subject and the SNI name.</summary>
internal sealed class TlsTestServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly X509Certificate2 _certificate;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public TlsTestServer(string certificateName)
    {
        _certificate = X509Certificate2.CreateFromPemFile(ConfigTestData.PathOf($"certs/{certificateName}.crt"), ConfigTestData.PathOf($"certs/{certificateName}.key"));
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri Url => new($"https://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = ServeAsync(client);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        await using (var ssl = new SslStream(client.GetStream()))
        {
            try
            {
                string? subject = null;
                await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                {
                    ServerCertificate = _certificate,
                    ClientCertificateRequired = true,
                    ApplicationProtocols = [SslApplicationProtocol.Http11],
                    // Test server: it only reports which client certificate arrived; the tests judge it.
#pragma warning disable CA5359
                    RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    {
                        subject = certificate?.Subject;
                        return true;
                    },
#pragma warning restore CA5359
                }, _stop.Token);
                var buffer = new byte[8192];
                var received = new StringBuilder();
                while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await ssl.ReadAsync(buffer, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    received.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                var body = $"client={subject ?? "none"};sni={ssl.TargetHostName}";
                var response = $"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}";
                await ssl.WriteAsync(Encoding.ASCII.GetBytes(response), _stop.Token);
            }
            catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException or OperationCanceledException)
            {
                // The client rejected our certificate or went away; that is what some tests expect.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
        _certificate.Dispose();
    }
}
