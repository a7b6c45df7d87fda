using System.Text.Json;
using Compliance.Domain.Json;

namespace Compliance.Web.Api;

/// <summary>Reads a request body that must be one JSON object; anything else is a 400 naming "$".</summary>
public static class JsonBody
{
    public const int MaxBytes = 256 * 1024;

    public sealed record Read(JsonDocument? Document, IResult? Problem)
    {
        public JsonElement Root => Document!.RootElement;
    }

    public static async Task<Read> ReadObjectAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes) return TooLarge();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBytes) return TooLarge();

        var document = FieldReader.ParseDocument(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), out var errors);
        if (document is null) return new(null, ApiResults.Invalid(errors));
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            return new(null, ApiResults.Invalid("$", "The body must be a JSON object."));
        }
        return new(document, null);
    }

    private static Read TooLarge() => new(null, ApiResults.Invalid("$", $"The body is larger than {MaxBytes / 1024} KiB."));
}
