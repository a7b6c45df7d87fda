using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace Compliance.Web.Api;

/// <summary>
/// What "the same request" means for an Idempotency-Key: SHA-256 of method, path, query and body. A multipart body is
/// hashed with its boundary taken out, because a client that rebuilds an upload to retry it draws a new boundary for
/// the same parts. The body is buffered (to disk past 64 KiB) so that the endpoint reads it again.
/// </summary>
public static class RequestFingerprint
{
    /// <summary>The hex digest, or null when the body is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<string?> OfAsync(HttpRequest request, string path, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes) return null;
        request.EnableBuffering(64 * 1024, maxBytes);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{path}{request.QueryString}\n"));
        try
        {
            if (Boundary(request) is { } boundary) await HashWithoutAsync(request.Body, boundary, hash, ct);
            else await request.Body.CopyToAsync(new HashingSink(hash), ct);
        }
        catch (IOException)
        {
            return null; // past the buffer's limit (or the caller went away: nobody reads this answer)
        }
        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static byte[]? Boundary(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
        && HeaderUtilities.RemoveQuotes(type.Boundary) is { Length: > 0 } boundary
            ? Encoding.ASCII.GetBytes(boundary.ToString())
            : null;

    private static async Task HashWithoutAsync(Stream body, byte[] boundary, IncrementalHash hash, CancellationToken ct)
    {
        using var whole = new MemoryStream();
        await body.CopyToAsync(whole, ct);
        var bytes = whole.GetBuffer().AsSpan(0, (int)whole.Length);
        int at;
        while ((at = bytes.IndexOf(boundary)) >= 0)
        {
            hash.AppendData(bytes[..at]);
            hash.AppendData("{boundary}"u8);
            bytes = bytes[(at + boundary.Length)..];
        }
        hash.AppendData(bytes);
    }

    private sealed class HashingSink(IncrementalHash hash) : Stream
    {
        public override void Write(byte[] buffer, int offset, int count) => hash.AppendData(buffer, offset, count);
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
        {
            hash.AppendData(buffer.Span);
            return ValueTask.CompletedTask;
        }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
