using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;

namespace Kintsugi.Web.Features.Atone;

/// <summary>Ask a question to be answered honestly. Asking means someone reads it, so it goes to the partners unless the asker says otherwise.</summary>
internal static class AskQuestion
{
    public sealed class Request
    {
        public string Text { get; set; } = "";

        public Audience Audience { get; set; } = Audience.Partners;

        public bool ForContainer { get; set; }
    }

    public sealed record Created(Guid Id);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, TimeProvider time)
    {
        public async Task<Outcome<Created>> HandleAsync(Guid spaceId, Request request, CancellationToken cancellationToken)
        {
            if (await access.PartnerAsync(spaceId, cancellationToken) is not { } me)
            {
                return Outcome<Created>.NotFound();
            }

            var text = request.Text?.Trim() ?? "";
            if (text.Length is 0 or > HonestQuestion.TextLength)
            {
                return Outcome<Created>.Invalid(nameof(Request.Text), text.Length == 0 ? "Write the question first." : "A question can be up to 2,000 characters.");
            }

            if (!Enum.IsDefined(request.Audience))
            {
                return Outcome<Created>.Invalid(nameof(Request.Audience), "Choose who can read this question.");
            }

            var now = time.GetUtcNow();
            var id = Guid.CreateVersion7(now);
            db.HonestQuestions.Add(new HonestQuestion
            {
                Id = id,
                SpaceId = spaceId,
                AuthorId = me.UserId,
                Audience = request.Audience,
                Text = ContentKeys.Seal(await keys.ForAsync(spaceId, me.UserId, request.Audience, cancellationToken), text, HonestQuestion.Bind(id)),
                ForContainer = request.ForContainer,
                CreatedAt = now.UtcDateTime,
            });
            await db.SaveChangesAsync(CancellationToken.None);
            return Outcome<Created>.Ok(new Created(id));
        }
    }
}
