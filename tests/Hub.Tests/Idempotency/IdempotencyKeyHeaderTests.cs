using LineaHub.Hub.Errors;
using LineaHub.Hub.Idempotency;
using Microsoft.Extensions.Primitives;

namespace LineaHub.Hub.Tests.Idempotency;

public sealed class IdempotencyKeyHeaderTests
{
    [Fact]
    public void No_header_means_no_key()
    {
        Assert.Null(IdempotencyKeyHeader.Parse(StringValues.Empty));
    }

    [Theory]
    [InlineData("8e0f9c3a-4b7d-4f4e-9f0a-2f7c1d2e3b4a", "8e0f9c3a-4b7d-4f4e-9f0a-2f7c1d2e3b4a")]
    [InlineData("\"8e0f9c3a-4b7d-4f4e-9f0a-2f7c1d2e3b4a\"", "8e0f9c3a-4b7d-4f4e-9f0a-2f7c1d2e3b4a")]
    [InlineData("  chiave-1 ", "chiave-1")]
    [InlineData("~!#$%&'*+-.^_`|", "~!#$%&'*+-.^_`|")]
    public void Bare_and_quoted_forms_name_the_same_key(string header, string key)
    {
        Assert.Equal(key, IdempotencyKeyHeader.Parse(header));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"\"")]
    [InlineData("chiave con spazi")]
    [InlineData("chiave-è-accentata")]
    [InlineData("chiave\u0007")]
    public void A_malformed_key_is_refused_naming_the_header(string header)
    {
        var refused = Assert.Throws<RequestValidationException>(() => IdempotencyKeyHeader.Parse(header));

        Assert.Equal(400, refused.StatusCode);
        Assert.True(refused.Errors.ContainsKey(IdempotencyKeyHeader.Name));
    }

    [Fact]
    public void Two_keys_in_one_request_are_refused()
    {
        Assert.Throws<RequestValidationException>(() => IdempotencyKeyHeader.Parse(new StringValues(["chiave-1", "chiave-2"])));
    }

    [Fact]
    public void At_most_255_characters()
    {
        Assert.NotNull(IdempotencyKeyHeader.Parse(new string('k', 255)));
        Assert.Throws<RequestValidationException>(() => IdempotencyKeyHeader.Parse(new string('k', 256)));
    }
}
