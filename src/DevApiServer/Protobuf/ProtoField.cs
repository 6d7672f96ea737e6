namespace KubeBind.DevApiServer.Protobuf;

/// <summary>
/// One field of a message. <paramref name="Pointer"/> marks Go pointer fields, whose zero values are meaningful and
/// kept; other zero values are dropped, matching the <c>omitempty</c> JSON the same object would have been sent as.
/// </summary>
internal sealed record ProtoField(int Number, string JsonName, ProtoKind Kind, bool Repeated = false, bool Pointer = false, Func<ProtoMessage>? Message = null);
