using System.Globalization;

namespace KubeBind.DevApiServer;

/// <summary>The standalone program's flags.</summary>
internal static class CommandLine
{
    private const string Usage = """
        Usage: dotnet run --project src/DevApiServer -- [options]

          --port <n>            TCP port on 127.0.0.1 (default 0: a free port)
          --kubeconfig <path>   write an admin kubeconfig here once the server is ready
          --http                serve plain HTTP instead of HTTPS
          --cert-dir <dir>      keep the CA and signing keys here (reused across restarts)
          --token <token>       admin bearer token (default: random)
          --help                show this help
        """;

    public static DevApiServerOptions? Parse(string[] args, out int exitCode)
    {
        var options = new DevApiServerOptions();
        exitCode = 0;
        for (var i = 0; i < args.Length; i++)
        {
            string Value()
            {
                if (i + 1 >= args.Length)
                {
                    throw new ArgumentException($"{args[i]} needs a value");
                }

                return args[++i];
            }

            try
            {
                switch (args[i])
                {
                    case "--port":
                        var text = Value();
                        options.Port = int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) && port is >= 0 and <= 65535
                            ? port
                            : throw new ArgumentException($"--port must be a number from 0 to 65535, not '{text}'");
                        break;
                    case "--kubeconfig":
                        options.KubeconfigPath = Value();
                        break;
                    case "--http":
                        options.PlainHttp = true;
                        break;
                    case "--cert-dir":
                        options.CertificateDirectory = Value();
                        break;
                    case "--token":
                        options.AdminToken = Value();
                        break;
                    case "--help" or "-h":
                        Console.WriteLine(Usage);
                        return null;
                    default:
                        throw new ArgumentException($"unknown option '{args[i]}'");
                }
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                Console.Error.WriteLine(Usage);
                exitCode = 2;
                return null;
            }
        }

        return options;
    }
}
