using Kintsugi.Web.Features.Account;

namespace Kintsugi.Tests.Unit;

public sealed class AccountEmailTests
{
    [Theory]
    [InlineData("ana@example.org", "ana@example.org")]
    [InlineData("  Ana.Lima+kintsugi@Example.ORG ", "Ana.Lima+kintsugi@example.org")]
    [InlineData("o'brien@mail.example.ie", "o'brien@mail.example.ie")]
    [InlineData("josé@exemplo.com.br", "josé@exemplo.com.br")]
    public void Accepts_bare_addresses_and_lower_cases_the_domain(string input, string expected)
    {
        Assert.True(AccountEmail.TryNormalize(input, out var email));
        Assert.Equal(expected, email);
    }

    [Theory]
    [InlineData("x <bob@example.com>")] // a display name would reach the To: header
    [InlineData("bob@example.com (2)")] // so would a comment
    [InlineData("\"Bob\" <bob@example.com>")]
    [InlineData("a b@example.com")]
    [InlineData("bob@example.com\u0000")]
    [InlineData("bob@exa\nmple.com")]
    [InlineData("bob@example")]
    [InlineData("bob@@example.com")]
    [InlineData("bob@example..com")]
    [InlineData("@example.com")]
    [InlineData("bob@")]
    [InlineData("bob,alice@example.com")]
    [InlineData("bob;alice@example.com")]
    [InlineData("")]
    [InlineData(null)]
    public void Refuses_anything_but_a_bare_address(string? input) =>
        Assert.False(AccountEmail.TryNormalize(input, out _));

    [Fact]
    public void Refuses_addresses_longer_than_mail_allows()
    {
        Assert.False(AccountEmail.TryNormalize(new string('a', 65) + "@example.com", out _));
        Assert.False(AccountEmail.TryNormalize("a@" + new string('b', 250) + ".com", out _));
    }
}
