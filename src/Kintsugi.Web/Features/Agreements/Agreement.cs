using System.Text.Json;
using Kintsugi.Web.Features.Account;
using Kintsugi.Web.Features.Repair;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kintsugi.Web.Features.Agreements;

/// <summary>A boundary the partners hold, or a time-limited transparency promise one of them offers. Public so that pages can bind it.</summary>
public enum AgreementKind
{
    Boundary,
    Transparency,
}

/// <summary>The areas of PRODUCT.md stage 6.</summary>
public enum AgreementArea
{
    Sexual,
    Emotional,
    Digital,
    Time,
    Money,
    Other,
}

/// <summary>What happens if the boundary is crossed (seed 000), "something else" in words.</summary>
public enum Consequence
{
    EndRelationship,
    SeekTherapy,
    TakeSpace,
    SomethingElse,
}

/// <summary>Derived when read, never stored: see <see cref="AgreementRules.StateOf"/>.</summary>
public enum AgreementState
{
    Proposal,
    Agreed,
    NeedsReagreement,
}

/// <summary>
/// Everything one version of an agreement says, sealed as one value under the space key: the
/// boundary in plain words, whom it applies to (memberships; empty is everyone), its area, the
/// consequence, the review date and, for a transparency promise, its end.
/// </summary>
internal sealed record AgreementTerms(
    string Text,
    IReadOnlyList<Guid> AppliesTo,
    AgreementArea Area,
    Consequence? Consequence,
    string? ConsequenceWords,
    DateOnly? ReviewOn,
    DateOnly? EndsOn)
{
    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static AgreementTerms FromJson(string json) =>
        JsonSerializer.Deserialize<AgreementTerms>(json, JsonSerializerOptions.Web) ?? throw new InvalidOperationException("Empty agreement terms.");
}

/// <summary>
/// One agreement of a space: joint content (ADR 0012) that every partner reads, signs and may
/// amend; practitioners do not see it. Its words live in numbered <see cref="AgreementVersion"/>s.
/// </summary>
internal sealed class Agreement : IJointContent
{
    public const int TextLength = 2_000;
    public const int WordsLength = 1_000;

    public Guid Id { get; set; }

    public Guid SpaceId { get; set; }

    public AgreementKind Kind { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The number of the latest version; also the concurrency token: an amendment from a stale page is refused.</summary>
    public int Latest { get; set; }
}

/// <summary>One wording of an agreement. Never changed once written; an amendment adds the next number.</summary>
internal sealed class AgreementVersion
{
    public Guid AgreementId { get; set; }

    public int Number { get; set; }

    /// <summary>The sealed <see cref="AgreementTerms"/>.</summary>
    public byte[] Terms { get; set; } = [];

    /// <summary>Who wrote this version (a user id; not a key, so that it outlives their leaving).</summary>
    public Guid ProposedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When every partner of the day had signed it (server time); set once, by a conditional UPDATE.</summary>
    public DateTime? AgreedAt { get; set; }

    /// <summary>The crossing whose reset made this version, if any.</summary>
    public Guid? CrossingId { get; set; }

    public static string Bind(Guid agreementId, int number) => $"agreement:{agreementId:N}:v{number}";

    public AgreementTerms Open(byte[] spaceKey) => AgreementTerms.FromJson(ContentKeys.Open(spaceKey, Terms, Bind(AgreementId, Number)));
}

/// <summary>A partner's signature on one exact version (server time). Withdrawing keeps the row with its time.</summary>
internal sealed class Signature
{
    public Guid AgreementId { get; set; }

    public int Number { get; set; }

    public Guid UserId { get; set; }

    public DateTime SignedAt { get; set; }

    public DateTime? WithdrawnAt { get; set; }
}

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> builder)
    {
        builder.ToTable("Agreements");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Latest).IsConcurrencyToken();
        builder.HasIndex(a => new { a.SpaceId, a.CreatedAt });
        builder.HasOne<Space>().WithMany().HasForeignKey(a => a.SpaceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgreementVersionConfiguration : IEntityTypeConfiguration<AgreementVersion>
{
    public void Configure(EntityTypeBuilder<AgreementVersion> builder)
    {
        builder.ToTable("AgreementVersions");
        builder.HasKey(v => new { v.AgreementId, v.Number });
        builder.HasOne<Agreement>().WithMany().HasForeignKey(v => v.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SignatureConfiguration : IEntityTypeConfiguration<Signature>
{
    public void Configure(EntityTypeBuilder<Signature> builder)
    {
        builder.ToTable("AgreementSignatures");
        builder.HasKey(s => new { s.AgreementId, s.Number, s.UserId });
        builder.HasIndex(s => s.UserId);
        builder.HasOne<AgreementVersion>().WithMany().HasForeignKey(s => new { s.AgreementId, s.Number }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
