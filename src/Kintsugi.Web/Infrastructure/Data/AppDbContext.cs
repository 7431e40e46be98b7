using Kintsugi.Web.Features.Account;
using Kintsugi.Web.Features.Account.Sessions;
using Kintsugi.Web.Features.Account.Throttling;
using Kintsugi.Web.Features.Agreements;
using Kintsugi.Web.Features.Atone;
using Kintsugi.Web.Features.Journal;
using Kintsugi.Web.Features.Repair;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Email;
using Kintsugi.Web.Infrastructure.Reminders;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Infrastructure.Data;

/// <summary>
/// The one model for both databases. Each provider has a subclass that owns its migration set
/// (<see cref="SqliteAppDbContext"/>, <see cref="PostgresAppDbContext"/>); code depends on this type only.
/// </summary>
internal abstract class AppDbContext(DbContextOptions options) : IdentityUserContext<AppUser, Guid>(options)
{
    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<AuthThrottle> AuthThrottles => Set<AuthThrottle>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<UserKey> UserKeys => Set<UserKey>();

    public DbSet<Space> Spaces => Set<Space>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<JoinApproval> JoinApprovals => Set<JoinApproval>();

    public DbSet<Invite> Invites => Set<Invite>();

    public DbSet<JournalEntry> JournalEntries => Set<JournalEntry>();

    public DbSet<JournalEntryVersion> JournalEntryVersions => Set<JournalEntryVersion>();

    public DbSet<Breach> Breaches => Set<Breach>();

    public DbSet<DecisionRound> DecisionRounds => Set<DecisionRound>();

    public DbSet<DecisionAnswer> DecisionAnswers => Set<DecisionAnswer>();

    public DbSet<StageVote> StageVotes => Set<StageVote>();

    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<Reflection> Reflections => Set<Reflection>();

    public DbSet<Letter> Letters => Set<Letter>();

    public DbSet<LetterDraft> LetterDrafts => Set<LetterDraft>();

    public DbSet<Commitment> Commitments => Set<Commitment>();

    public DbSet<FollowThrough> FollowThroughs => Set<FollowThrough>();

    public DbSet<Noticed> Noticed => Set<Noticed>();

    public DbSet<HonestQuestion> HonestQuestions => Set<HonestQuestion>();

    public DbSet<HonestAnswer> HonestAnswers => Set<HonestAnswer>();

    public DbSet<Container> Containers => Set<Container>();

    public DbSet<ContainerReminder> ContainerReminders => Set<ContainerReminder>();

    public DbSet<ParkedItem> ParkedItems => Set<ParkedItem>();

    public DbSet<Agreement> Agreements => Set<Agreement>();

    public DbSet<AgreementVersion> AgreementVersions => Set<AgreementVersion>();

    public DbSet<Signature> AgreementSignatures => Set<Signature>();

    public DbSet<Crossing> Crossings => Set<Crossing>();

    public DbSet<CrossingMove> CrossingMoves => Set<CrossingMove>();

    public DbSet<ProactivePlan> ProactivePlans => Set<ProactivePlan>();

    public DbSet<ScheduledReminder> ScheduledReminders => Set<ScheduledReminder>();

    public DbSet<ReminderOptIn> ReminderOptIns => Set<ReminderOptIn>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly, t => !t.IsAbstract);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC in, UTC out, on both providers (SQLite would hand back Unspecified).
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
