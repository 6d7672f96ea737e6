namespace KubeBind.DevApiServer.Api;

/// <summary>One cause of an <c>Invalid</c> (or conflict) Status: reason such as <c>FieldValueInvalid</c>, message and field path.</summary>
internal sealed record StatusCause(string Reason, string Message, string? Field)
{
    public static StatusCause Invalid(string field, string value, string detail) =>
        new("FieldValueInvalid", $"Invalid value: \"{value}\": {detail}", field);

    public static StatusCause Required(string field, string detail = "") =>
        new("FieldValueRequired", string.IsNullOrEmpty(detail) ? "Required value" : $"Required value: {detail}", field);

    public static StatusCause Forbidden(string field, string detail) =>
        new("FieldValueForbidden", $"Forbidden: {detail}", field);

    public static StatusCause NotSupported(string field, string value, IEnumerable<string> supported) =>
        new("FieldValueNotSupported", $"Unsupported value: \"{value}\": supported values: {string.Join(", ", supported.Select(s => $"\"{s}\""))}", field);

    public static StatusCause Duplicate(string field, string value) =>
        new("FieldValueDuplicate", $"Duplicate value: \"{value}\"", field);
}
