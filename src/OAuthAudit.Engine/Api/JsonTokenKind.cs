namespace OAuthAudit.Engine.Api
{
    /// <summary>A token of <see cref="Utf8JsonTokenizer"/>: integers and floats apart, as the serializer keeps them.</summary>
    internal enum JsonTokenKind : byte
    {
        None,
        StartObject,
        EndObject,
        StartArray,
        EndArray,
        PropertyName,
        String,
        Integer,
        Float,
        True,
        False,
        Null,
    }
}
