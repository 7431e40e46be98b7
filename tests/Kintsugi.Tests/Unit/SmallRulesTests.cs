using System.Net;
using System.Security.Cryptography;
using Kintsugi.Web.Features.Account.Sessions;
using Kintsugi.Web.Features.Account.TwoFactor;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;

namespace Kintsugi.Tests.Unit;

public sealed class SmallRulesTests
{
    [Theory]
    [InlineData("/account/sessions", "/account/sessions")]
    [InlineData("/", "/")]
    [InlineData(null, "/account")]
    [InlineData("", "/account")]
    [InlineData("//evil.example/path", "/account")]
    [InlineData("/\\evil.example", "/account")]
    [InlineData("https://evil.example/", "/account")]
    [InlineData("account", "/account")]
    public void Only_local_paths_are_followed_after_sign_in(string? returnUrl, string expected) =>
        Assert.Equal(expected, LocalUrl.OrDefault(returnUrl));

    [Theory]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "Firefox on Linux")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "Safari on iPhone")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0", "Edge on Windows")]
    [InlineData("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36", "Chrome on Android")]
    [InlineData("curl/8.5.0", "Other client")]
    [InlineData(null, "Unknown client")]
    public void Sessions_are_labelled_coarsely(string? userAgent, string expected) =>
        Assert.Equal(expected, ClientLabel.From(userAgent));

    [Fact]
    public void Ipv6_clients_are_limited_per_64_prefix()
    {
        Assert.Equal(
            RateLimiting.ClientKey(IPAddress.Parse("2001:db8:1:2:aaaa::1")),
            RateLimiting.ClientKey(IPAddress.Parse("2001:db8:1:2:bbbb::9")));
        Assert.NotEqual(
            RateLimiting.ClientKey(IPAddress.Parse("2001:db8:1:2::1")),
            RateLimiting.ClientKey(IPAddress.Parse("2001:db8:1:3::1")));
        Assert.Equal("192.0.2.7", RateLimiting.ClientKey(IPAddress.Parse("::ffff:192.0.2.7")));
    }

    [Fact]
    public void Recovery_codes_carry_60_bits_and_are_typed_forgivingly()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => RecoveryCodes.Create()).ToList();
        Assert.All(codes, c => Assert.Matches("^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal("ABCDEFGHJKLM", RecoveryCodes.Normalize(" abcd-efgh jklm "));
    }

    [Fact]
    public void Sealed_values_open_only_with_the_same_key_and_associated_data()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var sealedBytes = AesGcmBox.Seal(key, "a private thought"u8, "row-1"u8);
        Assert.Equal("a private thought"u8.ToArray(), AesGcmBox.Open(key, sealedBytes, "row-1"u8));
        Assert.ThrowsAny<CryptographicException>(() => AesGcmBox.Open(key, sealedBytes, "row-2"u8));
        Assert.ThrowsAny<CryptographicException>(() => AesGcmBox.Open(RandomNumberGenerator.GetBytes(32), sealedBytes, "row-1"u8));
        sealedBytes[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => AesGcmBox.Open(key, sealedBytes, "row-1"u8));
    }
}
