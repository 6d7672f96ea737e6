namespace KubeBind.Kubernetes.Models;

/// <summary>meta/v1 Time on the wire: RFC 3339 in UTC with second precision, e.g. <c>2024-05-01T10:00:00Z</c>.</summary>
public sealed class TimeJsonConverter() : GoTimeJsonConverter("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'");
