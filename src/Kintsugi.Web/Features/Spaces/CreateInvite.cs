using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Microsoft.Extensions.Options;

namespace Kintsugi.Web.Features.Spaces;

/// <summary>
/// A partner invites another partner or a practitioner. The code is shown once, to the partner who
/// made it, who passes it on however they like; Kintsugi sends no invitation e-mails, so nobody
/// learns from us whether an address has an account.
/// </summary>
internal static class CreateInvite
{
    public sealed class Request
    {
        public MemberRole Role { get; set; } = MemberRole.Partner;
    }

    public sealed record Created(Guid Id, MemberRole Role, string Code, string Link, DateTime ExpiresAt);

    public sealed class Handler(AppDbContext db, SpaceAccess access, PublicUrl publicUrl, IOptions<SpaceOptions> options, TimeProvider time)
    {
        public async Task<Outcome<Created>> HandleAsync(Guid spaceId, Request request, CancellationToken cancellationToken)
        {
            if (await access.PartnerAsync(spaceId, cancellationToken) is not { } me)
            {
                return Outcome<Created>.NotFound();
            }

            if (!Enum.IsDefined(request.Role))
            {
                return Outcome<Created>.Invalid(nameof(Request.Role), "Choose whether you are inviting a partner or a practitioner.");
            }

            var now = time.GetUtcNow();
            var code = Invite.NewCode();
            var invite = new Invite
            {
                Id = Guid.CreateVersion7(now),
                SpaceId = spaceId,
                Role = request.Role,
                CodeHash = Invite.Hash(code),
                CreatedBy = me.UserId,
                CreatedAt = now.UtcDateTime,
                ExpiresAt = now.UtcDateTime + options.Value.InviteLifetime,
            };
            db.Invites.Add(invite);
            await db.SaveChangesAsync(CancellationToken.None);
            var link = publicUrl.For(JoinPath, new Dictionary<string, string?> { ["code"] = code });
            return Outcome<Created>.Ok(new Created(invite.Id, invite.Role, code, link, invite.ExpiresAt));
        }
    }

    public const string JoinPath = "/spaces/join";
}
