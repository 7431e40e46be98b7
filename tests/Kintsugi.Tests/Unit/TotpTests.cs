using System.Text;
using Kintsugi.Web.Features.Account.TwoFactor;

namespace Kintsugi.Tests.Unit;

public sealed class TotpTests
{
    private static readonly byte[] RfcKey = Encoding.ASCII.GetBytes("12345678901234567890");

    // RFC 6238 appendix B, HMAC-SHA1 column: the values every authenticator app computes.
    [Theory]
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1111111111L, "14050471")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(2000000000L, "69279037")]
    [InlineData(20000000000L, "65353130")]
    public void Matches_the_rfc_6238_test_vectors(long unixSeconds, string expected) =>
        Assert.Equal(expected, Totp.Code(RfcKey, Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)), digits: 8));

    [Fact]
    public void Accepts_one_step_of_drift_either_way_and_reports_the_step()
    {
        const long now = 50_000_000;
        Assert.Equal(now - 1, Totp.MatchingStep(RfcKey, Totp.Code(RfcKey, now - 1), now));
        Assert.Equal(now, Totp.MatchingStep(RfcKey, Totp.Code(RfcKey, now), now));
        Assert.Equal(now + 1, Totp.MatchingStep(RfcKey, Totp.Code(RfcKey, now + 1), now));
        Assert.Null(Totp.MatchingStep(RfcKey, Totp.Code(RfcKey, now - 2), now));
        Assert.Null(Totp.MatchingStep(RfcKey, Totp.Code(RfcKey, now + 2), now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    public void Refuses_anything_but_six_digits(string code) =>
        Assert.Null(Totp.MatchingStep(RfcKey, code, 1));

    [Fact]
    public void Spaces_and_dashes_typed_in_a_code_are_ignored() =>
        Assert.Equal("123456", Totp.Clean(" 123-456 "));
}
