using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KubeBind.DevApiServer.Auth;

/// <summary>
/// The server's key material: a CA, a serving certificate for 127.0.0.1/localhost signed by it, and the key
/// that signs service account tokens. Generated per start, or loaded from a directory so restarts keep them.
/// </summary>
internal sealed class ServingIdentity : IDisposable
{
    private ServingIdentity(X509Certificate2 ca, X509Certificate2 serving, RSA serviceAccountKey)
    {
        Ca = ca;
        ServingCertificate = serving;
        ServiceAccountSigningKey = serviceAccountKey;
    }

    public X509Certificate2 Ca { get; }

    public X509Certificate2 ServingCertificate { get; }

    public RSA ServiceAccountSigningKey { get; }

    /// <summary>The CA in PEM, as kubeconfigs and <c>ca.crt</c> in token Secrets carry it.</summary>
    public string CaPem => Ca.ExportCertificatePem() + "\n";

    /// <summary>A uid derived from the CA key: stable while the CA is reused, different for every other server.</summary>
    public string DerivedClusterUid()
    {
        var hash = SHA256.HashData(Ca.GetPublicKey());
        hash[6] = (byte)((hash[6] & 0x0F) | 0x40); // RFC 4122 version 4 layout, so it looks like any other uid.
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }

    /// <summary>Loads <c>ca.crt</c>, <c>ca.key</c> and <c>sa.key</c> from <paramref name="directory"/>, generating and saving what is missing.</summary>
    public static ServingIdentity Create(string? directory, TimeProvider time)
    {
        X509Certificate2? ca = null;
        RSA? saKey = null;
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
            var caCrt = Path.Combine(directory, "ca.crt");
            var caKey = Path.Combine(directory, "ca.key");
            if (File.Exists(caCrt) && File.Exists(caKey))
            {
                ca = X509Certificate2.CreateFromPemFile(caCrt, caKey);
            }

            var saPath = Path.Combine(directory, "sa.key");
            if (File.Exists(saPath))
            {
                saKey = RSA.Create();
                saKey.ImportFromPem(File.ReadAllText(saPath));
            }
        }

        var now = time.GetUtcNow();
        ca ??= CreateCa(now);
        saKey ??= RSA.Create(2048);
        if (directory is not null)
        {
            Save(directory, ca, saKey);
        }

        return new ServingIdentity(ca, CreateServing(ca, now), saKey);
    }

    public void Dispose()
    {
        Ca.Dispose();
        ServingCertificate.Dispose();
        ServiceAccountSigningKey.Dispose();
    }

    private static X509Certificate2 CreateCa(DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=devapiserver-ca", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(10));
    }

    private static X509Certificate2 CreateServing(X509Certificate2 ca, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=devapiserver", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddIpAddress(IPAddress.IPv6Loopback);
        san.AddDnsName("localhost");
        san.AddDnsName("kubernetes.default.svc");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        var notAfter = now.AddYears(1) < ca.NotAfter ? now.AddYears(1) : new DateTimeOffset(ca.NotAfter);
        using var cert = request.Create(ca, now.AddMinutes(-5), notAfter, serial);
        using var withKey = cert.CopyWithPrivateKey(key);
        // Kestrel needs a certificate whose key survives this method: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    private static void Save(string directory, X509Certificate2 ca, RSA saKey)
    {
        File.WriteAllText(Path.Combine(directory, "ca.crt"), ca.ExportCertificatePem() + "\n");
        var caKey = ca.GetECDsaPrivateKey() ?? throw new InvalidOperationException("the CA certificate carries no EC private key");
        WritePrivate(Path.Combine(directory, "ca.key"), caKey.ExportPkcs8PrivateKeyPem() + "\n");
        WritePrivate(Path.Combine(directory, "sa.key"), saKey.ExportPkcs8PrivateKeyPem() + "\n");
    }

    private static void WritePrivate(string path, string pem)
    {
        File.WriteAllText(path, pem);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
