using System.Security.Cryptography;
using Kintsugi.Web.Features.Account.TwoFactor;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Security;

namespace Kintsugi.Tests.Unit;

public sealed class SpaceRulesTests
{
    [Fact]
    public void Invite_codes_carry_160_random_bits_and_never_repeat()
    {
        var codes = Enumerable.Range(0, 500).Select(_ => Invite.NewCode()).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        foreach (var code in codes)
        {
            Assert.Matches("^[A-Z2-7]{4}(-[A-Z2-7]{4}){7}$", code);
            Assert.Equal(Invite.CodeBytes, Base32.Decode(code.Replace("-", "", StringComparison.Ordinal)).Length);
        }

        Assert.True(Invite.CodeBytes * 8 >= 128, "SECURITY.md A6 asks for at least 128 bits.");
    }

    [Fact]
    public void A_code_matches_however_it_is_typed_and_no_other_code_matches()
    {
        var code = Invite.NewCode();
        var typed = " " + code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal) + "\n";
        Assert.Equal(Invite.Hash(code), Invite.Hash(typed));
        Assert.Equal(Invite.Hash(code), Invite.Hash(code.Replace("-", "", StringComparison.Ordinal)));
        Assert.NotEqual(Invite.Hash(code), Invite.Hash(Invite.NewCode()));
        Assert.NotEqual(Invite.Hash(code), Invite.Hash(code[..^1] + (code[^1] == 'A' ? 'B' : 'A')));
    }

    [Theory]
    [InlineData(null, null, null, false)]
    [InlineData("yes", "no", "yes", false)]
    [InlineData("no", null, null, true)]
    [InlineData("unsure", "no", "yes", true)]
    [InlineData(null, "yes", null, true)]
    [InlineData(null, "unsure", null, true)]
    [InlineData("yes", "no", "no", true)]
    [InlineData("yes", "no", "unsure", true)]
    [InlineData(" YES ", "No", "Yes", false)]
    public void The_safety_check_flags_any_worrying_answer_and_nothing_else(string? feelSafe, string? afraid, string? freeWill, bool concerning) =>
        Assert.Equal(concerning, TakeSafetyCheck.IsConcerning(new TakeSafetyCheck.Request { FeelSafe = feelSafe, AfraidOfReaction = afraid, FreeWill = freeWill }));

    [Fact]
    public void The_content_file_offers_every_journey_and_template_the_product_names()
    {
        var content = SpaceContent.English;
        Assert.Equal(["affair", "broken-promises", "dishonesty", "sexual-trust", "proactive"], content.Journeys.Select(j => j.Key));
        Assert.Contains(content.ValueTemplates, t => t.Key == "monogamy");
        Assert.Contains(content.ValueTemplates, t => t.Key == "open");
        Assert.All(content.Journeys, j => Assert.False(string.IsNullOrWhiteSpace(j.Description)));
        Assert.Equal(["feelSafe", "afraidOfReaction", "freeWill"], content.SafetyCheck.Questions.Select(q => q.Key));
        Assert.NotEmpty(content.SafetyCheck.Concerning.LeaveQuietly!);
    }

    [Fact]
    public void Sealed_text_opens_only_with_its_key_and_in_its_own_row()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var sealedText = ContentKeys.Seal(key, "what I could not say", "journal:1:body");

        Assert.Equal("what I could not say", ContentKeys.Open(key, sealedText, "journal:1:body"));
        Assert.ThrowsAny<CryptographicException>(() => ContentKeys.Open(key, sealedText, "journal:2:body"));
        Assert.ThrowsAny<CryptographicException>(() => ContentKeys.Open(RandomNumberGenerator.GetBytes(32), sealedText, "journal:1:body"));
        Assert.DoesNotContain("could not say"u8.ToArray(), SlidingWindows(sealedText, "could not say".Length));
    }

    private static IEnumerable<byte[]> SlidingWindows(byte[] bytes, int size) =>
        Enumerable.Range(0, Math.Max(0, bytes.Length - size + 1)).Select(i => bytes[i..(i + size)]);
}
