using Kintsugi.Web.Features.Account;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kintsugi.Web.Features.Atone;

/// <summary>
/// A question the partner who was hurt needs answered ("honest answers"). Its audience is chosen by
/// whoever asks, and its answers (<see cref="HonestAnswer"/>) are read by exactly the same people.
/// Either side can mark it to be taken up in a container instead of in writing.
/// </summary>
internal sealed class HonestQuestion : ISpaceContent
{
    public const int TextLength = 2_000;

    public Guid Id { get; set; }

    public Guid SpaceId { get; set; }

    public Guid AuthorId { get; set; }

    public Audience Audience { get; set; }

    public byte[] Text { get; set; } = [];

    public bool ForContainer { get; set; }

    /// <summary>The container it was taken up in, once someone ticked it off there; it then leaves the agendas of later ones.</summary>
    public Guid? TalkedAboutIn { get; set; }

    public DateTime CreatedAt { get; set; }

    public string Binding => Bind(Id);

    public static string Bind(Guid id) => $"question:{id:N}:text";
}

/// <summary>One partner's answer to a question, sealed under the question's key; its author may rewrite it.</summary>
internal sealed class HonestAnswer
{
    public const int TextLength = 10_000;

    public Guid Id { get; set; }

    public Guid QuestionId { get; set; }

    public Guid SpaceId { get; set; }

    public Guid AuthorId { get; set; }

    public byte[] Text { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public int Version { get; set; }

    public static string Bind(Guid id) => $"answer:{id:N}:text";
}

internal sealed class HonestQuestionConfiguration : IEntityTypeConfiguration<HonestQuestion>
{
    public void Configure(EntityTypeBuilder<HonestQuestion> builder)
    {
        builder.ToTable("HonestQuestions");
        builder.Property(q => q.Id).ValueGeneratedNever();
        builder.Property(q => q.Audience).HasConversion<string>().HasMaxLength(30);
        builder.Ignore(q => q.Binding);
        builder.HasIndex(q => new { q.SpaceId, q.CreatedAt });
        builder.HasIndex(q => q.AuthorId);
        builder.HasOne<Space>().WithMany().HasForeignKey(q => q.SpaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(q => q.AuthorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Container>().WithMany().HasForeignKey(q => q.TalkedAboutIn).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class HonestAnswerConfiguration : IEntityTypeConfiguration<HonestAnswer>
{
    public void Configure(EntityTypeBuilder<HonestAnswer> builder)
    {
        builder.ToTable("HonestAnswers");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.QuestionId, a.AuthorId }).IsUnique();
        builder.HasIndex(a => a.AuthorId);
        builder.HasOne<HonestQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}
