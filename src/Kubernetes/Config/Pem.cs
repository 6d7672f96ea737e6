using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace KubeBind.Kubernetes.Config;

/// <summary>PEM certificates and keys as kubeconfigs and exec plugins carry them.</summary>
internal static class Pem
{
    /// <summary>Decodes a <c>*-data</c> field; the caller turns a FormatException into a field error.</summary>
    public static string FromBase64(string data) => Encoding.UTF8.GetString(Convert.FromBase64String(data.Trim()));

    /// <summary>Parses a CA bundle, failing unless it holds at least one certificate.</summary>
    public static X509Certificate2Collection ParseBundle(string pem)
    {
        var bundle = new X509Certificate2Collection();
        bundle.ImportFromPem(pem);
        return bundle.Count > 0 ? bundle : throw new CryptographicException("no PEM CERTIFICATE block found");
    }

    /// <summary>
    /// Pairs a certificate with its RSA or EC key (PKCS#1 <c>RSA PRIVATE KEY</c>, PKCS#8 <c>PRIVATE KEY</c> or SEC1
    /// <c>EC PRIVATE KEY</c>), in a form TLS client authentication can use on every platform.
    /// </summary>
    public static X509Certificate2 ParseClientCertificate(string certificatePem, string keyPem)
    {
        var certificate = X509Certificate2.CreateFromPem(certificatePem, keyPem);
        if (!OperatingSystem.IsWindows())
        {
            return certificate;
        }

        // Windows' TLS stack cannot use ephemeral keys; a PKCS#12 round trip gives the key a home for the process.
        using (certificate)
        {
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
        }
    }
}
