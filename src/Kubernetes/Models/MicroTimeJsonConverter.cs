namespace KubeBind.Kubernetes.Models;

/// <summary>meta/v1 MicroTime on the wire: RFC 3339 in UTC with exactly six fractional digits, e.g. <c>2024-05-01T10:00:00.123456Z</c>.</summary>
public sealed class MicroTimeJsonConverter() : GoTimeJsonConverter("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'");
