using System.Text;
using Kintsugi.Web.Features.Account.TwoFactor;

namespace Kintsugi.Tests.Unit;

public sealed class Base32Tests
{
    // RFC 4648 section 10, without padding (what authenticator apps accept).
    [Theory]
    [InlineData("", "")]
    [InlineData("f", "MY")]
    [InlineData("fo", "MZXQ")]
    [InlineData("foo", "MZXW6")]
    [InlineData("foob", "MZXW6YQ")]
    [InlineData("fooba", "MZXW6YTB")]
    [InlineData("foobar", "MZXW6YTBOI")]
    public void Encodes_and_decodes_the_rfc_4648_vectors(string text, string encoded)
    {
        Assert.Equal(encoded, Base32.Encode(Encoding.ASCII.GetBytes(text)));
        Assert.Equal(text, Encoding.ASCII.GetString(Base32.Decode(encoded)));
    }

    [Fact]
    public void Decodes_keys_as_people_type_them() =>
        Assert.Equal("foobar", Encoding.ASCII.GetString(Base32.Decode("mzxw 6ytb oi==")));

    [Fact]
    public void Refuses_characters_outside_the_alphabet() =>
        Assert.Throws<FormatException>(() => Base32.Decode("MZXW1"));
}
