using Kintsugi.Web.Infrastructure.Http;

namespace Kintsugi.Web.Features.Journal;

/// <summary>The journal over JSON, under /api/v1/spaces/{spaceId}/journal. Anything you may not read is 404, like an id that never existed.</summary>
internal static class JournalApi
{
    public static RouteGroupBuilder MapJournalApi(this RouteGroupBuilder space)
    {
        var journal = space.MapGroup("/journal").WithTags("Journal");

        journal.MapGet("/", async (Guid spaceId, ListEntries.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, ct)).ToResult(items => TypedResults.Ok(items)))
            .Produces<IReadOnlyList<ListEntries.Item>>().WithProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .WithSummary("Your entries and the ones shared with you, newest first.");

        journal.MapPost("/", async (Guid spaceId, WriteEntry.Request request, WriteEntry.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, request, ct)).ToResult(created => TypedResults.Created($"/api/v1/spaces/{spaceId}/journal/{created.Id}", created)))
            .Produces<WriteEntry.Created>(StatusCodes.Status201Created).WithProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .WithSummary("Write an entry (partners). Audience: onlyMe (default), partners, or partnersAndPractitioner. Kind: entry (default); account or impact with a breachId; note with a conversationId; examination with a crossingId.");

        journal.MapGet("/{entryId:guid}", async (Guid spaceId, Guid entryId, GetEntry.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, entryId, ct)).ToResult(view => TypedResults.Ok(view)))
            .Produces<GetEntry.View>().WithProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .WithSummary("One entry, with its earlier wordings if it was edited while shared.");

        journal.MapPut("/{entryId:guid}", async (Guid spaceId, Guid entryId, EditEntry.Request request, EditEntry.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, entryId, request, ct)).ToResult(saved => TypedResults.Ok(saved)))
            .Produces<EditEntry.Saved>().WithProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("Rewrite your entry. Send the version you read; 409 if it changed meanwhile.");

        journal.MapPut("/{entryId:guid}/audience", async (Guid spaceId, Guid entryId, ChangeAudience.Request request, ChangeAudience.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, entryId, request, ct)).ToResult(changed => TypedResults.Ok(changed)))
            .Produces<ChangeAudience.Changed>().WithProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .WithSummary("Choose who reads your entry. Only the author can.");

        journal.MapPost("/{entryId:guid}/withdraw", async (Guid spaceId, Guid entryId, ChangeAudience.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, entryId, new ChangeAudience.Request { Audience = Infrastructure.Security.Audience.OnlyMe }, ct)).ToResult(changed => TypedResults.Ok(changed)))
            .Produces<ChangeAudience.Changed>().WithProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .WithSummary("Withdraw a shared entry: it is yours alone again. Nobody is told.");

        journal.MapDelete("/{entryId:guid}", async (Guid spaceId, Guid entryId, DeleteEntry.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, entryId, ct)).ToResult(_ => TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent).WithProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .WithSummary("Delete your entry and its earlier wordings for good.");
        return space;
    }
}
