using KubeBind.DevApiServer.Json;

namespace KubeBind.DevApiServer.Schema;

/// <summary>One field error as kube-apiserver puts it into a Status cause.</summary>
/// <param name="Reason">The cause type, e.g. <c>FieldValueInvalid</c>.</param>
/// <param name="Field">The field path without a leading dot, e.g. <c>spec.items[0].name</c>; empty for whole-object errors.</param>
/// <param name="Message">The cause message, e.g. <c>Required value</c> or <c>Invalid value: "x": ...</c>.</param>
internal sealed record SchemaFieldError(string Reason, string Field, string Message)
{
    public const string ReasonInvalid = "FieldValueInvalid";
    public const string ReasonRequired = "FieldValueRequired";
    public const string ReasonNotSupported = "FieldValueNotSupported";
    public const string ReasonTypeInvalid = "FieldValueTypeInvalid";
    public const string ReasonDuplicate = "FieldValueDuplicate";
    public const string ReasonTooLong = "FieldValueTooLong";
    public const string ReasonTooMany = "FieldValueTooMany";
    public const string ReasonForbidden = "FieldValueForbidden";

    /// <summary>The error as field.Error.Error() prints it: <c>field: message</c>.</summary>
    public override string ToString() => $"{Field}: {Message}";

    // The factories take the bad value already rendered the way field.Error.ErrorBody prints it (see GoFormat).
    public static SchemaFieldError Required(string field, string detail) =>
        new(ReasonRequired, field, WithDetail("Required value", detail));

    public static SchemaFieldError Forbidden(string field, string detail) =>
        new(ReasonForbidden, field, WithDetail("Forbidden", detail));

    public static SchemaFieldError Invalid(string field, string renderedValue, string detail) =>
        new(ReasonInvalid, field, WithDetail($"Invalid value: {renderedValue}", detail));

    public static SchemaFieldError TypeInvalid(string field, string renderedValue, string detail) =>
        new(ReasonTypeInvalid, field, WithDetail($"Invalid value: {renderedValue}", detail));

    public static SchemaFieldError Duplicate(string field, string renderedValue) =>
        new(ReasonDuplicate, field, $"Duplicate value: {renderedValue}");

    public static SchemaFieldError TooLong(string field, string detail) =>
        new(ReasonTooLong, field, WithDetail("Too long", detail));

    public static SchemaFieldError TooMany(string field, string renderedActual, string detail) =>
        new(ReasonTooMany, field, WithDetail($"Too many: {renderedActual}", detail));

    public static SchemaFieldError NotSupported(string field, string renderedValue, IEnumerable<string> validValues)
    {
        var quoted = string.Join(", ", validValues.Select(GoText.Quote));
        var detail = quoted.Length == 0 ? string.Empty : "supported values: " + quoted;
        return new(ReasonNotSupported, field, WithDetail($"Unsupported value: {renderedValue}", detail));
    }

    private static string WithDetail(string body, string detail) => detail.Length == 0 ? body : body + ": " + detail;
}
