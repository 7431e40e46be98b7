using Kintsugi.Web.Features.Account.Passwords;

namespace Kintsugi.Tests.Unit;

public sealed class PasswordPolicyTests
{
    private const string Email = "alice.smith@example.test";

    [Theory]
    [InlineData("")]
    [InlineData("1234567")]
    [InlineData("seven!!")]
    [InlineData("🌊🌊🌊🌊🌊🌊🌊")] // 7 characters, 14 UTF-16 units: length counts characters
    public void Refuses_fewer_than_eight_characters(string password) =>
        Assert.Equal(["Use at least 8 characters."], PasswordPolicy.Problems(password, Email));

    [Theory]
    [InlineData("password")]
    [InlineData("Password1")]
    [InlineData("password123!")]
    [InlineData("qwertyuiop")]
    [InlineData("iloveyou2024")]
    [InlineData("  sunshine  ")]
    [InlineData("trustno1")]
    [InlineData("1234567890")]
    [InlineData("dragon2024!!")]
    public void Refuses_common_passwords_also_with_digits_or_symbols_added(string password) =>
        Assert.Contains("most common passwords", Assert.Single(PasswordPolicy.Problems(password, Email)), StringComparison.Ordinal);

    [Theory]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("abababababab")]
    public void Refuses_one_or_two_repeated_characters(string password) =>
        Assert.Single(PasswordPolicy.Problems(password, Email));

    [Theory]
    [InlineData("alice.smith@example.test")]
    [InlineData("alice.smith99")]
    [InlineData("kintsugi2026")]
    [InlineData("Kintsugi!!")]
    public void Refuses_passwords_built_on_the_address_or_the_site_name(string password) =>
        Assert.Contains("e-mail address or the name of this site", Assert.Single(PasswordPolicy.Problems(password, Email)), StringComparison.Ordinal);

    [Theory]
    [InlineData("x7#kQ2!m")] // 8 characters, the minimum
    [InlineData("correct horse battery staple")]
    [InlineData("alllowercaseletterswithnothingelse")] // no composition rules
    [InlineData("ALL UPPER CASE IS FINE TOO")]
    [InlineData("мой тихий сад у реки")]
    [InlineData("🌊🌲🏔️🌙 by the sea")]
    [InlineData("kintsugi is the art of golden repair")] // the site's name inside a long passphrase is fine
    public void Accepts_long_or_unusual_passwords_without_composition_rules(string password) =>
        Assert.Empty(PasswordPolicy.Problems(password, Email));

    [Fact]
    public void Accepts_up_to_128_characters_and_refuses_more()
    {
        var words = string.Join(' ', Enumerable.Repeat("ember lantern orchard", 10));
        Assert.Empty(PasswordPolicy.Problems(words[..64], Email));
        Assert.Empty(PasswordPolicy.Problems(words[..128], Email));
        Assert.Equal(["Use at most 128 characters."], PasswordPolicy.Problems(words[..129], Email));
    }
}
