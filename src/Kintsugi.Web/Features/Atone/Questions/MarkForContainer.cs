using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>Mark a question to be taken up in a container, or take the mark off. Anyone who can read the question may, the asker and those answering alike.</summary>
internal static class MarkForContainer
{
    public sealed class Request
    {
        public bool ForContainer { get; set; } = true;
    }

    public sealed record State(bool ForContainer);

    public sealed class Handler(AppDbContext db, SpaceAccess access)
    {
        public async Task<Outcome<State>> HandleAsync(Guid spaceId, Guid questionId, Request request, CancellationToken cancellationToken)
        {
            if (await access.PartnerAsync(spaceId, cancellationToken) is not { } me)
            {
                return Outcome<State>.NotFound();
            }

            var changed = await db.HonestQuestions.VisibleTo(db, me.UserId)
                .Where(q => q.Id == questionId && q.SpaceId == spaceId)
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.ForContainer, request.ForContainer), CancellationToken.None);
            return changed == 1 ? Outcome<State>.Ok(new State(request.ForContainer)) : Outcome<State>.NotFound();
        }
    }
}
