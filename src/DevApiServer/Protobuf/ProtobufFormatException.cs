namespace KubeBind.DevApiServer.Protobuf;

/// <summary>A protobuf body that cannot be decoded; the server answers 400 BadRequest.</summary>
internal sealed class ProtobufFormatException(string message) : Exception(message);
