namespace KubeBind.DevApiServer.Protobuf;

/// <summary>A protobuf body of a kind DevApiServer has no message layout for; answered with 415 so clients can use JSON.</summary>
internal sealed class UnsupportedProtobufKindException(string apiVersion, string kind)
    : Exception($"protobuf bodies of {apiVersion}, Kind={kind} are not supported; send application/json");
