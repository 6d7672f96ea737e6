namespace KubeBind.DevApiServer.Schema;

/// <summary>How the server treats pruned unknown fields, mirroring the fieldValidation query parameter.</summary>
internal enum FieldValidationMode
{
    /// <summary>Drop unknown fields silently.</summary>
    Ignore,

    /// <summary>Drop unknown fields and return a warning per field.</summary>
    Warn,

    /// <summary>Reject the request when it carries unknown fields.</summary>
    Strict,
}
