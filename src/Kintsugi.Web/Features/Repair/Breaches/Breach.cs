using System.Text.Json;
using System.Text.Json.Serialization;
using Kintsugi.Web.Features.Account;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kintsugi.Web.Features.Repair;

/// <summary>A person's part in one breach. Roles belong to a breach, not to a person (PRODUCT.md).</summary>
public enum BreachRole
{
    Hurt,
    CausedHarm,

    /// <summary>A mutual breach: this person was hurt and caused harm.</summary>
    Both,
}

/// <summary>Who had which part in a breach, by membership; anyone not listed is "another partner".</summary>
internal sealed record BreachPerson([property: JsonRequired] Guid MembershipId, [property: JsonRequired] BreachRole Role);

/// <summary>Everything a breach record says. Sealed as one value: who was hurt, and how, is content.</summary>
internal sealed record BreachRecord(string Title, IReadOnlyList<string> Kinds, string? OtherKind, DateOnly? CameToLight, IReadOnlyList<BreachPerson> People)
{
    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static BreachRecord FromJson(string json) =>
        JsonSerializer.Deserialize<BreachRecord>(json, JsonSerializerOptions.Web) ?? throw new InvalidOperationException("An empty breach record.");
}

/// <summary>
/// One breach: "what happened", as recorded by one partner. Like every content item it has one
/// author and an audience chosen by them; each partner's own account of it is a journal entry
/// linked to it (<see cref="Journal.EntryKind.Account"/>).
/// </summary>
internal sealed class Breach : ISpaceContent
{
    public const int TitleLength = 120;
    public const int OtherKindLength = 200;

    public Guid Id { get; set; }

    public Guid SpaceId { get; set; }

    public Guid AuthorId { get; set; }

    public Audience Audience { get; set; }

    /// <summary>The sealed <see cref="BreachRecord"/>.</summary>
    public byte[] Record { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Set when the record changes after it was first shared (SECURITY.md C4).</summary>
    public DateTime? EditedAt { get; set; }

    public DateTime? FirstSharedAt { get; set; }

    public int Version { get; set; }

    public string Binding => Bind(Id);

    public static string Bind(Guid id) => $"breach:{id:N}:record";

    /// <summary>The record, opened with the key its audience calls for (<see cref="ContentKeys.ForAsync"/>).</summary>
    public BreachRecord OpenRecord(byte[] key) => BreachRecord.FromJson(ContentKeys.Open(key, Record, Binding));
}

internal sealed class BreachConfiguration : IEntityTypeConfiguration<Breach>
{
    public void Configure(EntityTypeBuilder<Breach> builder)
    {
        builder.ToTable("Breaches");
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Audience).HasConversion<string>().HasMaxLength(30);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.Ignore(b => b.Binding);
        builder.HasIndex(b => new { b.SpaceId, b.CreatedAt });
        builder.HasIndex(b => b.AuthorId);
        builder.HasOne<Space>().WithMany().HasForeignKey(b => b.SpaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(b => b.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}
