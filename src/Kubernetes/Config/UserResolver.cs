using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KubeBind.Kubernetes.Config;

/// <summary>Turns a kubeconfig user entry into a credential provider and/or client certificate, as client-go does.</summary>
internal static class UserResolver
{
    public static (ICredentialProvider? Credentials, X509Certificate2? Certificate) Resolve(
        KubeconfigUser user, string name, string? context, string path, KubeconfigCluster cluster, TimeProvider timeProvider)
    {
        var at = $"users[{name}].user";
        KubeconfigException Error(string field, string problem, Exception? inner = null) =>
            new(path, context, $"{at}.{field}", $"user \"{name}\": {field} {problem}", inner);

        if (user.AuthProvider is not null)
        {
            throw Error("auth-provider", $"\"{user.AuthProvider}\" is not supported (kubectl removed auth-provider plugins); use an exec plugin");
        }

        var methods = new List<string>();
        if (!string.IsNullOrEmpty(user.Token) || !string.IsNullOrEmpty(user.TokenFile))
        {
            methods.Add("token");
        }

        if (!string.IsNullOrEmpty(user.Username) || !string.IsNullOrEmpty(user.Password))
        {
            methods.Add("basic auth");
        }

        if (user.Exec is not null)
        {
            methods.Add("exec");
        }

        if (methods.Count > 1)
        {
            // client-go's validation: "more than one authentication method found".
            throw Error(methods[1] == "exec" ? "exec" : "username", $"is one of several authentication methods ({string.Join(", ", methods)}); only one is allowed");
        }

        var certificate = ClientCertificate(user, Error);
        ICredentialProvider? provider = null;
        if (!string.IsNullOrEmpty(user.TokenFile))
        {
            if (!File.Exists(user.TokenFile))
            {
                throw Error("tokenFile", $"{user.TokenFile} does not exist");
            }

            // Like client-go, the file wins over an inline token because it is the one that rotates.
            provider = new TokenFileCredentialProvider(user.TokenFile, timeProvider);
        }
        else if (!string.IsNullOrEmpty(user.Token))
        {
            provider = StaticCredentialProvider.Bearer(user.Token);
        }
        else if (methods.Contains("basic auth"))
        {
            provider = StaticCredentialProvider.Basic(user.Username ?? string.Empty, user.Password ?? string.Empty);
        }
        else if (user.Exec is { } exec)
        {
            if (string.IsNullOrEmpty(exec.Command))
            {
                throw Error("exec.command", "is not set");
            }

            try
            {
                provider = new ExecCredentialProvider(exec, cluster, timeProvider);
            }
            catch (ArgumentException e)
            {
                throw Error(exec.ApiVersion is ExecCredentialProvider.V1 or ExecCredentialProvider.V1Beta1 ? "exec.interactiveMode" : "exec.apiVersion", $"is invalid: {e.Message.Split(" (Parameter", 2)[0]}", e);
            }
        }

        return (provider, certificate) switch
        {
            (null, null) => (null, null),
            (null, { } cert) => (null, cert),
            ({ } only, null) => (only, null),
            ({ } both, { } cert) => (new CompositeCredentialProvider([new StaticCredentialProvider(new Credential(null, cert)), both]), cert),
        };
    }

    private static X509Certificate2? ClientCertificate(KubeconfigUser user, Func<string, string, Exception?, KubeconfigException> error)
    {
        var certificatePem = Read(user.ClientCertificateData, "client-certificate-data", user.ClientCertificate, "client-certificate", error);
        var keyPem = Read(user.ClientKeyData, "client-key-data", user.ClientKey, "client-key", error);
        if (certificatePem is null && keyPem is null)
        {
            return null;
        }

        if (certificatePem is null || keyPem is null)
        {
            throw certificatePem is null
                ? error("client-certificate", "is not set, but a client key is", null)
                : error("client-key", "is not set, but a client certificate is", null);
        }

        try
        {
            return Pem.ParseClientCertificate(certificatePem, keyPem);
        }
        catch (CryptographicException e)
        {
            var field = user.ClientKeyData is not null ? "client-key-data" : "client-key";
            throw error(field, $"does not match a PEM client certificate and RSA/EC private key: {e.Message}", e);
        }
    }

    private static string? Read(string? data, string dataField, string? file, string fileField, Func<string, string, Exception?, KubeconfigException> error)
    {
        if (!string.IsNullOrEmpty(data))
        {
            try
            {
                return Pem.FromBase64(data);
            }
            catch (FormatException e)
            {
                throw error(dataField, "is not valid base64", e);
            }
        }

        if (string.IsNullOrEmpty(file))
        {
            return null;
        }

        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw error(fileField, $"cannot be read: {e.Message}", e);
        }
    }
}
